/**
 * GitHub Actions workflows (`.github/workflows/*.yml`) and composite actions (`action.yml`):
 * every `run:` step in bash or sh, with `env:` at workflow, job and step level.
 */
import type { Catalogue } from '@nvcf-keylint/core';
import { resolveNode, scalarText } from '@nvcf-keylint/manifest';
import { isMap, isSeq, type Document, type Node } from 'yaml';
import { expressionBinding, withPlaceholders } from './ci-expressions.js';
import { scriptProblems, type ConfigFacts } from './facts.js';
import { scanShell } from './shell/scan.js';
import { aliasBinding, Scope } from './shell/scope.js';
import { readYamlConfig } from './yaml-config.js';
import { scalarScript } from './yaml-scripts.js';

const SCANNED_SHELLS = /^(bash|sh)(\s|$)/;

export function scanGithubActions(file: string, text: string, catalogue: Catalogue): ConfigFacts {
  const { facts, config } = readYamlConfig(file, text);
  if (!config) return facts;
  const { document, root, positions, get } = config;
  const defaultShell = (node: unknown) => scalarText(document, get(get(get(node, 'defaults'), 'run'), 'shell'));

  const workflowScope = withEnv(document, new Scope(), get(root, 'env'));
  const scanSteps = (steps: unknown, scope: Scope, shell: string | undefined) => {
    if (!isSeq(steps)) return;
    for (const item of steps.items) {
      const step = resolveNode(document, item);
      const run = get(step, 'run');
      if (!run) continue;
      const stepShell = scalarText(document, get(step, 'shell')) ?? shell ?? 'bash';
      if (!SCANNED_SHELLS.test(stepShell)) continue;
      const stepScope = withEnv(document, scope.child(), get(step, 'env'));
      const script = scalarScript(run as Node, text, positions);
      if (!script) continue;
      const { script: substituted, placeholders } = withPlaceholders(script, stepScope);
      const result = scanShell(substituted, { file, catalogue, scope: stepScope, placeholders });
      facts.usages.push(...result.usages);
      facts.problems.push(...scriptProblems(file, result.problems, "This step's script"));
    }
  };

  const jobs = get(root, 'jobs');
  if (isMap(jobs)) {
    for (const pair of jobs.items) {
      const job = resolveNode(document, pair.value);
      const jobScope = withEnv(document, workflowScope.child(), get(job, 'env'));
      scanSteps(get(job, 'steps'), jobScope, defaultShell(job) ?? defaultShell(root));
    }
  }
  // A composite action: runs.using: composite, runs.steps
  const runs = get(root, 'runs');
  if (isMap(runs) && scalarText(document, get(runs, 'using')) === 'composite') scanSteps(get(runs, 'steps'), workflowScope, undefined);
  return facts;
}

/** A child scope with the bindings of an `env:` mapping. */
function withEnv(document: Document.Parsed, scope: Scope, env: Node | undefined): Scope {
  if (!isMap(env)) return scope;
  for (const pair of env.items) {
    const name = scalarText(document, pair.key);
    if (name === undefined) continue;
    const value = scalarText(document, pair.value);
    const expression = value === undefined ? undefined : /^\s*\$\{\{\s*([^}]{0,500}?)\s*\}\}\s*$/.exec(value)?.[1];
    scope.set(name, expression === undefined ? { unknown: true } : aliasBinding(expressionBinding(expression, scope.parent ?? scope), name));
    scope.setValue(name, value !== undefined && !value.includes('${{') ? value : undefined);
  }
  return scope;
}
