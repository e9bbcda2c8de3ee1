/** The shape of `rules/catalogue.yaml`, as validated by `rules/catalogue.schema.json`. */

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface SourceRef {
  /** A key of {@link CatalogueData.sources}. */
  ref: string;
  /** The heading of the cited section. */
  section: string;
  note?: string;
}

export interface ScopeData {
  name: string;
  description: string;
  identifier?: string;
  onlyResourceTypes?: string[];
  source: SourceRef;
}

export type FunctionList = 'none' | 'function-ids' | 'function-versions';

export interface ResourceTypeData {
  name: string;
  description: string;
  functionList: FunctionList;
  /** Types that grant a subset of what this one grants. */
  narrower?: string[];
  undocumentedNarrowingOf?: string;
  source: SourceRef;
}

export interface HttpPatternData {
  method: HttpMethod | HttpMethod[];
  path?: string;
  absolutePath?: string;
}

export interface ActionData {
  id: string;
  title: string;
  matrixRow: string | null;
  requiredScopes: string[];
  supportedResourceTypes: string[] | null;
  http: HttpPatternData[];
  invocationHost?: boolean;
  grpc?: boolean;
  cli: string[][];
  source: SourceRef;
}

export interface CatalogueData {
  revision: number;
  sources: Record<string, { title: string; url: string }>;
  scopes: ScopeData[];
  resourceTypes: ResourceTypeData[];
  cli: { program: string; roots: string[]; aliases: Record<string, string>; keyEnv: string[]; source: SourceRef };
  http: {
    hosts: string[];
    invocationHostSuffix: string;
    grpcHost: string;
    grpcMetadata: { authorization: string; functionId: string; versionId: string };
    source: SourceRef;
  };
  actions: ActionData[];
}
