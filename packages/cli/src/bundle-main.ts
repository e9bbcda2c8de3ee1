#!/usr/bin/env node
/**
 * The bundle's entry point (bundle/nvcf-keylint.mjs). The CLI is prebuilt as one CommonJS file,
 * `cli.cjs`, and the code-linting engine as another, `engine.cjs`; both are loaded through V8's
 * code cache (see compile-cache.ts), so that a run does not spend most of its time compiling.
 */
import { fileURLToPath } from 'node:url';
import { compileCacheDir, requireCompiled } from './compile-cache.js';
import type * as Main from './main.js';

const cli = requireCompiled(fileURLToPath(new URL('./cli.cjs', import.meta.url)), compileCacheDir(process.env));
process.exitCode = await (cli.exports as typeof Main).main(process.argv.slice(2));
cli.keep();
