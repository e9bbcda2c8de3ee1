/**
 * Key manifests as an ESLint language, so that `eslint` (and every editor that runs it) reports
 * manifest findings too: scope vs resource type, missing scopes, unknown names, schema problems.
 * The parse is the manifest package's; a manifest that cannot be read is a parse error, as in the
 * CLI.
 */
import type { ManifestFacts } from '@nvcf-keylint/core';
import { readManifest } from '@nvcf-keylint/manifest';
import { TextSourceCodeBase, VisitNodeStep } from '@eslint/plugin-kit';

export interface ManifestNode {
  type: 'Manifest';
  loc: { start: { line: number; column: number }; end: { line: number; column: number } };
  range: [number, number];
  facts: ManifestFacts;
}

export class ManifestSourceCode extends TextSourceCodeBase<{ LangOptions: Record<string, unknown>; RootNode: ManifestNode; SyntaxElementWithLoc: ManifestNode; ConfigNode: never }> {
  readonly isNvcfManifest = true;
  readonly visitorKeys = { Manifest: [] as string[] };

  override *traverse(): Iterable<VisitNodeStep> {
    yield new VisitNodeStep({ target: this.ast, phase: 1, args: [this.ast, null] });
    yield new VisitNodeStep({ target: this.ast, phase: 2, args: [this.ast, null] });
  }
}

export function isManifestSourceCode(sourceCode: unknown): sourceCode is ManifestSourceCode {
  return (sourceCode as { isNvcfManifest?: unknown } | null)?.isNvcfManifest === true;
}

interface File {
  path: string;
  body: string | Uint8Array;
}

export const manifestLanguage = {
  meta: { name: 'nvcf-keylint/manifest' },
  fileType: 'text' as const,
  lineStart: 1 as const,
  columnStart: 0 as const,
  nodeTypeKey: 'type',
  visitorKeys: { Manifest: [] as string[] },
  defaultLanguageOptions: {},
  validateLanguageOptions(): void {},
  parse(file: File) {
    const bytes = typeof file.body === 'string' ? new TextEncoder().encode(file.body) : file.body;
    const facts = readManifest(file.path, bytes);
    if (facts.fatal) {
      const { line, column } = facts.fatal.range;
      return { ok: false as const, errors: [{ message: facts.fatal.message.replace(/^Parsing error: /, ''), line, column }] };
    }
    const text = typeof file.body === 'string' ? file.body : new TextDecoder().decode(file.body);
    const lines = text.split(/\r?\n/);
    const ast: ManifestNode = {
      type: 'Manifest',
      loc: { start: { line: 1, column: 0 }, end: { line: lines.length, column: (lines.at(-1) ?? '').length } },
      range: [0, text.length],
      facts,
    };
    return { ok: true as const, ast };
  },
  createSourceCode(file: File, result: { ast: ManifestNode }): ManifestSourceCode {
    const text = typeof file.body === 'string' ? file.body : new TextDecoder().decode(file.body);
    return new ManifestSourceCode({ text, ast: result.ast });
  },
};
