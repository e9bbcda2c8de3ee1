import {
  evaluateAccess,
  findRule,
  formatMessage,
  keyAccessFromSpec,
  listPhrase,
  loadCatalogue,
  suggestAction,
  type AccessProblem,
  type KeySpec,
  type ManifestFacts,
  type UsageTarget,
} from '@nvcf-keylint/core';

export interface ExplainRequest {
  key: string;
  action: string;
  /** `ID` or `ID:VERSION`. */
  function?: string;
}

export interface ExplainReason {
  ruleId: string;
  severity: 'error' | 'warning';
  message: string;
  fix: string;
}

export interface ExplainAnswer {
  allowed: boolean;
  key: string;
  action: string;
  function?: string;
  manifest: string;
  reasons: ExplainReason[];
  notes: string[];
}

export class ExplainUsageError extends Error {
  override name = 'ExplainUsageError';
}

const PROPAGATION_NOTE =
  'If the key was created or changed in the last 15 minutes, a 403 can still come from the old policy: changes take up to 15 minutes to propagate.';

/**
 * Would `key` be allowed `action` (on `function`)? Every reason it would be denied, as the page's
 * Troubleshooting section gives them, each with its fix; undocumented combinations are warnings.
 */
export function explain(manifests: readonly ManifestFacts[], request: ExplainRequest): ExplainAnswer {
  const catalogue = loadCatalogue();
  const action = catalogue.action(request.action);
  if (!action) {
    const suggestion = suggestAction(catalogue, request.action);
    throw new ExplainUsageError(
      `Unknown action '${request.action}'.${suggestion ? ` Did you mean '${suggestion.value}'?` : ''} Actions: ${catalogue.actions.map((a) => a.id).join(', ')}.`,
    );
  }
  const broken = manifests.filter((m) => m.fatal);
  const candidates: KeySpec[] = manifests.flatMap((m) => m.keys).filter((k) => k.name === request.key);
  if (candidates.length === 0) {
    const known = manifests.flatMap((m) => m.keys.map((k) => k.name));
    const unreadable = broken.length > 0 ? ` (${broken.length} manifest${broken.length === 1 ? '' : 's'} could not be read: ${broken.map((m) => m.file).join(', ')})` : '';
    throw new ExplainUsageError(
      known.length === 0
        ? `No manifest keys found${unreadable}; pass --manifest FILE.`
        : `No key named '${request.key}'${unreadable}. Keys: ${known.join(', ')}.`,
    );
  }
  if (candidates.length > 1) {
    throw new ExplainUsageError(`Key '${request.key}' is declared in ${listPhrase(candidates.map((k) => k.file))}; pass --manifest FILE to choose.`);
  }
  const key = candidates[0] as KeySpec;
  const access = keyAccessFromSpec(catalogue, key);
  if (!access) {
    throw new ExplainUsageError(`Key '${request.key}' in ${key.file} has no valid scopes or resource type; run nvcf-keylint on the manifest first.`);
  }
  const target = parseTarget(request.function);
  const problems = evaluateAccess(catalogue, access, action, target);
  const reasons = problems.map((p) => toReason(p));
  const notes: string[] = [];
  const functionList = catalogue.resourceType(access.resourceType)?.functionList;
  if (target === undefined && functionList !== 'none' && problems.every((p) => p.ruleId !== 'unsupported-resource-type')) {
    notes.push(`Key '${key.name}' works only for ${listPhrase(access.functions, 'or')} (${access.resourceType}); pass --function to check a call to one function.`);
  }
  const allowed = reasons.every((r) => r.severity !== 'error');
  if (allowed) notes.push(PROPAGATION_NOTE);
  const answer: ExplainAnswer = { allowed, key: key.name, action: action.id, manifest: key.file, reasons, notes };
  if (request.function !== undefined) answer.function = request.function;
  return answer;
}

function parseTarget(text: string | undefined): UsageTarget | undefined {
  if (text === undefined) return undefined;
  const [functionId, versionId, extra] = text.split(':');
  if (!functionId || extra !== undefined || versionId === '') {
    throw new ExplainUsageError(`--function takes ID or ID:VERSION, not '${text}'.`);
  }
  return versionId === undefined ? { functionId } : { functionId, versionId };
}

function toReason(problem: AccessProblem): ExplainReason {
  const rule = findRule(problem.ruleId);
  const template = rule?.meta.messages[problem.messageId] ?? problem.messageId;
  return {
    ruleId: problem.ruleId,
    severity: rule?.meta.defaultSeverity ?? 'error',
    message: formatMessage(template, problem.data),
    fix: problem.fix,
  };
}
