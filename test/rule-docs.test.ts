/**
 * Every rule has a doc page and a test; every doc page has the fixed headings, cites the
 * documentation its rule enforces, and shows exactly what nvcf-keylint prints for its examples.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCatalogue, ruleDocsUrl, rules } from '@nvcf-keylint/core';
import { findDocExamples, renderDoc } from '../scripts/doc-examples.js';
import { renderReadme } from '../scripts/generated-files.js';
import { ROOT } from './support/cli.js';

const HEADINGS = ['## Examples', '### Incorrect', '### Correct', '## Options', '## When Not To Use It', '## Further Reading'];
const docPath = (id: string) => join(ROOT, 'rules/docs', `${id}.md`);
const catalogue = loadCatalogue();

describe('rule docs', () => {
  it('exist for every rule, and only for rules', () => {
    const docs = readdirSync(join(ROOT, 'rules/docs')).filter((f) => f.endsWith('.md')).map((f) => f.replace(/\.md$/, '')).sort();
    expect(docs).toEqual(rules.map((r) => r.meta.id).sort());
  });

  it('every rule has a test file', () => {
    for (const rule of rules) expect(existsSync(join(ROOT, 'packages/core/test/rules', `${rule.meta.id}.test.ts`)), rule.meta.id).toBe(true);
  });

  it('the rule index (rules/all.ts) lists the rules alphabetically', () => {
    const ids = rules.map((r) => r.meta.id);
    expect(ids).toEqual([...ids].sort());
    const listed = [...readFileSync(join(ROOT, 'packages/core/src/rules/all.ts'), 'utf8').matchAll(/from '\.\/([\w-]+)\.js'/g)].map((m) => m[1]);
    expect(listed).toEqual(ids);
  });

  it('derive the docs URL from the id', () => {
    expect(ruleDocsUrl('missing-scope')).toMatch(/\/rules\/docs\/missing-scope\.md$/);
  });

  describe.each(rules.map((r) => [r.meta.id, r] as const))('%s', (id, rule) => {
    const doc = readFileSync(docPath(id), 'utf8');

    it('has the fixed headings, in order', () => {
      const headings = doc.split('\n').filter((l) => /^#{1,3} /.test(l));
      expect(headings).toEqual([`# ${id}`, ...HEADINGS]);
    });

    it('opens with the rule description', () => {
      expect(doc.split('\n')[2]).toBe(`${rule.meta.description}.`);
    });

    it('cites the documentation the rule enforces', () => {
      const url = catalogue.sourceUrl(rule.meta.source);
      expect(doc).toContain(url.replace(/#.*/, ''));
      expect(doc).toMatch(/^> /m);
    });

    it('states its default severity', () => {
      expect(doc).toContain(`Default severity: \`${rule.meta.defaultSeverity}\``);
    });

    it('has incorrect examples that this rule reports, and correct ones it does not', () => {
      const correctStart = doc.indexOf('### Correct');
      const examples = findDocExamples(doc);
      const incorrect = examples.filter((e) => e.start < correctStart).map((e) => doc.slice(e.start, e.end));
      const correct = examples.filter((e) => e.start > correctStart).map((e) => doc.slice(e.start, e.end));
      expect(incorrect.length).toBeGreaterThan(0);
      expect(correct.length).toBeGreaterThan(0);
      for (const output of incorrect) {
        expect(output).toContain(id);
        expect(output).toMatch(/\$ echo \$\?\n1\n$/);
      }
      for (const output of correct) {
        expect(output).not.toContain(id);
        expect(output).toMatch(/\$ echo \$\?\n0\n$/);
      }
    });

    it('shows exactly what nvcf-keylint prints for its examples (run `pnpm generate`)', async () => {
      expect(await renderDoc(doc)).toBe(doc);
    });
  });
});

describe('README', () => {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');

  it('lists every rule (run `pnpm generate`)', () => {
    expect(renderReadme(readme)).toBe(readme);
    for (const rule of rules) expect(readme).toContain(`rules/docs/${rule.meta.id}.md`);
  });

  it('has a quick start of exactly two commands: the linter on an example, and the test suite', () => {
    const quickStart = /## Quick start\n([\s\S]*?)\n## /.exec(readme)?.[1] ?? '';
    const commands = [...quickStart.matchAll(/```sh\n([\s\S]*?)```/g)].map((m) => (m[1] as string).trim());
    expect(commands).toHaveLength(2);
    expect(commands[0]).toMatch(/nvcf-keylint examples\/[a-z-]+$/);
    expect(commands[1]).toMatch(/npm test$/);
    const example = /nvcf-keylint (examples\/[a-z-]+)$/.exec(commands[0] as string)?.[1];
    expect(existsSync(join(ROOT, example as string))).toBe(true);
  });

  it('is what CI runs', () => {
    const ci = readFileSync(join(ROOT, '.ci/run'), 'utf8');
    const testCommand = /```sh\n(.*npm test)\n```/.exec(readme)?.[1] ?? '';
    for (const part of testCommand.split(' && ')) expect(ci).toContain(part);
  });
});
