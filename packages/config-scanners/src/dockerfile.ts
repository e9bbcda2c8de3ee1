/**
 * Dockerfile `RUN` instructions, shell form (with line continuations and heredocs) and exec form,
 * with `ARG` and `ENV` in scope and BuildKit secrets mounted as environment variables
 * (`RUN --mount=type=secret,id=ngc,env=NGC_CLI_API_KEY ...`) or as files read with
 * `$(cat /run/secrets/ngc)` (or the mount's `target=`).
 */
import { findKeyMaterial, matchNgcCommand, ngcKeyCredentials, type Catalogue, type EnvBinding, type SourceProblem, type Usage } from '@nvcf-keylint/core';
import { EmbeddedText } from './embedded-text.js';
import type { ConfigFacts } from './facts.js';
import { scanShell } from './shell/scan.js';
import { scriptProblems } from './facts.js';
import { aliasBinding, Scope } from './shell/scope.js';

interface Instruction {
  keyword: string;
  /** The arguments, with continuation lines, mapped to the file. */
  body: EmbeddedText;
  line: number;
  /** Heredocs (`RUN <<EOF`), in order: their content and closing line. */
  heredocs: Array<{ content: EmbeddedText; delimiter: EmbeddedText }>;
}

export function scanDockerfile(file: string, text: string, catalogue: Catalogue): ConfigFacts {
  const whole = EmbeddedText.ofFile(text);
  const secrets = findKeyMaterial(text).map(({ start, end }) => ({ file, range: whole.range(start, end) }));
  const usages: Usage[] = [];
  const problems: SourceProblem[] = [];
  // A build sees no variable of the host: only ARG, ENV and secret mounts.
  let scope = new Scope(undefined, false);
  for (const instruction of instructions(text)) {
    const keyword = instruction.keyword.toUpperCase();
    if (keyword === 'FROM') {
      scope = new Scope(undefined, false);
      continue;
    }
    if (keyword === 'ARG' || keyword === 'ENV') {
      for (const [name, value] of declarations(instruction.body.text, keyword)) {
        const reference = value === undefined ? undefined : /^\$\{?([A-Za-z_][A-Za-z0-9_]*)\}?$/.exec(value)?.[1];
        // A build argument is whatever `--build-arg NAME=...` passes: its own name is the credential.
        const binding: EnvBinding = reference !== undefined ? aliasBinding(scope.resolve(reference), name) : keyword === 'ARG' ? { credentials: [name] } : { unknown: true };
        scope.set(name, binding);
        scope.setValue(name, value === undefined ? undefined : scope.expand(value));
      }
      continue;
    }
    if (keyword !== 'RUN') continue;
    const runScope = scope.child();
    const secretFiles = new Map<string, EnvBinding>();
    let body = instruction.body;
    // Flags before the command: --mount, --network, --security.
    for (;;) {
      const flag = /^\s*(--[a-z-]+=(\S*))\s*/.exec(body.text);
      if (!flag) break;
      const secret = /type=secret/.test(flag[2] ?? '') ? flag[2] : undefined;
      if (secret) {
        const id = /(?:^|,)id=([^,]+)/.exec(secret)?.[1];
        const env = /(?:^|,)env=([A-Za-z_][A-Za-z0-9_]*)/.exec(secret)?.[1];
        if (id && env) runScope.set(env, { credentials: [...new Set([id, env])] });
        // Otherwise (or with target= too) the secret is a file: /run/secrets/<id>, or target=.
        const target = /(?:^|,)(?:target|dst|destination)=([^,]+)/.exec(secret)?.[1];
        if (id && (!env || target)) secretFiles.set(target ?? `/run/secrets/${id}`, { credentials: [id] });
      }
      body = body.slice(flag[0].length, body.text.length);
    }
    const exec = /^\s*\[/.test(body.text) ? execForm(body.text) : undefined;
    if (exec) {
      const match = exec[0]?.split('/').pop() === catalogue.cli.program ? matchNgcCommand(catalogue, exec.slice(1)) : undefined;
      if (match) {
        const usage: Usage = {
          file,
          range: body.range(body.text.search(/\S/), body.text.trimEnd().length),
          action: match.action.id,
          credentials: ngcKeyCredentials(catalogue, { inherits: false, get: (name) => runScope.own(name) }),
          text: exec.join(' '),
        };
        if (match.target) usage.target = match.target;
        usages.push(usage);
      }
      continue;
    }
    // `RUN <<EOF` runs the heredoc; `RUN cmd <<EOF` runs cmd with the heredoc as the shell sees it.
    const scripts = /^\s*<<-?\s*["']?[A-Za-z_][A-Za-z0-9_]*["']?\s*$/.test(body.text) ? instruction.heredocs.map((h) => h.content) : [withHeredocs(body, instruction.heredocs)];
    for (const script of scripts) {
      const result = scanShell(script, { file, catalogue, scope: runScope, secretFiles });
      usages.push(...result.usages);
      problems.push(...scriptProblems(file, result.problems, 'This RUN instruction'));
    }
  }
  return { file, usages, secrets, problems };
}

/** Splits a Dockerfile into instructions, honouring `\` continuations, comments and heredocs. */
function instructions(text: string): Instruction[] {
  const lines = text.split('\n').map((l) => l.replace(/\r$/, ''));
  const escape = /^#\s*escape\s*=\s*(\S)/i.exec(lines[0] ?? '')?.[1] ?? '\\';
  const found: Instruction[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    const match = /^\s*([A-Za-z]+)(\s+|$)/.exec(line);
    if (!match || line.trimStart().startsWith('#')) continue;
    const body = new EmbeddedText();
    const start = (match[0] as string).length;
    body.append(line.slice(start), i + 1, start + 1);
    let j = i;
    while ((lines[j] as string).endsWith(escape) && j + 1 < lines.length) {
      j++;
      const next = lines[j] as string;
      if (next.trimStart().startsWith('#')) continue; // comments inside a continued instruction are dropped
      body.appendSynthetic('\n').append(next, j + 1, 1);
    }
    const heredocs: Instruction['heredocs'] = [];
    for (const marker of body.text.matchAll(/<<-?\s*["']?([A-Za-z_][A-Za-z0-9_]*)["']?/g)) {
      const delimiter = marker[1] as string;
      const content = new EmbeddedText();
      let k = j + 1;
      for (; k < lines.length && (lines[k] as string).replace(/^\t+/, '') !== delimiter; k++) {
        if (k > j + 1) content.appendSynthetic('\n');
        content.append(lines[k] as string, k + 1, 1);
      }
      const closing = new EmbeddedText();
      if (k < lines.length) closing.append(lines[k] as string, k + 1, 1);
      heredocs.push({ content, delimiter: closing });
      j = k;
    }
    found.push({ keyword: match[1] as string, body, line: i + 1, heredocs });
    i = j;
  }
  return found;
}

/** The instruction as a shell sees it: its line(s), then each heredoc and its closing line. */
function withHeredocs(body: EmbeddedText, heredocs: Instruction['heredocs']): EmbeddedText {
  const script = new EmbeddedText().appendEmbedded(body);
  for (const { content, delimiter } of heredocs) script.appendSynthetic('\n').appendEmbedded(content).appendSynthetic('\n').appendEmbedded(delimiter);
  return script;
}

/** `ARG NAME[=default]`, `ENV NAME=value ...` or the legacy `ENV NAME value`. */
function declarations(text: string, keyword: string): Array<[string, string | undefined]> {
  const trimmed = text.replace(/\\\n/g, ' ').trim();
  const legacy = /^([A-Za-z_][A-Za-z0-9_]*)\s+([^=\s].*)$/.exec(trimmed);
  if (keyword === 'ENV' && legacy && !trimmed.includes('=')) return [[legacy[1] as string, unquote(legacy[2] as string)]];
  const pairs: Array<[string, string | undefined]> = [];
  for (const match of trimmed.matchAll(/([A-Za-z_][A-Za-z0-9_]*)(?:=("(?:[^"\\]|\\.)*"|'[^']*'|\S*))?/g)) {
    pairs.push([match[1] as string, match[2] === undefined ? undefined : unquote(match[2])]);
  }
  return pairs;
}

function unquote(value: string): string {
  return /^(["']).*\1$/s.test(value) ? value.slice(1, -1) : value;
}

function execForm(text: string): string[] | undefined {
  try {
    const parsed: unknown = JSON.parse(text.replace(/\\\n/g, ' '));
    return Array.isArray(parsed) && parsed.every((p) => typeof p === 'string') ? (parsed as string[]) : undefined;
  } catch {
    return undefined;
  }
}
