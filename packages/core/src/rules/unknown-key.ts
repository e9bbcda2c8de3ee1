import { listPhrase } from '../phrases.js';
import { at } from './locate.js';
import { defineRule } from './rule.js';
import { keysByCredential, resolveCredential } from './usage-judgement.js';

export const unknownKey = defineRule({
  meta: {
    id: 'unknown-key',
    type: 'suggestion',
    description: 'Warn about NVCF calls whose credential no manifest key declares',
    defaultSeverity: 'warning',
    fixable: false,
    messages: {
      undeclared:
        "This {{action}} call uses the key in {{credential}}, which no manifest key declares in its `env`; declare it so the call can be checked.",
      noManifest:
        'This {{action}} call uses the key in {{credential}}, but no nvcf-keys manifest was found; declare your keys so the call can be checked.',
      manifestUnreadable:
        'The key manifest {{file}} cannot be read ({{reason}}), so NVCF calls in this file are not checked.',
    },
    schema: [],
    source: { ref: 'service-keys', section: 'Service Keys' },
  },
  check(context) {
    const { facts } = context;
    const broken = facts.manifests.filter((m) => m.fatal !== null);
    const reportedBroken = new Set<string>();
    const byName = keysByCredential(facts);
    for (const usage of facts.usages) {
      if (!context.catalogue.action(usage.action)) continue;
      // A broken manifest is said once per file, at its first NVCF call.
      if (broken.length > 0) {
        if (!reportedBroken.has(usage.file)) {
          reportedBroken.add(usage.file);
          for (const manifest of broken) {
            context.report({
              messageId: 'manifestUnreadable',
              data: { file: manifest.file, reason: (manifest.fatal?.message ?? '').replace(/\.$/, '') },
              location: at(usage.file, usage.range),
            });
          }
        }
        continue;
      }
      if (usage.credentials.length === 0 || resolveCredential(usage, byName)) continue;
      context.report({
        messageId: facts.manifests.length === 0 ? 'noManifest' : 'undeclared',
        data: { action: usage.action, credential: listPhrase(usage.credentials, 'or') },
        location: at(usage.file, usage.range),
      });
    }
  },
});
