/**
 * NVCF REST calls: global fetch, undici, node-fetch, ofetch (and Nuxt's `$fetch`), axios, got, ky
 * (and the instances of all four) and node's http/https. The URL, method and Authorization header
 * are evaluated statically; the catalogue says which action a method and path are.
 */
import { UNKNOWN } from '@nvcf-keylint/core';
import type { TSESTree } from '@typescript-eslint/utils';
import { findVariable } from '@typescript-eslint/utils/ast-utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/types';
import { originOf, type CalleeOrigin } from './modules.js';
import type { Resolver } from './resolve.js';
import { walkNodes } from './walk.js';

type Node = TSESTree.Node;

export interface HttpRequest {
  method: string | undefined;
  url: string;
  /** Env names the Authorization header's key comes from (empty: no header, or not known). */
  credentials: string[];
}

const FETCH_MODULES = new Set(['undici', 'node-fetch', 'cross-fetch', 'isomorphic-fetch', 'isomorphic-unfetch', 'make-fetch-happen']);
const NO_BODY = new Set(['get', 'delete', 'head', 'options']);
const WITH_BODY = new Set(['post', 'put', 'patch']);
const INSTANCE_FACTORIES: Record<string, readonly string[]> = { axios: ['create'], got: ['extend'], ky: ['create', 'extend'], ofetch: ['create'] };
type Library = 'axios' | 'got' | 'ky' | 'ofetch';

/** A client's defaults (an axios instance's baseURL and headers, got's prefixUrl, ...). */
interface Defaults {
  library: Library;
  config: TSESTree.ObjectExpression[];
  /** The Authorization set after the config: axios interceptors and defaults assignments, got/ky hooks. */
  authorization?: { interceptor?: Node | 'unknown'; defaults?: Node | 'unknown' };
}

export function detectHttpRequest(resolver: Resolver, call: TSESTree.CallExpression): HttpRequest | undefined {
  const args = call.arguments as Node[];
  const origin = canonical(originOf(resolver, call.callee));
  if (origin) {
    const [first, ...rest] = origin.path;
    if ((origin.module === 'global' && first === 'fetch' && rest.length === 0) || (FETCH_MODULES.has(origin.module) && (first === 'fetch' || first === undefined) && rest.length === 0)) {
      return fromFetch(resolver, args);
    }
    // ofetch, and Nuxt's global $fetch built on it: (url, { method, headers, baseURL }).
    if (isOfetch(origin)) return fromLibrary(resolver, { library: 'ofetch', config: [] }, undefined, args);
    if (origin.module === 'undici' && first === 'request' && rest.length === 0) {
      return fromConfig(resolver, 'GET', resolver.string(args[0]), [resolver.object(args[1])]);
    }
    if ((origin.module === 'http' || origin.module === 'https') && (first === 'request' || first === 'get') && rest.length === 0) {
      return fromNodeHttp(resolver, origin.module, args);
    }
    if (origin.module === 'axios' || origin.module === 'got' || origin.module === 'ky') {
      if (origin.path.length > 1) return undefined;
      return fromLibrary(resolver, { library: origin.module, config: [] }, origin.path[0], args);
    }
    return undefined;
  }
  // An instance: `const api = axios.create({...}); api.post(...)`
  const callee = resolver.unwrap(call.callee);
  const [target, method] =
    callee.type === T.MemberExpression && !callee.computed && callee.property.type === T.Identifier
      ? [callee.object, callee.property.name]
      : [callee, undefined];
  const defaults = instanceDefaults(resolver, target);
  return defaults ? fromLibrary(resolver, defaults, method, args) : undefined;
}

/** ofetch's `ofetch` / `$fetch` (`$fetch` is also Nuxt's global), or `member` of one. */
function isOfetch(origin: CalleeOrigin, member?: string): boolean {
  const [first, ...rest] = origin.path;
  if (rest.length !== (member === undefined ? 0 : 1) || (member !== undefined && rest[0] !== member)) return false;
  return (origin.module === 'global' && first === '$fetch') || (origin.module === 'ofetch' && (first === 'ofetch' || first === '$fetch' || (first === undefined && member === undefined)));
}

function canonical(origin: CalleeOrigin | undefined): CalleeOrigin | undefined {
  // `axios` loaded from a <script> tag, or a global test double
  if (origin?.module === 'global' && origin.path[0] !== undefined && ['axios', 'got', 'ky'].includes(origin.path[0])) {
    return { module: origin.path[0], path: origin.path.slice(1) };
  }
  return origin;
}

