/**
 * The command-line HTTP clients CI scripts call NVCF with: curl, wget and HTTPie (`http`,
 * `https`, and its `xh` twin). Each is read for its method, URLs and Authorization header.
 */

export interface CommandWord<W> {
  text: string;
  word: W;
}

export interface HttpCommand<W> {
  method: string | undefined;
  urls: Array<CommandWord<W>>;
  /** The word holding the bearer token (`-H "Authorization: Bearer $X"`), if there is one. */
  authorization?: CommandWord<W>;
}

const CURL_VALUE_OPTIONS = new Set([
  '-X', '--request', '-H', '--header', '-d', '--data', '--data-raw', '--data-binary', '--data-urlencode', '--data-ascii',
  '--json', '-F', '--form', '--form-string', '-u', '--user', '-o', '--output', '-A', '--user-agent', '-e', '--referer',
  '-b', '--cookie', '-c', '--cookie-jar', '-w', '--write-out', '--url', '-T', '--upload-file', '--connect-timeout',
  '-m', '--max-time', '--retry', '--retry-delay', '--retry-max-time', '-x', '--proxy', '--cacert', '--capath', '-E',
  '--cert', '--key', '-K', '--config', '--resolve', '--oauth2-bearer', '-r', '--range', '-z', '--time-cond', '-Y',
  '--speed-limit', '-y', '--speed-time', '--limit-rate', '--max-redirs', '--interface', '--local-port', '--dns-servers',
  '--trace', '--trace-ascii', '--stderr', '-D', '--dump-header', '--variable', '--expand-url', '--aws-sigv4', '-U',
  '--proxy-user', '--unix-socket', '--happy-eyeballs-timeout-ms', '--parallel-max', '--create-file-mode',
]);
const CURL_DATA = new Set(['-d', '--data', '--data-raw', '--data-binary', '--data-urlencode', '--data-ascii', '--json', '-F', '--form', '--form-string']);
const WGET_VALUE_OPTIONS = new Set([
  '-O', '--output-document', '-o', '--output-file', '-a', '--append-output', '-P', '--directory-prefix', '--header',
  '--user', '--password', '--http-user', '--http-password', '-e', '--execute', '--method', '--body-data', '--body-file',
  '--post-data', '--post-file', '-T', '--timeout', '-t', '--tries', '-U', '--user-agent', '--load-cookies',
  '--save-cookies', '-i', '--input-file', '--ca-certificate', '--certificate', '--private-key', '-w', '--wait',
]);
const HTTPIE_VALUE_OPTIONS = new Set(['-A', '--auth-type', '-a', '--auth', '-o', '--output', '--session', '--session-read-only', '--verify', '--cert', '--cert-key', '--proxy', '--timeout', '-p', '--print', '--pretty', '-s', '--style', '--format-options', '--max-redirects', '--default-scheme', '--boundary', '--raw']);
const HTTP_METHODS = new Set(['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS']);

export const HTTP_PROGRAMS = new Set(['curl', 'wget', 'http', 'https', 'xh', 'xhs']);

function isAuthorizationHeader(text: string): boolean {
  return /^\s*authorization\s*:/i.test(text);
}

/** Splits `--opt=value`, `-Xvalue` and `--opt value` forms. */
export function* options<W>(args: Array<CommandWord<W>>, valued: ReadonlySet<string>): Generator<{ name?: string; value?: CommandWord<W>; positional?: CommandWord<W> }> {
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as CommandWord<W>;
    const text = arg.text;
    if (text === '--') {
      for (const rest of args.slice(i + 1)) yield { positional: rest };
      return;
    }
    if (text.startsWith('--')) {
      const eq = text.indexOf('=');
      if (eq !== -1) {
        yield { name: text.slice(0, eq), value: { text: text.slice(eq + 1), word: arg.word } };
      } else if (valued.has(text)) {
        const value = args[++i];
        yield value === undefined ? { name: text } : { name: text, value };
      } else yield { name: text };
      continue;
    }
    if (text.startsWith('-') && text.length > 1) {
      // A cluster of short options; the first that takes a value takes the rest of the word or the next.
      for (let j = 1; j < text.length; j++) {
        const name = `-${text[j]}`;
        if (valued.has(name)) {
          const attached = text.slice(j + 1);
          if (attached !== '') yield { name, value: { text: attached, word: arg.word } };
          else {
            const value = args[++i];
            yield value === undefined ? { name } : { name, value };
          }
          break;
        }
        yield { name };
      }
      continue;
    }
    yield { positional: arg };
  }
}

export function parseHttpCommand<W>(program: string, args: Array<CommandWord<W>>): HttpCommand<W> | undefined {
  if (program === 'curl') return parseCurl(args);
  if (program === 'wget') return parseWget(args);
  if (program === 'http' || program === 'https' || program === 'xh' || program === 'xhs') return parseHttpie(program, args);
  return undefined;
}

