/**
 * The entry point of the bundle's `engine.cjs`: the modules `engine.ts` imports, built into one
 * CommonJS file that `engine-bundled.ts` loads through the compile cache.
 */
import * as eslintModule from 'eslint';
import * as pluginModule from '@nvcf-keylint/eslint-plugin';
import * as parserModule from '@typescript-eslint/parser';

export { eslintModule, parserModule, pluginModule };