function instanceDefaults(resolver: Resolver, node: Node, depth = 0): Defaults | undefined {
  if (depth > 4) return undefined;
  const n = resolver.unwrap(node);
  if (n.type !== T.Identifier) return undefined;
  const init = resolver.constInit(n);
  if (!init) return undefined;
  const value = resolver.unwrap(init);
  if (value.type !== T.CallExpression) return undefined;
  const origin = canonical(originOf(resolver, value.callee));
  const config = resolver.object(value.arguments[0] as Node | undefined);
  if (origin && (origin.module === 'axios' || origin.module === 'got' || origin.module === 'ky')) {
    if (origin.path.length !== 1 || !INSTANCE_FACTORIES[origin.module]?.includes(origin.path[0] as string)) return undefined;
    const authorization = origin.module === 'axios' ? axiosAuthorization(resolver, n) : hookAuthorization(resolver, config);
    return { library: origin.module, config: config ? [config] : [], ...(authorization ? { authorization } : {}) };
  }
  // `ofetch.create({ baseURL, headers })`, and Nuxt's `$fetch.create(...)`
  if (origin && isOfetch(origin, 'create')) {
    const authorization = ofetchAuthorization(resolver, config);
    return { library: 'ofetch', config: config ? [config] : [], ...(authorization ? { authorization } : {}) };
  }
  // `base.extend({...})` on an instance
  const callee = resolver.unwrap(value.callee);
  if (callee.type === T.MemberExpression && !callee.computed && callee.property.type === T.Identifier) {
    const base = instanceDefaults(resolver, callee.object, depth + 1);
    if (base && INSTANCE_FACTORIES[base.library]?.includes(callee.property.name)) {
      const authorization = hookAuthorization(resolver, config) ?? base.authorization;
      return { library: base.library, config: config ? [...base.config, config] : base.config, ...(authorization ? { authorization } : {}) };
    }
  }
  return undefined;
}

/** `fetch(input, init)`; `input` may be a `new Request(url, init)`, whose init the call's own overrides. */
function fromFetch(resolver: Resolver, args: Node[]): HttpRequest | undefined {
  const input = args[0] === undefined ? undefined : resolver.deref(args[0]);
  const request = input?.type === T.NewExpression && input.callee.type === T.Identifier && input.callee.name === 'Request' ? input : undefined;
  const url = resolver.string(request ? (request.arguments[0] as Node | undefined) : args[0]);
  const inits = [...(request ? [request.arguments[1] as Node | undefined] : []), args[1]].filter((init): init is Node => init !== undefined);
  const configs = inits.map((init) => resolver.object(init));
  if (configs.some((config) => config === undefined)) return { method: undefined, url, credentials: [] };
  return fromConfig(resolver, 'GET', url, configs);
}

function fromLibrary(resolver: Resolver, defaults: Defaults, helper: string | undefined, args: Node[]): HttpRequest | undefined {
  const { library } = defaults;
  let url: Node | undefined;
  /** The call's own options argument, and its object literal when it can be read. */
  let configArg: Node | undefined;
  let method: string;
  if (library === 'ofetch') {
    // api(url, options) | api.raw(url, options); api.native is plain fetch, without the defaults
    if (helper !== undefined && helper !== 'raw') return undefined;
    url = args[0];
    configArg = args[1];
    method = 'GET';
  } else if (helper === undefined) {
    // axios(config) | axios(url, config) | got(url, options) | ky(url, options)
    if (resolver.object(args[0]) && library !== 'ky') {
      configArg = args[0];
    } else {
      url = args[0];
      configArg = args[1];
    }
    method = 'GET';
  } else if (helper === 'request' && library === 'axios') {
    configArg = args[0];
    method = 'GET';
  } else if (NO_BODY.has(helper) || (WITH_BODY.has(helper) && library !== 'axios')) {
    url = args[0];
    configArg = args[1];
    method = helper.toUpperCase();
  } else if (WITH_BODY.has(helper)) {
    url = args[0];
    configArg = args[2];
    method = helper.toUpperCase();
  } else {
    return undefined;
  }
  const config = resolver.object(configArg);
  const configs = [...defaults.config, ...(config ? [config] : [])];
  const base = lastProperty(resolver, configs, library === 'axios' || library === 'ofetch' ? 'baseURL' : 'prefixUrl');
  const urlProperty = url === undefined ? lastProperty(resolver, configs, 'url') : undefined;
  const path = urlProperty === undefined ? resolver.string(url) : !urlProperty.certain ? UNKNOWN : urlProperty.value !== undefined ? resolver.string(urlProperty.value) : '';
  const baseUrl = !base.certain ? UNKNOWN : base.value && resolver.string(base.value);
  const request = fromConfig(resolver, method, joinUrl(baseUrl, path), configs);
  if (configArg !== undefined && !config) {
    // Options that cannot be read may set any header (and, with no helper, the method).
    request.credentials = [];
    if (helper === undefined) request.method = undefined;
  }
  // An interceptor sets the header last; `instance.defaults.headers` yields to the call's own headers.
  const { interceptor, defaults: assigned } = defaults.authorization ?? {};
  const ownHeaders = config && resolver.property(config, 'headers');
  const own = configArg !== undefined && (!config || !ownHeaders?.certain) ? 'unknown' : ownHeaders?.value === undefined ? undefined : authorizationValue(resolver, ownHeaders.value);
  const later = interceptor ?? (own === undefined ? assigned : undefined);
  if (later !== undefined) request.credentials = later === 'unknown' ? [] : [resolver.credential(later)].filter((c): c is string => c !== undefined);
  return request;
}

