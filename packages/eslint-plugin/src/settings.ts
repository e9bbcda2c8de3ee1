/**
 * `settings.nvcf` in an ESLint config:
 *
 *     settings: {
 *       nvcf: {
 *         manifest: 'infra/nvcf-keys.yaml',              // or a list; default: the nearest one
 *         wrappers: {
 *           'nvcf.deployFunction': { action: 'deploy-function', functionId: 0, versionId: 1 },
 *           'client.functions.create': 'create-function',
 *           '*.pexec.functions.create': { action: 'invoke-function', functionId: '0.functionId', credential: 'NVCF_API_KEY' },
 *         },
 *       },
 *     }
 */

/** Which argument holds a value: its index, or `index.property` for an options object. */
export type ArgumentPath = number | string;

export interface WrapperSpec {
  action: string;
  functionId?: ArgumentPath;
  versionId?: ArgumentPath;
  /** The env var the wrapper's key comes from, when the call site does not show it. */
  credential?: string;
}

export interface NvcfSettings {
  /** Manifest paths as given (relative to ESLint's cwd); `undefined`: the nearest manifest. */
  manifests: string[] | undefined;
  /** Call paths (dotted, `*` for any one segment) to what they do. */
  wrappers: Map<string, WrapperSpec>;
  /** Keep each file's facts for the nvcf-keylint CLI (set by the CLI, not by users). */
  collectFacts: boolean;
}

const cache = new WeakMap<object, NvcfSettings>();

/** Reads `settings.nvcf`, ignoring what is not of the documented shape. */
export function readSettings(settings: Readonly<Record<string, unknown>> | undefined): NvcfSettings {
  const raw = settings?.nvcf;
  if (raw !== null && typeof raw === 'object') {
    const cached = cache.get(raw);
    if (cached) return cached;
  }
  const nvcf = (raw !== null && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const manifest = nvcf.manifest;
  const manifests =
    typeof manifest === 'string'
      ? [manifest]
      : Array.isArray(manifest) && manifest.every((m) => typeof m === 'string')
        ? (manifest as string[])
        : undefined;
  const wrappers = new Map<string, WrapperSpec>();
  const rawWrappers = nvcf.wrappers;
  if (rawWrappers !== null && typeof rawWrappers === 'object') {
    for (const [path, spec] of Object.entries(rawWrappers as Record<string, unknown>)) {
      const parsed = readWrapper(spec);
      if (parsed) wrappers.set(path, parsed);
    }
  }
  const result = { manifests, wrappers, collectFacts: nvcf.collectFacts === true };
  if (raw !== null && typeof raw === 'object') cache.set(raw, result);
  return result;
}

function readWrapper(spec: unknown): WrapperSpec | undefined {
  if (typeof spec === 'string') return { action: spec };
  if (spec === null || typeof spec !== 'object') return undefined;
  const { action, functionId, versionId, credential } = spec as Record<string, unknown>;
  if (typeof action !== 'string') return undefined;
  const result: WrapperSpec = { action };
  if (isArgumentPath(functionId)) result.functionId = functionId;
  if (isArgumentPath(versionId)) result.versionId = versionId;
  if (typeof credential === 'string') result.credential = credential;
  return result;
}

function isArgumentPath(value: unknown): value is ArgumentPath {
  return (typeof value === 'number' && Number.isInteger(value) && value >= 0) || (typeof value === 'string' && /^\d+(\.[A-Za-z_$][\w$]*)*$/.test(value));
}
