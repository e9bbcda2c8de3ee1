import { findKeyMaterial, matchNvcfRequest, type Catalogue, type SecretOccurrence, type SourceRange, type Usage } from '@nvcf-keylint/core';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/types';
import type { NvcfSettings } from '../settings.js';
import { detectGrpcMetadata } from './grpc.js';
import { detectHttpRequest, type HttpRequest } from './http.js';
import { detectOpenAiClient } from './openai.js';
import { helperCallSites } from './helpers.js';
import { detectNgcInvocations, isProcessCall } from './processes.js';
import { Resolver, type ModuleContext } from './resolve.js';
import { walkNodes } from './walk.js';
import { detectWrapperCall, taggedFunctions } from './wrappers.js';

export interface CodeFacts {
  usages: Usage[];
  secrets: SecretOccurrence[];
}

/** Text any detectable NVCF call needs somewhere in its file; files without it are skipped. */
const NVCF_HINT = /nvcf|ngc|@nvcfAction/i;
/**
 * A file without that text may still call NVCF with a URL or key imported from a module of the
 * project (detect/imports.ts): one that imports relatively and makes a call a detector knows.
 */
const RELATIVE_IMPORT = /\b(?:from\s*|require\(\s*)['"]\.{1,2}\//;
const CALL_HINT = /\b(?:fetch|axios|got|ky|ofetch|request|undici|exec|execSync|execFile|execFileSync|spawn|spawnSync|execa|OpenAI|ChatOpenAI|OpenAIEmbeddings|createOpenAI|createOpenAICompatible|Metadata)\b|\bhttps?\.get\b/;

/** Finds the NVCF calls and the key material of one JS/TS file. */
export function collectCodeFacts(sourceCode: Readonly<TSESLint.SourceCode>, file: string, settings: NvcfSettings, catalogue: Catalogue, modules?: ModuleContext): CodeFacts {
  const text = sourceCode.text;
  const secrets = findKeyMaterial(text).map(({ start, end }) => ({ file, range: rangeOfOffsets(sourceCode, start, end) }));
  const mayImport = modules !== undefined && RELATIVE_IMPORT.test(text) && CALL_HINT.test(text);
  if (!NVCF_HINT.test(text) && settings.wrappers.size === 0 && !mayImport) return { usages: [], secrets };
  const resolver = new Resolver(sourceCode, undefined, undefined, modules);
  const tagged = taggedFunctions(resolver);
  const zxGlobals = /^#!.*\bzx\b/.test(text) || /['"]zx\/globals['"]/.test(text);
  const usages: Usage[] = [];
  const add = (node: TSESTree.Node, action: string, credentials: string[], target: Usage['target']) => {
    const usage: Usage = { file, range: rangeOf(node), action, credentials, text: normalizeCallText(sourceCode.getText(node)) };
    if (target) usage.target = target;
    usages.push(usage);
  };
  // A client built in a factory (`const nim = (id) => new OpenAI({ baseURL: ...id... })`) is read at its calls.
  const addClient = (node: TSESTree.NewExpression | TSESTree.CallExpression, client: HttpRequest) => {
    const bound = atCallSites(resolver, node, client, (r) => detectOpenAiClient(r, node), (q) => [q.method, q.url, q.credentials]);
    for (const { site, value } of bound ?? [{ site: node, value: client }]) {
      const match = value && matchNvcfRequest(catalogue, value.method, value.url);
      if (value && match) add(site, match.action.id, value.credentials, match.target);
    }
  };
  walkNodes(sourceCode, sourceCode.ast, (node) => {
    if (node.type === T.CallExpression) {
      const request = detectHttpRequest(resolver, node);
      if (request) {
        // In a helper called with what its parameters stand for, each call of the helper is the request.
        const bound = atCallSites(resolver, node, request, (r) => detectHttpRequest(r, node), (q) => [q.method, q.url, q.credentials]);
        for (const { site, value } of bound ?? [{ site: node, value: request }]) {
          const match = value && matchNvcfRequest(catalogue, value.method, value.url);
          if (value && match) add(site, match.action.id, value.credentials, match.target);
        }
        return;
      }
      const invocations = detectNgcInvocations(resolver, catalogue, node, zxGlobals);
      const boundInvocations = isProcessCall(resolver, node)
        ? atCallSites(resolver, node, invocations, (r) => detectNgcInvocations(r, catalogue, node, zxGlobals), (list) => list.map((i) => [i.match.action.id, i.match.target, i.credentials]))
        : undefined;
      if (boundInvocations) {
        for (const { site, value } of boundInvocations) for (const { match, credentials } of value ?? []) add(site, match.action.id, credentials, match.target);
        return;
      }
      if (invocations.length > 0) {
        for (const { match, credentials } of invocations) add(node, match.action.id, credentials, match.target);
        return;
      }
      const client = detectOpenAiClient(resolver, node);
      if (client) {
        addClient(node, client);
        return;
      }
      const wrapper = detectWrapperCall(resolver, settings, tagged, node);
      if (wrapper && catalogue.action(wrapper.spec.action)) add(node, wrapper.spec.action, wrapper.credentials, wrapper.target);
    } else if (node.type === T.NewExpression) {
      const client = detectOpenAiClient(resolver, node);
      if (client) addClient(node, client);
      const grpc = client ? undefined : detectGrpcMetadata(resolver, catalogue, node);
      if (grpc) for (const site of grpc.sites) add(site, grpc.match.action.id, grpc.credentials, grpc.match.target);
    } else if (node.type === T.TaggedTemplateExpression) {
      for (const { match, credentials } of detectNgcInvocations(resolver, catalogue, node, zxGlobals)) add(node, match.action.id, credentials, match.target);
    }
  });
  return { usages, secrets };
}

/**
 * The value `evaluate` gives at each call of the helper `node` is in, when that differs from what
 * it gives in the helper itself for at least one call; otherwise `undefined` (report in place).
 */
function atCallSites<V>(resolver: Resolver, node: TSESTree.Node, own: V, evaluate: (resolver: Resolver) => V | undefined, identity: (value: V) => unknown): Array<{ site: TSESTree.Node; value: V | undefined }> | undefined {
  const sites = helperCallSites(resolver, node);
  if (sites.length === 0) return undefined;
  const ownKey = JSON.stringify(identity(own));
  const values = sites.map(({ site, resolver: bound }) => ({ site, value: evaluate(bound) }));
  return values.some(({ value }) => value !== undefined && JSON.stringify(identity(value)) !== ownKey) ? values : undefined;
}

/** ESTree columns are 0-based; findings are 1-based, end exclusive, as ESLint reports them. */
function rangeOf(node: TSESTree.Node): SourceRange {
  return { line: node.loc.start.line, column: node.loc.start.column + 1, endLine: node.loc.end.line, endColumn: node.loc.end.column + 1 };
}

function rangeOfOffsets(sourceCode: Readonly<TSESLint.SourceCode>, start: number, end: number): SourceRange {
  const from = sourceCode.getLocFromIndex(start);
  const to = sourceCode.getLocFromIndex(end);
  return { line: from.line, column: from.column + 1, endLine: to.line, endColumn: to.column + 1 };
}

/** Whitespace-insensitive call text: fingerprints survive reformatting. */
function normalizeCallText(text: string): string {
  return text.replace(/\s+/g, ' ').slice(0, 500);
}