/**
 * The Authorization an axios instance (`const api = axios.create(...)`) gets after it is built:
 * `api.defaults.headers[.common].Authorization = value`, and a request interceptor
 * `api.interceptors.request.use((config) => { config.headers.Authorization = value; ... })` (or
 * `config.headers.set('Authorization', value)`). The last write in the file wins; a header
 * replaced as a whole is unknown.
 */
function axiosAuthorization(resolver: Resolver, instance: TSESTree.Identifier): Defaults['authorization'] | undefined {
  const variable = findVariable(resolver.sourceCode.getScope(instance), instance.name);
  const found: { interceptor?: { at: number; value: Node | 'unknown' }; defaults?: { at: number; value: Node | 'unknown' } } = {};
  const record = (kind: 'interceptor' | 'defaults', at: number, value: Node | 'unknown') => {
    const current = found[kind];
    if (!current || at > current.at) found[kind] = { at, value };
  };
  for (const reference of variable?.references ?? []) {
    if (reference.identifier.type !== T.Identifier) continue;
    const chain = memberChain(resolver, reference.identifier);
    const [first, second, third] = chain.names;
    if (first === 'defaults' && second === 'headers') {
      const header = third === 'common' ? chain.names[3] : third;
      const assignment = chain.top.parent;
      if (header?.toLowerCase() === 'authorization' && chain.names.length === (third === 'common' ? 4 : 3) && assignment?.type === T.AssignmentExpression && assignment.left === chain.top) {
        record('defaults', assignment.range[0], assignment.operator === '=' ? assignment.right : 'unknown');
      }
    } else if (first === 'interceptors' && second === 'request' && third === 'use' && chain.names.length === 3) {
      const call = chain.top.parent;
      if (call?.type !== T.CallExpression || call.callee !== chain.top) continue;
      const handler = resolver.deref(call.arguments[0] as Node);
      if (handler.type !== T.ArrowFunctionExpression && handler.type !== T.FunctionExpression) continue;
      const param = handler.params[0];
      if (param?.type !== T.Identifier) continue;
      for (const write of interceptorWrites(resolver, handler, param.name)) record('interceptor', write.at, write.value);
    }
  }
  if (!found.interceptor && !found.defaults) return undefined;
  return { ...(found.interceptor ? { interceptor: found.interceptor.value } : {}), ...(found.defaults ? { defaults: found.defaults.value } : {}) };
}

/**
 * got's and ky's request hooks: `hooks: { beforeRequest: [(options) => { options.headers.authorization
 * = value }] }` (or `request.headers.set('Authorization', value)` in ky). Like an axios
 * interceptor, they run last; the last write in the file wins.
 */
function hookAuthorization(resolver: Resolver, config: TSESTree.ObjectExpression | undefined): Defaults['authorization'] | undefined {
  const hooks = config && resolver.object(resolver.property(config, 'hooks').value);
  const beforeRequest = hooks && resolver.property(hooks, 'beforeRequest').value;
  const before = beforeRequest && resolver.deref(beforeRequest);
  if (before?.type !== T.ArrayExpression) return undefined;
  let last: { at: number; value: Node | 'unknown' } | undefined;
  for (const element of before.elements) {
    const hook = element && element.type !== T.SpreadElement ? resolver.deref(element) : undefined;
    if (!hook || (hook.type !== T.ArrowFunctionExpression && hook.type !== T.FunctionExpression) || hook.params[0]?.type !== T.Identifier) continue;
    for (const write of interceptorWrites(resolver, hook, hook.params[0].name)) if (!last || write.at > last.at) last = write;
  }
  return last ? { interceptor: last.value } : undefined;
}

