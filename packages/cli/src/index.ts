export { main, EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, type CliIo } from './main.js';
export { discoverFiles, MANIFEST_PATTERNS, type Discovery } from './discover.js';
export { explain, type ExplainAnswer, type ExplainRequest } from './explain.js';
export { toLintResults, type LintResult, type LintMessage } from './results.js';
export { formatResults, FORMAT_NAMES, type FormatName } from './formatters/index.js';
