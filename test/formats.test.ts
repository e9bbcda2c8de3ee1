/** sarif, github, junit and --output-file, on projects with every kind of finding. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import AjvDraft04 from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { rules } from '@nvcf-keylint/core';
import { makeProject, ROOT, runCli } from './support/cli.js';

/** SARIF is checked against its schema first; the tests then read it as plain JSON. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the shape is validated by the official schema above
type Json = any;

const SARIF_SCHEMA = join(ROOT, '../shared/schemas/sarif-schema-2.1.0.json');
const CI_FIXTURE = join(ROOT, 'test/fixtures/ci-nvcf');

function validateSarif(text: string) {
  const ajv = new AjvDraft04({ strict: false, allErrors: true });
  (addFormats as unknown as (a: AjvDraft04) => void)(ajv);
  const validate = ajv.compile(JSON.parse(readFileSync(SARIF_SCHEMA, 'utf8')) as object);
  const sarif = JSON.parse(text) as unknown;
  const valid = validate(sarif);
  return { valid, errors: validate.errors, sarif: sarif as { runs: Json[] } };
}

describe('sarif', () => {
  it('is valid SARIF 2.1.0 with every rule described, fingerprints and related locations', async () => {
    const run = await runCli(['--format', 'sarif'], { cwd: CI_FIXTURE });
    const { valid, errors, sarif } = validateSarif(run.stdout);
    expect(errors ?? []).toEqual([]);
    expect(valid).toBe(true);
    const [only] = sarif.runs;
    const driver = only?.tool.driver;
    expect(driver.rules.map((r: { id: string }) => r.id)).toEqual(rules.map((r) => r.meta.id));
    for (const rule of driver.rules) {
      expect(rule.shortDescription.text).toMatch(/\.$/);
      expect(rule.fullDescription.text).toContain('https://docs.nvidia.com/nvcf/service-keys#');
      expect(rule.help.text).toContain(rule.helpUri);
      expect(rule.helpUri).toMatch(new RegExp(`/rules/docs/${rule.id}\\.md$`));
    }
    const results = only?.results as Json[];
    expect(results.length).toBeGreaterThan(10);
    for (const result of results) {
      expect(result.partialFingerprints['nvcfKeylint/v1']).toMatch(/^[0-9a-f]{32}$/);
      expect(driver.rules[result.ruleIndex].id).toBe(result.ruleId);
    }
    const outOfScope = results.find((r) => r.ruleId === 'function-out-of-scope');
    expect(outOfScope?.locations[0].physicalLocation).toEqual({
      artifactLocation: { uri: '.github/workflows/smoke-test.yml', uriBaseId: '%SRCROOT%' },
      region: { startLine: 25, startColumn: 11, endLine: 26, endColumn: 75 },
    });
    expect(outOfScope?.relatedLocations).toEqual([
      { id: 0, message: { text: "Key 'invoker' is declared here." }, physicalLocation: { artifactLocation: { uri: 'nvcf-keys.yaml', uriBaseId: '%SRCROOT%' }, region: { startLine: 10, startColumn: 3, endLine: 10, endColumn: 10 } } },
    ]);
  });

  it('reports unreadable input as tool notifications, and stays valid', async () => {
    const project = makeProject({ 'nvcf-keys.yaml': 'version: 1\nkeys: [\n', 'deploy.sh': 'if then (((\n' });
    try {
      const run = await runCli(['--format', 'sarif'], { cwd: project.dir });
      const { valid, sarif } = validateSarif(run.stdout);
      expect(valid).toBe(true);
      expect(sarif.runs[0]?.results).toEqual([]);
      expect(sarif.runs[0]?.invocations[0].toolExecutionNotifications).toHaveLength(2);
      expect(run.code).toBe(1);
    } finally {
      project.cleanup();
    }
  });
});

describe('stylish', () => {
  it('counts unreadable files of every kind, without calling them manifests', async () => {
    const project = makeProject({ '.github/workflows/deploy.yml': 'on: push\njobs:\n  a:\n    steps:\n      - run: curl -H "Authorization: Bearer $K" https://example.com\n', 'deploy.sh': 'if then (((\n' });
    try {
      const run = await runCli([], { cwd: project.dir });
      expect(run.stdout).toContain('2 files could not be read (see the parsing errors above) and were not checked.');
      expect(run.stdout).not.toContain('manifest');
      expect(run.code).toBe(1);
    } finally {
      project.cleanup();
    }
  });
});

describe('github', () => {
  it('prints workflow commands with escaped properties and messages', async () => {
    const project = makeProject({ 'my, odd:dir/nvcf-keys.yaml': 'version: 1\nkeys:\n  a:\n    scopes: [Deploy Function]\n    resource: { type: All Functions }\n    actions: [deploy-function]\n' });
    try {
      const run = await runCli(['--format', 'github'], { cwd: project.dir });
      expect(run.stdout).toBe(
        "::error file=my%2C odd%3Adir/nvcf-keys.yaml,line=6,endLine=6,col=15,endColumn=30,title=nvcf-keylint(missing-scope)::Key 'a' lacks the List Functions scope, which deploy-function requires.\n",
      );
      expect(run.code).toBe(1);
    } finally {
      project.cleanup();
    }
  });
});

describe('junit', () => {
  it('gives a suite per file and a failing case per problem, escaped', async () => {
    const run = await runCli(['--format', 'junit', 'examples/broken-keys']);
    expect(run.stdout).toMatch(/^<\?xml version="1\.0" encoding="utf-8"\?>\n<testsuites>\n<testsuite package="org\.nvcf-keylint" time="0" tests="8" errors="8" name="[^"]+broken-keys\/nvcf-keys\.yaml">/);
    expect(run.stdout).toContain('<testcase time="0" name="org.nvcf-keylint.missing-scope" classname="nvcf-keys">');
    expect(run.stdout).toContain('<failure message="Key &apos;ci-deployer&apos; lacks the List Functions scope, which deploy-function requires.">');
    expect(run.stdout.match(/<testcase /g)).toHaveLength(8);
    expect(run.stdout.trimEnd().endsWith('</testsuites>')).toBe(true);
  });
});

describe('--output-file', () => {
  it('writes the report there, redacted, and nothing to stdout', async () => {
    const project = makeProject({ 'nvcf-keys.yaml': 'version: 1\n# nvapi-EXAMPLEfakeKEYdoNotUse0000000000000000\nkeys:\n  a:\n    scopes: [GPU Capacity]\n    resource: { type: All Entity }\n' });
    try {
      const run = await runCli(['--format', 'sarif', '--output-file', 'reports/nvcf.sarif'], { cwd: project.dir });
      expect(run.stdout).toBe('');
      const text = readFileSync(join(project.dir, 'reports/nvcf.sarif'), 'utf8');
      expect(validateSarif(text).valid).toBe(true);
      expect(text).toContain('hardcoded-key');
      expect(text).not.toContain('EXAMPLEfakeKEY');
      expect(run.code).toBe(1);
    } finally {
      project.cleanup();
    }
  });
});