/**
 * ofetch's `onRequest` hook runs before each request: `onRequest({ options }) {
 * options.headers.set('Authorization', value) }`. A hook written another way (a list of hooks, a
 * parameter not destructured to `options`) could set any header, so the key is unknown.
 */
function ofetchAuthorization(resolver: Resolver, config: TSESTree.ObjectExpression | undefined): Defaults['authorization'] | undefined {
  if (!config) return undefined;
  const found = resolver.property(config, 'onRequest');
  if (found.certain && found.value === undefined) return undefined;
  const hook = found.value && resolver.deref(found.value);
  const param = hook && (hook.type === T.ArrowFunctionExpression || hook.type === T.FunctionExpression) ? hook.params[0] : undefined;
  const options = param?.type === T.ObjectPattern
    ? param.properties.find((p) => p.type === T.Property && !p.computed && p.key.type === T.Identifier && p.key.name === 'options')
    : undefined;
  if (!hook || (hook.type !== T.ArrowFunctionExpression && hook.type !== T.FunctionExpression) || options?.type !== T.Property || options.value.type !== T.Identifier) return { interceptor: 'unknown' };
  let last: { at: number; value: Node | 'unknown' } | undefined;
  for (const write of interceptorWrites(resolver, hook, options.value.name)) if (!last || write.at > last.at) last = write;
  return last ? { interceptor: last.value } : undefined;
}

/** `x.a.b['c']` above an identifier: the property names and the outermost member expression. */
function memberChain(resolver: Resolver, id: TSESTree.Identifier): { names: string[]; top: Node } {
  const names: string[] = [];
  let top: Node = id;
  while (top.parent?.type === T.MemberExpression && top.parent.object === top) {
    const member: TSESTree.MemberExpression = top.parent;
    const name = member.computed ? resolver.literal(member.property) : member.property.type === T.Identifier ? member.property.name : undefined;
    if (name === undefined) break;
    names.push(name);
    top = member;
  }
  return { names, top };
}

/** Writes of the Authorization header in an interceptor whose config parameter is `param`. */
function interceptorWrites(resolver: Resolver, handler: TSESTree.FunctionLike, param: string): Array<{ at: number; value: Node | 'unknown' }> {
  const writes: Array<{ at: number; value: Node | 'unknown' }> = [];
  if (!handler.body) return writes;
  walkNodes(resolver.sourceCode, handler.body, (node) => {
    if (node.type === T.Identifier && node.name === param) {
      const chain = memberChain(resolver, node);
      const [headers, header, extra] = chain.names;
      const parent = chain.top.parent;
      if (headers === 'headers' && chain.names.length === 1 && parent?.type === T.AssignmentExpression && parent.left === chain.top) {
        writes.push({ at: parent.range[0], value: 'unknown' });
      } else if (headers === 'headers' && header?.toLowerCase() === 'authorization' && extra === undefined && parent?.type === T.AssignmentExpression && parent.left === chain.top) {
        writes.push({ at: parent.range[0], value: parent.operator === '=' ? parent.right : 'unknown' });
      } else if (headers === 'headers' && header === 'set' && extra === undefined && parent?.type === T.CallExpression && parent.callee === chain.top) {
        if (resolver.literal(parent.arguments[0] as Node | undefined)?.toLowerCase() === 'authorization') {
          writes.push({ at: parent.range[0], value: (parent.arguments[1] as Node | undefined) ?? 'unknown' });
        }
      }
    }
  });
  return writes;
}

function fromNodeHttp(resolver: Resolver, module: 'http' | 'https', args: Node[]): HttpRequest | undefined {
  const first = resolver.object(args[0]);
  if (first) {
    const host = resolver.string(first && (resolver.property(first, 'hostname').value ?? resolver.property(first, 'host').value));
    const path = resolver.string(resolver.property(first, 'path').value ?? null);
    return fromConfig(resolver, 'GET', `${module}://${host}${path === UNKNOWN && !resolver.property(first, 'path').value ? '/' : path}`, [first]);
  }
  return fromConfig(resolver, 'GET', resolver.string(args[0]), [resolver.object(args[1])]);
}

