import { describe, expect, it } from 'vitest';
import { lint, unknownKey, type ManifestFacts, type Usage } from '@nvcf-keylint/core';
import { readManifestText } from '@nvcf-keylint/manifest';
import { dedent, usageAt } from '../../../../test/support/rule-tester.js';

// Usages come from the ESLint plugin and the config scanners; here they are given as facts.
const manifest = readManifestText(
  'nvcf-keys.yaml',
  dedent(`
  version: 1
  keys:
    invoker:
      env: [NVCF_API_KEY]
      scopes: [Invoke Function]
      resource: { type: All Functions }
    deployer:
      env: [NGC_API_KEY]
      scopes: [Deploy Function, List Functions]
      resource: { type: All Functions }
  `),
);

const usage = (credentials: string[], line = 4): Usage => usageAt(line, 'invoke-function', credentials);

const run = (manifests: ManifestFacts[], ...usages: Usage[]) =>
  lint({ manifests, usages, secrets: [] }, { rules: [unknownKey] })
    .filter((f) => f.ruleId === 'unknown-key')
    .map((f) => [f.messageId, f.location.line, f.message]);

describe('unknown-key', () => {
  it('is quiet when the credential is declared, or cannot be known', () => {
    expect(run([manifest], usage(['NVCF_API_KEY']), usage([]))).toEqual([]);
  });

  it('resolves the ngc CLI precedence to the first declared name', () => {
    // NGC_CLI_API_KEY is not declared, NGC_API_KEY is: the call uses the deployer key.
    expect(run([manifest], usage(['NGC_CLI_API_KEY', 'NGC_API_KEY', 'NGC_APP_KEY']))).toEqual([]);
  });

  it('reports a credential no key declares', () => {
    expect(run([manifest], usage(['NVCF_TOKEN']))).toEqual([
      [
        'undeclared',
        4,
        "This invoke-function call uses the key in NVCF_TOKEN, which no manifest key declares in its `env`; declare it so the call can be checked.",
      ],
    ]);
    expect(run([manifest], usage(['NGC_CLI_API_KEY', 'NGC_APP_KEY']))[0]?.[2]).toContain('NGC_CLI_API_KEY or NGC_APP_KEY');
  });

  it('says when there is no manifest at all', () => {
    expect(run([], usage(['NVCF_API_KEY']))[0]?.[0]).toBe('noManifest');
  });

  it('says once per file when the manifest cannot be read', () => {
    const broken = readManifestText('nvcf-keys.yaml', 'version: 1\nkeys: [\n');
    const findings = run([broken], usage(['NVCF_API_KEY'], 4), usage(['NVCF_API_KEY'], 9));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toEqual(['manifestUnreadable', 4, expect.stringMatching(/^The key manifest nvcf-keys\.yaml cannot be read \(Parsing error: .*\), so NVCF calls in this file are not checked\.$/)]);
  });
});
