import { findKeyMaterial, type Catalogue } from '@nvcf-keylint/core';
import { EmbeddedText } from './embedded-text.js';
import type { ConfigFacts } from './facts.js';
import { scanShell } from './shell/scan.js';
import { Scope } from './shell/scope.js';

/** A shell script: the whole file is one script; variables it does not set come from its caller. */
export function scanShellScript(file: string, text: string, catalogue: Catalogue): ConfigFacts {
  const script = EmbeddedText.ofFile(text.replace(/\r\n/g, '\n'));
  const secrets = findKeyMaterial(text).map(({ start, end }) => ({ file, range: script.range(start, end) }));
  const result = scanShell(script, { file, catalogue, scope: new Scope() });
  return {
    file,
    usages: result.usages,
    secrets,
    problems: result.problems.map((p) => ({ file, range: p.range, message: `Parsing error: ${p.message}.`, fatal: true })),
  };
}