function fromConfig(resolver: Resolver, defaultMethod: string, url: string, configs: Array<TSESTree.ObjectExpression | undefined>): HttpRequest {
  const present = configs.filter((c): c is TSESTree.ObjectExpression => c !== undefined);
  const methodNode = lastProperty(resolver, present, 'method');
  const method = !methodNode.certain ? undefined : methodNode.value === undefined ? defaultMethod : resolver.literal(methodNode.value)?.toUpperCase();
  return { method, url, credentials: authorizationCredentials(resolver, present) };
}

/**
 * The value of `name` in the last config (the call's own, after defaults) that sets it;
 * `certain: false` when a spread that cannot be read comes after, and might set it.
 */
function lastProperty(resolver: Resolver, configs: readonly TSESTree.ObjectExpression[], name: string): { value?: Node; certain: boolean } {
  for (let i = configs.length - 1; i >= 0; i--) {
    const found = resolver.property(configs[i] as TSESTree.ObjectExpression, name);
    if (found.value !== undefined || !found.certain) return found;
  }
  return { certain: true };
}

/** The env var behind the Authorization header of the last config that sets one. */
function authorizationCredentials(resolver: Resolver, configs: readonly TSESTree.ObjectExpression[]): string[] {
  for (let i = configs.length - 1; i >= 0; i--) {
    const found = lastProperty(resolver, [configs[i] as TSESTree.ObjectExpression], 'headers');
    if (!found.certain) return [];
    const headers = found.value;
    if (headers === undefined) continue;
    const value = authorizationValue(resolver, headers);
    if (value === 'unknown') return [];
    if (value !== undefined) {
      const credential = resolver.credential(value);
      return credential === undefined ? [] : [credential];
    }
  }
  return [];
}

function authorizationValue(resolver: Resolver, headers: Node): Node | 'unknown' | undefined {
  const written = headersWrites(resolver, headers);
  if (written !== undefined) return written;
  const n = resolver.deref(headers);
  if (n.type === T.NewExpression && n.callee.type === T.Identifier && n.callee.name === 'Headers') {
    const init = n.arguments[0] as Node | undefined;
    return init === undefined ? 'unknown' : authorizationValue(resolver, init);
  }
  if (n.type === T.ArrayExpression) {
    for (const pair of n.elements) {
      if (pair?.type === T.ArrayExpression && resolver.literal(pair.elements[0] as Node | undefined)?.toLowerCase() === 'authorization') {
        return (pair.elements[1] as Node | undefined) ?? 'unknown';
      }
    }
    return undefined;
  }
  if (n.type !== T.ObjectExpression) return 'unknown';
  const found = resolver.property(n, 'authorization', true);
  if (!found.certain) return 'unknown';
  return found.value;
}

/**
 * `const headers = new Headers(); headers.set('Authorization', ...)`: the value the last `set` or
 * `append` of that header gives (by position in the file); 'unknown' if one deletes it;
 * `undefined` when nothing writes it, and the constructor's argument decides.
 */
function headersWrites(resolver: Resolver, headers: Node): Node | 'unknown' | undefined {
  const id = resolver.unwrap(headers);
  if (id.type !== T.Identifier) return undefined;
  const init = resolver.constInit(id);
  if (init?.type !== T.NewExpression || init.callee.type !== T.Identifier || init.callee.name !== 'Headers') return undefined;
  const variable = findVariable(resolver.sourceCode.getScope(id), id.name);
  let last: { at: number; value: Node | 'unknown' } | undefined;
  for (const reference of variable?.references ?? []) {
    const member = reference.identifier.parent;
    const call = member?.parent;
    if (member?.type !== T.MemberExpression || member.object !== reference.identifier || call?.type !== T.CallExpression || call.callee !== member) continue;
    const method = !member.computed && member.property.type === T.Identifier ? member.property.name : undefined;
    if (method !== 'set' && method !== 'append' && method !== 'delete') continue;
    if (resolver.literal(call.arguments[0] as Node | undefined)?.toLowerCase() !== 'authorization') continue;
    const value = method === 'delete' ? 'unknown' : ((call.arguments[1] as Node | undefined) ?? 'unknown');
    if (!last || call.range[0] > last.at) last = { at: call.range[0], value };
  }
  return last?.value;
}

/** A client's base URL (axios `baseURL`, got/ky `prefixUrl`, ofetch `baseURL`) and a path; an absolute path stands alone. */
function joinUrl(base: string | undefined, path: string): string {
  if (base === undefined || /^[a-z][a-z0-9+.-]*:\/\//i.test(path)) return path;
  if (path === '') return base;
  return `${base.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`;
}
