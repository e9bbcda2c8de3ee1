/**
 * What the CLI uses of the code-linting engine, whichever way it was loaded: `engine.ts` imports
 * the modules; the bundle's `engine-bundled.ts` loads them prebuilt from `engine.cjs`.
 */
import type * as ESLintModule from 'eslint';
import type * as Plugin from '@nvcf-keylint/eslint-plugin';
import type * as Parser from '@typescript-eslint/parser';

export interface Engine {
  ESLint: typeof ESLintModule.ESLint;
  parser: typeof Parser;
  plugin: typeof Plugin.plugin;
  recommended: typeof Plugin.recommended;
  collectedFacts: typeof Plugin.collectedFacts;
  /** Keeps what loading compiled for the next run, where the loader can; a no-op otherwise. */
  keepCompiledCode(): void;
}

export function engineOf(eslintModule: typeof ESLintModule, parserModule: typeof Parser, pluginModule: typeof Plugin, keepCompiledCode: () => void = () => {}): Engine {
  const { plugin, recommended, collectedFacts } = pluginModule;
  return { ESLint: eslintModule.ESLint, parser: parserModule, plugin, recommended, collectedFacts, keepCompiledCode };
}

