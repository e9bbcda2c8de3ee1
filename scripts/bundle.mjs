// Builds the self-contained CLI in bundle/ that the pre-commit hook and the GitHub Action run:
// everything (ESLint, the TypeScript parser, the shell parser) in four files, so installing the
// hook needs no registry download.
// - nvcf-keylint.mjs, the entry point: loads cli.cjs through V8's code cache (compile-cache.ts);
// - cli.cjs, the CLI: manifests, discovery, output;
// - engine.cjs, the code-linting engine (ESLint, the parser, the plugin), loaded the same way and
//   only when there is code to lint;
// - scanners.cjs, the config scanners and the shell parser, likewise only when there are CI files
//   or scripts.
// Profiles showed a run on a few files spending most of its time compiling these megabytes of
// JavaScript; from the second run on, the compiled code comes from the cache, and a run compiles
// only the parts it uses.
// `pnpm bundle` writes it; a test rebuilds it into a temporary directory and compares.
import { chmodSync, readFileSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = `${root}packages/cli/dist`;

/** In cli.cjs, the engine and the scanners come from their own files, not from the modules. */
const PARTS = { [`${dist}/lint-code.js`]: ['./engine.js', `${dist}/engine-bundled.js`], [`${dist}/read-configs.js`]: ['./scanners.js', `${dist}/scanners-bundled.js`] };
const bundledParts = {
  name: 'bundled-parts',
  setup(build) {
    build.onResolve({ filter: /^\.\/(engine|scanners)\.js$/ }, (args) => {
      const [specifier, replacement] = PARTS[args.importer] ?? [];
      return specifier === args.path ? { path: replacement } : undefined;
    });
  },
};

export async function bundle(outdir) {
  const { version } = JSON.parse(readFileSync(`${root}packages/cli/package.json`, 'utf8'));
  rmSync(outdir, { recursive: true, force: true });
  const shared = {
    bundle: true,
    platform: 'node',
    target: 'node20',
    minify: process.env.NVCF_KEYLINT_BUNDLE_DEBUG !== '1',
    legalComments: 'none',
    // ESM builds first (jsonc-parser's UMD build requires its modules dynamically).
    mainFields: ['module', 'main'],
    // ESLint loads jiti only for TypeScript config files, which the CLI never uses.
    external: ['jiti', 'jiti/package.json'],
    logLevel: 'error',
  };
  // CommonJS files: import.meta.url is the file's own URL, as it is in the modules they are built from.
  const commonjs = {
    ...shared,
    format: 'cjs',
    define: { __NVCF_KEYLINT_VERSION__: JSON.stringify(version), 'import.meta.url': '__nvcfImportMetaUrl' },
    banner: { js: "const __nvcfImportMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
  };
  await build({ ...commonjs, entryPoints: [`${dist}/engine-modules.js`], outfile: `${outdir}/engine.cjs` });
  await build({ ...commonjs, entryPoints: [`${root}packages/config-scanners/dist/index.js`], outfile: `${outdir}/scanners.cjs` });
  const { metafile } = await build({ ...commonjs, entryPoints: [`${dist}/main.js`], outfile: `${outdir}/cli.cjs`, plugins: [bundledParts], metafile: true });
  // Were the parts' modules in cli.cjs too, every run would compile them.
  const leaked = Object.keys(metafile.inputs).filter((input) => /node_modules\/(\.pnpm\/[^/]+\/node_modules\/)?(eslint|typescript|mvdan-sh)\/|packages\/(eslint-plugin|config-scanners)\/dist\/index\.js/.test(input));
  if (leaked.length > 0) throw new Error(`A part leaked into cli.cjs: ${leaked.slice(0, 3).join(', ')}`);
  await build({ ...shared, format: 'esm', entryPoints: [`${dist}/bundle-main.js`], outfile: `${outdir}/nvcf-keylint.mjs` });
  // The pre-commit hook runs it as a script.
  chmodSync(`${outdir}/nvcf-keylint.mjs`, 0o755);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await bundle(`${root}bundle`);
  console.log('wrote bundle/');
}
