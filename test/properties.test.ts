/**
 * Property-based tests: whatever the input, parsing, validation, detection and --fix never throw,
 * every finding lies inside its file, and fixes re-parse, keep every comment and are idempotent.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lint, loadCatalogue, matchNgcCommand, matchNvcfRequest, splitShellCommands, type Finding } from '@nvcf-keylint/core';
import { applyManifestFixes, readManifestText } from '@nvcf-keylint/manifest';
import { parseDocument, Scalar, stringify } from 'yaml';
import { Positions } from '@nvcf-keylint/manifest';
import { scalarScript } from '../packages/config-scanners/src/yaml-scripts.js';
import { githubWorkflowCalls, scanConfigFile, type ConfigKind } from '../packages/config-scanners/src/index.js';
import { EmbeddedText } from '../packages/config-scanners/src/embedded-text.js';
import { scanShell } from '../packages/config-scanners/src/shell/scan.js';
import { Scope } from '../packages/config-scanners/src/shell/scope.js';

const catalogue = loadCatalogue();
const RUNS = 300;

/** Every finding's range lies within the text (lines and columns that exist). */
function inside(text: string, findings: readonly Finding[]): boolean {
  const lines = text.split('\n');
  return findings.every((f) => {
    const { line, column, endLine, endColumn } = f.location;
    const lineText = lines[line - 1];
    const endText = lines[endLine - 1];
    return lineText !== undefined && endText !== undefined && column >= 1 && column <= lineText.length + 1 && endColumn >= 1 && endColumn <= endText.length + 1 && (endLine > line || endColumn >= column);
  });
}

const scopeNames = catalogue.scopes.map((s) => s.name);
const typeNames = catalogue.resourceTypes.map((t) => t.name);
const actionIds = catalogue.actions.map((a) => a.id);
const word = fc.oneof(fc.constantFrom(...scopeNames, ...typeNames, ...actionIds, 'deploy_function', 'All Function', '__proto__', 'constructor'), fc.string({ maxLength: 12 }));

/** Manifests close to valid ones: the shapes real people write, with random changes. */
const manifestData = fc.record(
  {
    version: fc.oneof(fc.constant(1), fc.integer(), fc.string()),
    keys: fc.dictionary(
      fc.oneof(fc.constantFrom('ci', 'invoker', '__proto__', 'constructor', 'a b'), fc.string({ minLength: 1, maxLength: 8 })),
      fc.record(
        {
          description: fc.string(),
          env: fc.array(fc.oneof(fc.constantFrom('NGC_API_KEY', 'NVCF_API_KEY'), fc.string({ maxLength: 8 })), { maxLength: 3 }),
          scopes: fc.oneof(fc.array(word, { maxLength: 5 }), word, fc.integer()),
          resource: fc.oneof(fc.record({ type: word, functions: fc.array(fc.string({ maxLength: 10 }), { maxLength: 3 }) }, { requiredKeys: ['type'] }), fc.string()),
          actions: fc.array(word, { maxLength: 4 }),
        },
        { requiredKeys: [] },
      ),
      { maxKeys: 4 },
    ),
  },
  { requiredKeys: [] },
);

