/**
 * The code-linting engine: ESLint, the TypeScript parser and the nvcf-keylint plugin. It is by far
 * the largest part of the CLI, so it is loaded only when there is code to lint. The bundle replaces
 * this module with `engine-bundled.ts`, which loads a prebuilt copy through a compile cache.
 */
import { engineOf, type Engine } from './engine-api.js';

export async function loadEngine(): Promise<Engine> {
  const [eslintModule, parserModule, pluginModule] = await Promise.all([import('eslint'), import('@typescript-eslint/parser'), import('@nvcf-keylint/eslint-plugin')]);
  return engineOf(eslintModule, parserModule, pluginModule);
}
