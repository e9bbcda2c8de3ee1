/**
 * GitLab CI (`.gitlab-ci.yml`): every job's `before_script`, `script` and `after_script` (one
 * shell session per job), with `variables:` at the top and in the job. Project CI/CD variables
 * reach scripts as environment variables of the same name.
 */
import type { Catalogue } from '@nvcf-keylint/core';
import { findPair, resolveNode, scalarText, type Positions } from '@nvcf-keylint/manifest';
import { isMap, isScalar, isSeq, type Document, type Node } from 'yaml';
import { EmbeddedText } from './embedded-text.js';
import { scriptProblems, type ConfigFacts } from './facts.js';
import { scanShell } from './shell/scan.js';
import { aliasBinding, Scope } from './shell/scope.js';
import { readYamlConfig } from './yaml-config.js';
import { scalarScript } from './yaml-scripts.js';

const RESERVED = new Set(['stages', 'include', 'workflow', 'default', 'variables', 'image', 'services', 'cache', 'before_script', 'after_script', 'pages', 'spec']);

export function scanGitlabCi(file: string, text: string, catalogue: Catalogue): ConfigFacts {
  const { facts, config } = readYamlConfig(file, text);
  if (!config) return facts;
  const { document, root, positions, get } = config;

  const globalScope = withVariables(document, new Scope(), get(root, 'variables'));
  const defaults = get(root, 'default');
  for (const pair of root.items) {
    const name = scalarText(document, pair.key);
    const job = resolveNode(document, pair.value);
    if (name === undefined || RESERVED.has(name) || !isMap(job)) continue;
    const scope = withVariables(document, globalScope.child(), get(job, 'variables'));
    const script = new EmbeddedText();
    for (const section of ['before_script', 'script', 'after_script']) {
      const lines = get(job, section) ?? (section === 'script' ? undefined : (get(defaults, section) ?? get(root, section)));
      appendScript(document, lines, text, positions, script);
    }
    if (script.text.trim() === '') continue;
    const result = scanShell(script, { file, catalogue, scope });
    facts.usages.push(...result.usages);
    facts.problems.push(...scriptProblems(file, result.problems, `The script of job '${name}'`));
  }
  return facts;
}

/** Script items in order: a string, or a list of strings (nested lists from anchors flattened). */
function appendScript(document: Document.Parsed, node: Node | undefined, source: string, positions: Positions, into: EmbeddedText, depth = 0): void {
  if (!node || depth > 8) return;
  if (isScalar(node)) {
    const part = scalarScript(node, source, positions);
    if (part) into.appendEmbedded(part).appendSynthetic('\n');
    return;
  }
  if (isSeq(node)) for (const item of node.items) appendScript(document, resolveNode(document, item), source, positions, into, depth + 1);
}

function withVariables(document: Document.Parsed, scope: Scope, variables: Node | undefined): Scope {
  if (!isMap(variables)) return scope;
  for (const pair of variables.items) {
    const name = scalarText(document, pair.key);
    if (name === undefined) continue;
    const raw = resolveNode(document, pair.value);
    const value = scalarText(document, raw) ?? scalarText(document, resolveNode(document, findPair(document, raw, 'value')?.value));
    const reference = value === undefined ? undefined : /^\$\{?([A-Za-z_][A-Za-z0-9_]*)\}?$/.exec(value.trim())?.[1];
    scope.set(name, reference === undefined ? { unknown: true } : aliasBinding((scope.parent ?? scope).resolve(reference), name));
    scope.setValue(name, value !== undefined && !value.includes('$') ? value : undefined);
  }
  return scope;
}
