import type { ResourceType } from '../catalogue/index.js';
import { listPhrase } from '../phrases.js';
import { at } from './locate.js';
import { keyNeeds } from './needs.js';
import { defineRule } from './rule.js';
import { usagesByKey } from './usage-judgement.js';

export const overbroadResource = defineRule({
  meta: {
    id: 'overbroad-resource',
    type: 'suggestion',
    description: 'Warn about keys whose resource type is broader than everything they are used for',
    defaultSeverity: 'warning',
    fixable: false,
    messages: {
      narrower:
        "Key '{{key}}' has resource type {{resourceType}}, but everything it is for ({{actions}}) works with {{narrower}}{{functions}}; a narrower key limits what a leaked key can do.",
    },
    schema: [],
    source: { ref: 'service-keys', section: 'Resource Types' },
  },
  check(context) {
    const { catalogue, facts } = context;
    const { byKey } = usagesByKey(facts);
    for (const manifest of facts.manifests) {
      for (const key of manifest.keys) {
        if (!key.resourceType || !catalogue.resourceType(key.resourceType.value)) continue;
        const usages = byKey.get(key) ?? [];
        const needs = keyNeeds(catalogue, key, usages);
        if (needs.all.length === 0 || needs.incomplete) continue;
        // A type that does not work for all of it is a wrong type (unsupported-resource-type), not a broad one.
        if (needs.all.some((a) => catalogue.actionVerdict(a, key.resourceType!.value) !== 'supported')) continue;
        const targets = [...new Set(usages.map((u) => u.target?.functionId))];
        const everyCallTargeted = usages.length > 0 && !targets.includes(undefined) && needs.declared.every((a) => needs.used.includes(a));
        const fits = (type: ResourceType) =>
          type.undocumentedNarrowingOf === undefined &&
          needs.all.every((a) => catalogue.actionVerdict(a, type.name) === 'supported') &&
          (type.functionList === 'none' || everyCallTargeted);
        // The narrowest type that still does everything: the last that fits, nearest first.
        const narrower = catalogue.narrowerTypes(key.resourceType.value).filter(fits).at(-1);
        if (!narrower) continue;
        context.report({
          messageId: 'narrower',
          data: {
            key: key.name,
            resourceType: key.resourceType.value,
            actions: needs.all.map((a) => a.id).join(', '),
            narrower: narrower.name,
            functions: narrower.functionList === 'none' ? '' : ` limited to ${listPhrase(targets as string[])}`,
          },
          location: at(manifest.file, key.resourceType.range),
        });
      }
    }
  },
});