describe('manifests', () => {
  it('random YAML and JSON trees never make reading or linting throw, and findings stay in the file', () => {
    fc.assert(
      fc.property(fc.oneof(manifestData, fc.jsonValue()), fc.boolean(), (data, json) => {
        const text = json ? JSON.stringify(data, null, 2) : stringify(data);
        const facts = readManifestText(json ? 'nvcf-keys.json' : 'nvcf-keys.yaml', text);
        const findings = lint({ manifests: [facts], usages: [], secrets: [] });
        expect(inside(text, findings)).toBe(true);
      }),
      { numRuns: RUNS },
    );
  });

  it('random text and mutations of a valid manifest never make reading throw', () => {
    const valid = 'version: 1\nkeys:\n  ci:   # the CI key\n    env: [NGC_CLI_API_KEY]\n    scopes: [Deploy Function]\n    resource: { type: All Functions }\n    actions: [deploy-function]\n';
    const mutation = fc.tuple(fc.nat(valid.length), fc.nat(8), fc.string({ maxLength: 8, unit: 'binary' }));
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary', maxLength: 300 }), fc.array(mutation, { minLength: 1, maxLength: 4 }).map((ms) => ms.reduce((t, [at, cut, insert]) => t.slice(0, at) + insert + t.slice(at + cut), valid))), (text) => {
        const findings = lint({ manifests: [readManifestText('nvcf-keys.yaml', text)], usages: [], secrets: [] });
        expect(inside(text, findings)).toBe(true);
      }),
      { numRuns: RUNS },
    );
  });

  it('--fix output re-parses, keeps every comment and every untouched line, and is idempotent', () => {
    const scopeList = fc.subarray(scopeNames, { minLength: 1, maxLength: 3 });
    const key = fc.record({
      flow: fc.boolean(),
      quote: fc.constantFrom('', '"', "'"),
      scopes: scopeList,
      type: fc.constantFrom('All Functions', 'All Entity', 'Function'),
      actions: fc.subarray(actionIds, { minLength: 1, maxLength: 3 }),
      comment: fc.constantFrom('', '  # why', '   # deploys #1'),
    });
    fc.assert(
      fc.property(fc.array(key, { minLength: 1, maxLength: 3 }), fc.boolean(), (keys, crlf) => {
        const q = (s: string, quote: string) => `${quote}${s}${quote}`;
        const lines = ['# keys', 'version: 1', 'keys:'];
        keys.forEach((k, i) => {
          lines.push(`  k${i}:${k.comment}`);
          if (k.flow) lines.push(`    scopes: [${k.scopes.map((s) => q(s, k.quote)).join(', ')}]${k.comment}`);
          else lines.push(`    scopes:${k.comment}`, ...k.scopes.map((s) => `      - ${q(s, k.quote)}${k.comment}`));
          lines.push('    resource:', `      type: ${k.type}`, ...(k.type === 'Function' ? ['      functions: [f-1]'] : []), `    actions: [${k.actions.join(', ')}]`);
        });
        const text = `${lines.join(crlf ? '\r\n' : '\n')}${crlf ? '\r\n' : '\n'}`;
        const fixes = lint({ manifests: [readManifestText('nvcf-keys.yaml', text)], usages: [], secrets: [] }).flatMap((f) => (f.fix ? [f.fix] : []));
        const fixed = applyManifestFixes('nvcf-keys.yaml', text, fixes);
        expect(readManifestText('nvcf-keys.yaml', fixed).fatal).toBeNull();
        const comments = (t: string) => t.split(/\r?\n/).flatMap((l) => /#.*$/.exec(l)?.[0] ?? []);
        expect(comments(fixed)).toEqual(comments(text));
        // Every original line is still there, in order (fixes only add items or lines).
        const fixedLines = fixed.split(/\r?\n/);
        let at = 0;
        for (const line of text.split(/\r?\n/)) {
          const found = fixedLines.findIndex((l, i) => i >= at && (l === line || l.startsWith(line.replace(/\].*$/, ''))));
          expect(found).toBeGreaterThanOrEqual(at);
          at = found + 1;
        }
        const again = lint({ manifests: [readManifestText('nvcf-keys.yaml', fixed)], usages: [], secrets: [] }).flatMap((f) => (f.fix ? [f.fix] : []));
        expect(applyManifestFixes('nvcf-keys.yaml', fixed, again)).toBe(fixed);
      }),
      { numRuns: 200 },
    );
  });
});

describe('detectors', () => {
  const junk = fc.oneof(fc.string({ unit: 'binary', maxLength: 200 }), fc.array(fc.constantFrom('https://', 'api.nvcf.nvidia.com', '/v2/nvcf', '/functions/', '{', '$', '\uFFFF', '..', ':', '%', 'orgs', 'pexec', '/'), { maxLength: 20 }).map((p) => p.join('')));

  it('URL matching never throws', () => {
    fc.assert(fc.property(fc.option(fc.string({ maxLength: 8 })), junk, (method, url) => void matchNvcfRequest(catalogue, method ?? undefined, url)), { numRuns: RUNS * 3 });
  });

  it('ngc command matching never throws', () => {
    const words = fc.array(fc.oneof(fc.constantFrom('cf', 'cloud-function', 'function', 'fn', 'deploy', 'create', 'ls', '--org', 'a:b', '-x', '--'), fc.string({ maxLength: 6 })), { maxLength: 10 });
    fc.assert(fc.property(words, (w) => void matchNgcCommand(catalogue, w)), { numRuns: RUNS * 3 });
  });

  it('shell splitting and the shell scanner never throw, and positions stay in the script', () => {
    const shell = fc.oneof(fc.string({ unit: 'binary', maxLength: 200 }), fc.array(fc.constantFrom('ngc cf function list', 'curl -H "Authorization: Bearer $K" https://api.nvcf.nvidia.com/v2/nvcf/functions', "'", '"', '\\\n', '<<EOF\n', 'EOF\n', '$(', ')', '${X}', ' && ', '|', '\n', 'export K=$Y ', 'docker run -e NGC_CLI_API_KEY=$K --rm img ', '--entrypoint ', '-e ', 'sh -c ', 'echo "K=$Y" >> "$GITHUB_ENV"', 'U="$B/x"; curl "$U" '), { maxLength: 12 }).map((p) => p.join('')));
    fc.assert(
      fc.property(shell, (script) => {
        splitShellCommands(script);
        const result = scanShell(EmbeddedText.ofFile(script), { file: 's.sh', catalogue, scope: new Scope(), envFile: 'GITHUB_ENV' });
        const lines = script.split('\n').length;
        for (const usage of result.usages) expect(usage.range.line).toBeLessThanOrEqual(lines);
      }),
      { numRuns: RUNS },
    );
  });
});

