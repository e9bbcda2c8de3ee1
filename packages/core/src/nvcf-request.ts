import type { Action, Catalogue, HttpMethod } from './catalogue/index.js';
import type { UsageTarget } from './facts.js';

/**
 * Stands for a part of a URL that is not known statically (a variable, a call). Detectors build
 * URLs with it; matching treats it as "any text" where the catalogue has a `{parameter}`, and as
 * "cannot tell" anywhere else, so an unknown part never produces a finding.
 */
export const UNKNOWN = '\uFFFF';

export interface NvcfRequestMatch {
  action: Action;
  target?: UsageTarget;
}

interface CompiledPattern {
  action: Action;
  methods: readonly HttpMethod[];
  segments: string[];
  absolute: boolean;
  literalCount: number;
}

const compiled = new WeakMap<Catalogue, CompiledPattern[]>();

function patternsOf(catalogue: Catalogue): CompiledPattern[] {
  let patterns = compiled.get(catalogue);
  if (!patterns) {
    patterns = catalogue.actions.flatMap((action) =>
      action.http.map((h) => {
        const segments = splitPath(h.absolutePath ?? h.path ?? '');
        return {
          action,
          methods: Array.isArray(h.method) ? h.method : [h.method],
          segments,
          absolute: h.absolutePath !== undefined,
          literalCount: segments.filter((s) => !isParameter(s)).length,
        };
      }),
    );
    compiled.set(catalogue, patterns);
  }
  return patterns;
}

function splitPath(path: string): string[] {
  return path.split('/').filter((s) => s !== '');
}

function isParameter(segment: string): boolean {
  return segment.startsWith('{') && segment.endsWith('}');
}

/**
 * Which NVCF action an HTTP request performs, from its method (`undefined` when not known) and URL
 * (which may contain {@link UNKNOWN}). Every host form of the reference is recognised: the NVCF and
 * NGC API hosts with `/v2/nvcf/...` or `/v2/orgs/{org}[/teams/{team}]/nvcf/...`, the NGC paths of
 * cluster and GPU operations, and `{functionId}.invocation.api.nvcf.nvidia.com`. An unknown host is
 * accepted only in front of a literal `/v2/nvcf/` path. Anything ambiguous is `undefined`.
 */
export function matchNvcfRequest(catalogue: Catalogue, method: string | undefined, url: string): NvcfRequestMatch | undefined {
  if (url.length > 4096) return undefined;
  const parsed = /^(?:([a-zA-Z][a-zA-Z0-9+.-]*):\/\/([^/?#]*))?([^?#]*)/.exec(url);
  if (!parsed) return undefined;
  const [, scheme, host, rawPath = ''] = parsed;
  if (scheme !== undefined && !/^(https?|\uFFFF+)$/i.test(scheme)) return undefined;
  const hostName = host?.replace(/:\d+$/, '').toLowerCase();
  const { hosts, invocationHostSuffix } = catalogue.http;

  if (hostName !== undefined && hostName.endsWith(invocationHostSuffix)) {
    const functionId = hostName.slice(0, -invocationHostSuffix.length);
    const action = catalogue.actions.find((a) => a.invocationHost === true);
    if (!action || functionId === '' || functionId.includes('.')) return undefined;
    return functionId.includes(UNKNOWN) ? { action } : { action, target: { functionId } };
  }
  const knownHost = hostName !== undefined && hosts.includes(hostName);
  const unknownHost = hostName === undefined || hostName.includes(UNKNOWN);
  if (!knownHost && !unknownHost) return undefined;

  const segments = splitPath(rawPath);
  const nvcfRoot = findNvcfRoot(segments);
  if (nvcfRoot === undefined && !knownHost) return undefined;
  const candidates = patternsOf(catalogue).filter((p) =>
    p.absolute ? knownHost && nvcfRoot === undefined && matches(p.segments, segments) : nvcfRoot !== undefined && matches(p.segments, segments.slice(nvcfRoot)),
  );
  const upper = method?.toUpperCase();
  const knownMethod = upper !== undefined && !upper.includes(UNKNOWN) ? (upper as HttpMethod) : undefined;
  const byMethod = knownMethod === undefined ? candidates : candidates.filter((p) => p.methods.includes(knownMethod));
  if (byMethod.length === 0) return undefined;
  const best = Math.max(...byMethod.map((p) => p.literalCount));
  const chosen = byMethod.filter((p) => p.literalCount === best);
  const actions = new Set(chosen.map((p) => p.action));
  if (actions.size !== 1) return undefined; // e.g. an unknown method on /functions/{f}/versions/{v}
  const pattern = chosen[0] as CompiledPattern;
  const match: NvcfRequestMatch = { action: pattern.action };
  const actual = pattern.absolute ? segments : segments.slice(nvcfRoot);
  const functionId = parameter(pattern.segments, actual, '{functionId}');
  const versionId = parameter(pattern.segments, actual, '{versionId}');
  if (functionId !== undefined && !functionId.includes(UNKNOWN)) {
    match.target = versionId !== undefined && !versionId.includes(UNKNOWN) ? { functionId, versionId } : { functionId };
  }
  return match;
}

/** Index of the first segment after `v2/nvcf` or `v2/orgs/{org}[/teams/{team}]/nvcf`. */
function findNvcfRoot(segments: readonly string[]): number | undefined {
  for (let i = 0; i + 1 < segments.length; i++) {
    if (segments[i] !== 'v2') continue;
    if (segments[i + 1] === 'nvcf') return i + 2;
    if (segments[i + 1] === 'orgs' && segments[i + 3] === 'nvcf') return i + 4;
    if (segments[i + 1] === 'orgs' && segments[i + 3] === 'teams' && segments[i + 5] === 'nvcf') return i + 6;
  }
  return undefined;
}

function matches(pattern: readonly string[], actual: readonly string[]): boolean {
  if (pattern.length !== actual.length) return false;
  return pattern.every((segment, i) => isParameter(segment) ? actual[i] !== '' : segment === actual[i]);
}

function parameter(pattern: readonly string[], actual: readonly string[], name: string): string | undefined {
  const index = pattern.indexOf(name);
  return index === -1 ? undefined : decodeSegment(actual[index] as string);
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/**
 * Which NVCF action a gRPC call performs: a call to the catalogue's gRPC host (any port, with or
 * without a `dns:` / `grpcs://` style prefix) is the action marked `grpc`, for the function and
 * version its metadata names. `functionId` and `versionId` are the metadata values, `undefined`
 * when absent; a value that is not known statically leaves the target out. A call whose metadata
 * names no function is not recognised: the gRPC host serves every function, the metadata says which.
 */
export function matchNvcfGrpc(
  catalogue: Catalogue,
  address: string,
  functionId: string | undefined,
  versionId: string | undefined,
): NvcfRequestMatch | undefined {
  const host = address
    .trim()
    .replace(/^(?:dns:(?:\/\/[^/]*\/)?|[a-z][a-z0-9+.-]*:\/\/)/i, '')
    .replace(/\/.*$/, '')
    .replace(/:\d+$/, '')
    .toLowerCase();
  if (host !== catalogue.http.grpcHost || functionId === undefined) return undefined;
  const action = catalogue.actions.find((a) => a.grpc === true);
  if (!action) return undefined;
  const id = functionId.trim();
  if (id === '' || id.includes(UNKNOWN)) return { action };
  const version = versionId?.trim();
  return { action, target: version !== undefined && version !== '' && !version.includes(UNKNOWN) ? { functionId: id, versionId: version } : { functionId: id } };
}
