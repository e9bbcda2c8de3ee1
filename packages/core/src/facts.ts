import type { SuppressionDirective } from './suppressions.js';

/**
 * Facts: what sources (manifests, code, CI configs) tell the engine. Sources only describe their
 * input, with exact locations; the engine alone decides whether a key is sufficient.
 */

/** 1-based line and column; `endColumn` is exclusive, as in ESLint. */
export interface SourceRange {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export interface SourceLocation extends SourceRange {
  file: string;
}

export interface Located<T> {
  value: T;
  range: SourceRange;
}

/** One Service Key as a manifest declares it. Fields a manifest got wrong are `null` (not checked). */
export interface KeySpec {
  name: string;
  file: string;
  /** The key's name in the manifest. */
  range: SourceRange;
  description?: string;
  /** Environment variables and CI secrets that carry this key. */
  env: Located<string>[];
  /** Scope names as written; `null` when missing or malformed. */
  scopes: Located<string>[] | null;
  /** Resource type as written; `null` when missing or malformed. */
  resourceType: Located<string> | null;
  /** `resource.functions`: function ids, or `id:version` for Function Versions. */
  functions: Located<string>[];
  /** Declared purposes; `null` when the key declares none. */
  actions: Located<string>[] | null;
}

/** Input that could not be read as a manifest at all: the file gets one fatal message. */
export interface FatalProblem {
  message: string;
  range: SourceRange;
}

/** A structural problem in a manifest, reported under `manifest-schema`. */
export interface SchemaProblem {
  messageId: string;
  data: Record<string, string>;
  range: SourceRange;
}

export interface ManifestFacts {
  file: string;
  keys: KeySpec[];
  fatal: FatalProblem | null;
  schemaProblems: SchemaProblem[];
  /** Where key material (`nvapi-...`) appears; never the material itself. */
  secrets: SourceRange[];
  /** `# nvcf-keylint-disable-next-line` comments (YAML manifests). */
  suppressions?: SuppressionDirective[];
}

/** The function (and version) a call targets, when it is known statically. */
export interface UsageTarget {
  functionId: string;
  versionId?: string;
}

/** One NVCF operation performed by code or a CI step. */
export interface Usage {
  file: string;
  range: SourceRange;
  action: string;
  /**
   * The env var / CI secret names the call's key may come from, in precedence order: the first one
   * a manifest declares is the key used (the ngc CLI reads NGC_CLI_API_KEY, then NGC_API_KEY, then
   * NGC_APP_KEY). Empty when it cannot be known statically.
   */
  credentials: string[];
  target?: UsageTarget;
  /** Normalised text of the call, for fingerprints. */
  text: string;
}

/** Key material found in code or a config, outside any manifest. */
export interface SecretOccurrence {
  file: string;
  range: SourceRange;
}

/**
 * Input a source could not read (a workflow that is not YAML, a script that is not shell). Fatal
 * when the whole file is unreadable; otherwise a warning that part of it was not checked.
 */
export interface SourceProblem {
  file: string;
  range: SourceRange;
  message: string;
  fatal: boolean;
}

export interface Facts {
  manifests: ManifestFacts[];
  usages: Usage[];
  secrets: SecretOccurrence[];
  problems?: SourceProblem[];
  /** `# nvcf-keylint-disable-next-line` comments of manifests and CI files. */
  suppressions?: SuppressionDirective[];
}