describe('CI files', () => {
  // Trees shaped like CI files: the keys the scanners read, nested at random, with commands as leaves.
  const command = fc.constantFrom('ngc cf function list', 'ngc cf fn deploy create --deployment-specification a:b:c:1:1 $F:${{ matrix.v }}', 'curl -H "Authorization: Bearer $K" https://api.nvcf.nvidia.com/v2/nvcf/functions', 'grpcurl -H "function-id: f" grpc.nvcf.nvidia.com:443 list', '$(', '"', 'echo "NGC_CLI_API_KEY=${{ secrets.K }}" >> $GITHUB_ENV', 'docker run -e NGC_CLI_API_KEY img ngc cf gpu ls', '$F$v', 'workflow_call', '${{ inputs.F }}', '${{ secrets.K }}', 'inherit');
  const key = fc.constantFrom('jobs', 'steps', 'run', 'env', 'strategy', 'matrix', 'include', 'exclude', 'script', 'before_script', 'extends', 'variables', 'parallel', 'default', '.tmpl', 'job', 'NGC_CLI_API_KEY', 'F', 'v', 'runs', 'using', 'shell', 'on', 'workflow_call', 'uses', 'secrets', 'with', 'local');
  const tree = fc.letrec((tie) => ({
    node: fc.oneof({ depthSize: 'small', withCrossShrink: true }, command, fc.string({ maxLength: 8 }), fc.integer(), fc.array(tie('node'), { maxLength: 4 }), fc.dictionary(key, tie('node'), { maxKeys: 5 })),
  })).node;
  const kinds: Array<[ConfigKind, string]> = [['github-actions', '.github/workflows/ci.yml'], ['gitlab-ci', '.gitlab-ci.yml']];

  it('random workflows and pipelines never make the scanners throw, and usages stay in the file', () => {
    fc.assert(
      fc.property(fc.dictionary(key, tree, { maxKeys: 6 }), fc.constantFrom(...kinds), (data, [kind, file]) => {
        const text = stringify(data);
        // The same tree as the pipeline's other file and as a caller of itself exercises the cross-file readers too.
        const options = kind === 'gitlab-ci' ? { pipeline: [{ file: 'other.yml', text }] } : { workflowCalls: githubWorkflowCalls('caller.yml', text, '.github/workflows/ci.yml') };
        const facts = scanConfigFile(file, new TextEncoder().encode(text), kind, catalogue, options);
        const findings = lint({ manifests: [], usages: facts.usages, secrets: facts.secrets, problems: facts.problems });
        expect(inside(text, findings)).toBe(true);
        expect(facts.problems.filter((p) => p.fatal && /Could not scan/.test(p.message))).toEqual([]);
      }),
      { numRuns: RUNS },
    );
  });
});

describe('scripts in YAML scalars', () => {
  it('map every character back into the file, whatever the quoting and folding', () => {
    const text = fc.array(fc.oneof(fc.constantFrom('ngc cf function list', ' ', '  ', '\n', '\n\n', "'", '"', '\\', '\t', '#', ': ', '$K', 'é', '\u2028'), fc.string({ maxLength: 6 })), { maxLength: 12 }).map((p) => p.join(''));
    const type = fc.constantFrom(Scalar.PLAIN, Scalar.QUOTE_SINGLE, Scalar.QUOTE_DOUBLE, Scalar.BLOCK_LITERAL, Scalar.BLOCK_FOLDED);
    fc.assert(
      fc.property(text, type, fc.integer({ min: 20, max: 80 }), (value, kind, lineWidth) => {
        const scalar = new Scalar(value);
        scalar.type = kind;
        const source = stringify({ script: [scalar] }, { lineWidth, minContentWidth: 10 });
        const document = parseDocument(source);
        const node = (document.get('script') as { items: unknown[] }).items[0] as Scalar;
        const embedded = scalarScript(node as never, source, new Positions(source));
        if (!embedded || typeof node.value !== 'string') return;
        // Flow scalars map exactly; a block scalar's trailing line breaks (chomping) do not matter to a script.
        // (`stringify` picks another style when the asked one cannot hold the value: read what it wrote.)
        if (node.type === Scalar.BLOCK_LITERAL) expect(embedded.text.trimEnd()).toBe(node.value.trimEnd());
        else if (node.type !== Scalar.BLOCK_FOLDED) expect(embedded.text).toBe(node.value);
        const lines = source.split('\n');
        for (let offset = 0; offset <= embedded.text.length; offset++) {
          const { line, column } = embedded.position(offset);
          expect(line).toBeGreaterThanOrEqual(1);
          expect(column).toBeLessThanOrEqual((lines[line - 1] ?? '').length + 1);
        }
      }),
      { numRuns: RUNS },
    );
  });
});