function parseCurl<W>(args: Array<CommandWord<W>>): HttpCommand<W> {
  let method: string | undefined;
  let implied: string | undefined;
  let authorization: CommandWord<W> | undefined;
  const urls: Array<CommandWord<W>> = [];
  for (const option of options(args, CURL_VALUE_OPTIONS)) {
    if (option.positional) urls.push(option.positional);
    else if ((option.name === '-X' || option.name === '--request') && option.value) method = option.value.text.toUpperCase();
    else if ((option.name === '-H' || option.name === '--header') && option.value && isAuthorizationHeader(option.value.text)) authorization = option.value;
    else if (option.name === '--oauth2-bearer' && option.value) authorization = option.value;
    else if (option.name === '--url' && option.value) urls.push(option.value);
    else if (option.name !== undefined && CURL_DATA.has(option.name)) implied ??= 'POST';
    else if (option.name === '-G' || option.name === '--get') implied = 'GET';
    else if (option.name === '-I' || option.name === '--head') implied = 'HEAD';
    else if (option.name === '-T' || option.name === '--upload-file') implied ??= 'PUT';
  }
  const command: HttpCommand<W> = { method: method ?? implied ?? 'GET', urls };
  if (authorization) command.authorization = authorization;
  return command;
}

function parseWget<W>(args: Array<CommandWord<W>>): HttpCommand<W> {
  let method: string | undefined;
  let implied: string | undefined;
  let authorization: CommandWord<W> | undefined;
  const urls: Array<CommandWord<W>> = [];
  for (const option of options(args, WGET_VALUE_OPTIONS)) {
    if (option.positional) urls.push(option.positional);
    else if (option.name === '--method' && option.value) method = option.value.text.toUpperCase();
    else if (option.name === '--header' && option.value && isAuthorizationHeader(option.value.text)) authorization = option.value;
    else if (option.name === '--post-data' || option.name === '--post-file') implied = 'POST';
  }
  const command: HttpCommand<W> = { method: method ?? implied ?? 'GET', urls };
  if (authorization) command.authorization = authorization;
  return command;
}

function parseHttpie<W>(program: string, args: Array<CommandWord<W>>): HttpCommand<W> | undefined {
  const positionals: Array<CommandWord<W>> = [];
  let authType: string | undefined;
  let auth: CommandWord<W> | undefined;
  for (const option of options(args, HTTPIE_VALUE_OPTIONS)) {
    if (option.positional) positionals.push(option.positional);
    else if ((option.name === '-A' || option.name === '--auth-type') && option.value) authType = option.value.text.toLowerCase();
    else if ((option.name === '-a' || option.name === '--auth') && option.value) auth = option.value;
  }
  let index = 0;
  let method: string | undefined;
  if (positionals[0] && HTTP_METHODS.has(positionals[0].text.toUpperCase()) && positionals[0].text === positionals[0].text.toUpperCase()) {
    method = positionals[0].text;
    index = 1;
  }
  const url = positionals[index];
  if (!url) return undefined;
  const items = positionals.slice(index + 1);
  let authorization: CommandWord<W> | undefined = authType === 'bearer' ? auth : undefined;
  let hasData = false;
  for (const item of items) {
    if (isAuthorizationHeader(item.text)) authorization = item;
    else if (/^[^:=@]+(=|:=|@)/.test(item.text) && !/^[^=]+==/.test(item.text)) hasData = true;
  }
  const scheme = program === 'https' || program === 'xhs' ? 'https://' : 'http://';
  const full = /^[a-z][a-z0-9+.-]*:\/\//i.test(url.text) ? url : { text: `${scheme}${url.text.replace(/^:\//, 'localhost/')}`, word: url.word };
  const command: HttpCommand<W> = { method: method ?? (hasData ? 'POST' : 'GET'), urls: [full] };
  if (authorization) command.authorization = authorization;
  return command;
}

/** grpcurl's flags that take a value (Go flags: `-name value`, `-name=value`, one or two dashes). */
const GRPCURL_VALUE_FLAGS = new Set([
  'H', 'rpc-header', 'reflect-header', 'd', 'proto', 'import-path', 'protoset', 'protoset-out', 'proto-out-dir', 'cacert',
  'cert', 'key', 'servername', 'authority', 'user-agent', 'connect-timeout', 'keepalive-time', 'max-time', 'max-msg-sz',
  'format', 'alts-handshaker-service', 'alts-target-service-account',
]);

export interface GrpcCommand<W> {
  address: CommandWord<W>;
  /** `-H` and `-rpc-header` values: the metadata sent with the call. */
  headers: Array<CommandWord<W>>;
}

/**
 * `grpcurl [flags] address [list|describe|method]`. Go's flag parsing stops at the first argument
 * that is not a flag, which is the address.
 */
export function parseGrpcurl<W>(args: Array<CommandWord<W>>): GrpcCommand<W> | undefined {
  const headers: Array<CommandWord<W>> = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as CommandWord<W>;
    const text = arg.text;
    if (text === '--') return args[i + 1] ? { address: args[i + 1] as CommandWord<W>, headers } : undefined;
    const flag = /^--?([a-z][a-z-]*)(=)?/i.exec(text);
    if (!flag) return { address: arg, headers };
    const name = flag[1] as string;
    let value: CommandWord<W> | undefined;
    if (flag[2] !== undefined) value = { text: text.slice(flag[0].length), word: arg.word };
    else if (GRPCURL_VALUE_FLAGS.has(name)) value = args[++i];
    if ((name === 'H' || name === 'rpc-header') && value) headers.push(value);
  }
  return undefined;
}

/** The value of metadata `name` among `Name: value` headers (names compare case-insensitively). */
export function headerValue<W>(headers: ReadonlyArray<CommandWord<W>>, name: string): CommandWord<W> | undefined {
  for (const header of headers) {
    const colon = header.text.indexOf(':');
    if (colon !== -1 && header.text.slice(0, colon).trim().toLowerCase() === name) return header;
  }
  return undefined;
}
