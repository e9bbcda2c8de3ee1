export { readManifest, readManifestText, manifestFormat, type ReadManifestOptions } from './read.js';
export { buildManifestSchema, MANIFEST_SCHEMA_ID } from './schema.js';
export { MAX_MANIFEST_BYTES, sizeProblem } from './decode.js';
export { MAX_ALIAS_COUNT } from './parse.js';
export { describePath } from './validate.js';
export { readManifestFile, readManifestFileSync, describeErrno } from './disk.js';
