/**
 * The bundle's `engine.ts`: the engine is prebuilt as one CommonJS file, `engine.cjs` beside
 * `cli.cjs`, loaded through V8's code cache. Compiling it (ESLint and the TypeScript compiler are
 * megabytes of JavaScript) was the largest single cost of a run on a few files.
 */
import { fileURLToPath } from 'node:url';
import { compileCacheDir, requireCompiled } from './compile-cache.js';
import { engineOf, type Engine } from './engine-api.js';
import type * as EngineModules from './engine-modules.js';

export async function loadEngine(): Promise<Engine> {
  const loaded = requireCompiled(fileURLToPath(new URL('./engine.cjs', import.meta.url)), compileCacheDir(process.env));
  const { eslintModule, parserModule, pluginModule } = loaded.exports as typeof EngineModules;
  return engineOf(eslintModule, parserModule, pluginModule, loaded.keep);
}
