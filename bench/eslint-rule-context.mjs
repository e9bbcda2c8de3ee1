// A bench-only experiment, preloaded with `node --import`: ESLint 10 with its rule contexts built so
// that they do not keep each file alive. Never loaded by the CLI, the plugin or the tests.
//
// ESLint builds each rule's `context` as `Object.create(fileContext)` (FileContext#extend in
// lib/linter/file-context.js), once per rule per file. V8 gives every new prototype a new hidden
// class (map), and maps live in the old generation: the map points at that file's FileContext,
// which points at its SourceCode (text, tokens, AST, scopes). The young-generation collector treats
// old-to-young pointers as roots, so every linted file is copied and then promoted until the next
// full collection. With no rule enabled, `extend` is never called and none of that happens: this
// is why ESLint with any rule, even an empty one, costs 10-20% more CPU than with none
// (`node bench/eslint-retention.mjs` shows it without the plugin).
//
// The replacement below gives every context the same prototype (FileContext.prototype) and copies
// the six file fields instead of inheriting them: same properties, still frozen, still a
// FileContext, and ESLint's output is unchanged (the retention script compares it).
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const requireFromHere = createRequire(import.meta.url);
const eslintRoot = dirname(requireFromHere.resolve('eslint/package.json'));
// An absolute path, because the package's `exports` do not expose lib/linter.
const { FileContext } = requireFromHere(join(eslintRoot, 'lib/linter/file-context.js'));

if (typeof FileContext?.prototype?.extend !== 'function') {
  // Fail loudly rather than measure an unpatched ESLint under the patched row's name.
  throw new Error(`bench/eslint-rule-context.mjs: ${eslintRoot} has no FileContext#extend to replace; update the experiment for this ESLint version`);
}

FileContext.prototype.extend = function extend(extension) {
  return Object.freeze(Object.assign(Object.create(FileContext.prototype), this, extension));
};
