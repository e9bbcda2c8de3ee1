// Builds the self-contained CLI in bundle/ that the pre-commit hook and the GitHub Action run:
// everything (ESLint, the TypeScript parser, the shell parser) in a few files, so installing the
// hook needs no registry download. Code-split, so a manifest-only run loads only what it uses.
// `pnpm bundle` writes it; a test rebuilds it into a temporary directory and compares.
import { chmodSync, readFileSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));

export async function bundle(outdir) {
  const { version } = JSON.parse(readFileSync(`${root}packages/cli/package.json`, 'utf8'));
  rmSync(outdir, { recursive: true, force: true });
  await build({
    entryPoints: { 'nvcf-keylint': `${root}packages/cli/bin/nvcf-keylint.js` },
    outdir,
    bundle: true,
    splitting: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    minify: process.env.NVCF_KEYLINT_BUNDLE_DEBUG !== '1',
    legalComments: 'none',
    // ESM builds first (jsonc-parser's UMD build requires its modules dynamically).
    mainFields: ['module', 'main'],
    // ESLint loads jiti only for TypeScript config files, which the CLI never uses.
    external: ['jiti', 'jiti/package.json'],
    define: { __NVCF_KEYLINT_VERSION__: JSON.stringify(version) },
    // CommonJS dependencies expect require, __filename and __dirname in every chunk.
    banner: {
      js: [
        "import { createRequire as __nvcfRequire } from 'node:module';",
        "import { fileURLToPath as __nvcfPath } from 'node:url';",
        "import { dirname as __nvcfDirname } from 'node:path';",
        'const require = __nvcfRequire(import.meta.url);',
        'const __filename = __nvcfPath(import.meta.url);',
        'const __dirname = __nvcfDirname(__filename);',
      ].join(' '),
    },
    entryNames: '[name]',
    chunkNames: 'chunks/[name]-[hash]',
    outExtension: { '.js': '.mjs' },
    logLevel: 'error',
  });
  // The pre-commit hook runs it as a script.
  chmodSync(`${outdir}/nvcf-keylint.mjs`, 0o755);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await bundle(`${root}bundle`);
  console.log('wrote bundle/');
}
