/**
 * Calls through an SDK or a team's own wrapper, which nothing in the call itself identifies as
 * NVCF: declared in `settings.nvcf.wrappers`, or by JSDoc tags on a function in the same file:
 *
 *     /** @nvcfAction deploy-function @nvcfFunctionArg 0 @nvcfVersionArg 1 @nvcfCredential NVCF_DEPLOY_KEY *\/
 *     export async function deploy(functionId, versionId) { ... }
 */
import type { UsageTarget } from '@nvcf-keylint/core';
import type { TSESTree } from '@typescript-eslint/utils';
import { findVariable } from '@typescript-eslint/utils/ast-utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/types';
import type { ArgumentPath, NvcfSettings, WrapperSpec } from '../settings.js';
import { calleePath } from './modules.js';
import type { Resolver } from './resolve.js';

type Node = TSESTree.Node;

export interface WrapperCall {
  spec: WrapperSpec;
  credentials: string[];
  target?: UsageTarget;
}

/** Property names under which SDK clients take their key. */
const KEY_OPTIONS = ['apiKey', 'api_key', 'apikey', 'token', 'authToken', 'accessToken', 'bearerToken', 'key', 'auth'];

/** Functions of this file that carry `@nvcfAction`, by the AST node that declares them. */
export function taggedFunctions(resolver: Resolver): Map<Node, WrapperSpec> {
  const found = new Map<Node, WrapperSpec>();
  const { sourceCode } = resolver;
  for (const comment of sourceCode.getAllComments()) {
    if (comment.type !== 'Block' || !comment.value.includes('@nvcfAction')) continue;
    const spec = parseTags(comment.value);
    if (!spec) continue;
    const token = sourceCode.getTokenAfter(comment, { includeComments: false });
    if (!token) continue;
    let node: Node | null = sourceCode.getNodeByRangeIndex(token.range[0]);
    if (node?.type === T.ExportNamedDeclaration || node?.type === T.ExportDefaultDeclaration) node = node.declaration as Node | null;
    if (node?.type === T.FunctionDeclaration && node.id) found.set(node.id, spec);
    else if (node?.type === T.VariableDeclaration) {
      const declarator = node.declarations[0];
      if (declarator?.id.type === T.Identifier && declarator.init && (declarator.init.type === T.ArrowFunctionExpression || declarator.init.type === T.FunctionExpression)) {
        found.set(declarator.id, spec);
      }
    } else if (node?.type === T.MethodDefinition && node.key.type === T.Identifier) found.set(node.key, spec);
  }
  return found;
}

function parseTags(text: string): WrapperSpec | undefined {
  const tag = (name: string) => new RegExp(`@${name}\\s+([\\w.:-]+)`).exec(text)?.[1];
  const action = tag('nvcfAction');
  if (action === undefined) return undefined;
  const spec: WrapperSpec = { action };
  const functionArg = tag('nvcfFunctionArg');
  const versionArg = tag('nvcfVersionArg');
  const credential = tag('nvcfCredential');
  if (functionArg !== undefined) spec.functionId = /^\d+$/.test(functionArg) ? Number(functionArg) : functionArg;
  if (versionArg !== undefined) spec.versionId = /^\d+$/.test(versionArg) ? Number(versionArg) : versionArg;
  if (credential !== undefined) spec.credential = credential;
  return spec;
}

export function detectWrapperCall(
  resolver: Resolver,
  settings: NvcfSettings,
  tagged: ReadonlyMap<Node, WrapperSpec>,
  call: TSESTree.CallExpression,
): WrapperCall | undefined {
  const path = calleePath(resolver.unwrap(call.callee));
  if (!path) return undefined;
  const spec = settingsSpec(settings, path) ?? taggedSpec(resolver, tagged, call.callee, path);
  if (!spec) return undefined;
  const credentials = spec.credential !== undefined ? [spec.credential] : clientCredential(resolver, call.callee);
  const result: WrapperCall = { spec, credentials };
  const target = targetOf(resolver, call, spec);
  if (target) result.target = target;
  return result;
}

function settingsSpec(settings: NvcfSettings, path: readonly string[]): WrapperSpec | undefined {
  const exact = settings.wrappers.get(path.join('.'));
  if (exact) return exact;
  for (const [pattern, spec] of settings.wrappers) {
    const parts = pattern.split('.');
    if (parts.length === path.length && parts.every((p, i) => p === '*' || p === path[i])) return spec;
  }
  return undefined;
}

function taggedSpec(resolver: Resolver, tagged: ReadonlyMap<Node, WrapperSpec>, callee: Node, path: readonly string[]): WrapperSpec | undefined {
  if (tagged.size === 0) return undefined;
  const n = resolver.unwrap(callee);
  if (n.type === T.Identifier) {
    const variable = findVariable(resolver.sourceCode.getScope(n), n.name);
    const def = variable?.defs[0];
    return def ? tagged.get(def.name) : undefined;
  }
  if (path.length === 2 && path[0] === 'this') {
    for (const [node, spec] of tagged) if (node.parent?.type === T.MethodDefinition && (node as TSESTree.Identifier).name === path[1]) return spec;
  }
  return undefined;
}

/** `const client = new Client({ apiKey: process.env.X })`: calls on `client` use X. */
function clientCredential(resolver: Resolver, callee: Node): string[] {
  let root = resolver.unwrap(callee);
  while (root.type === T.MemberExpression) root = resolver.unwrap(root.object);
  if (root.type !== T.Identifier) return [];
  const init = resolver.constInit(root);
  if (!init) return [];
  const value = resolver.unwrap(init);
  const construction = value.type === T.AwaitExpression ? resolver.unwrap(value.argument) : value;
  if (construction.type !== T.NewExpression && construction.type !== T.CallExpression) return [];
  for (const argument of construction.arguments) {
    const options = resolver.object(argument as Node);
    if (!options) continue;
    for (const name of KEY_OPTIONS) {
      const found = resolver.property(options, name);
      if (!found.certain) return [];
      const credential = found.value && resolver.credential(found.value);
      if (credential !== undefined) return [credential];
    }
  }
  return [];
}

function targetOf(resolver: Resolver, call: TSESTree.CallExpression, spec: WrapperSpec): UsageTarget | undefined {
  if (spec.functionId === undefined) return undefined;
  const functionId = resolver.literal(argumentAt(resolver, call, spec.functionId));
  if (functionId === undefined || functionId === '') return undefined;
  if (spec.versionId !== undefined) {
    const versionId = resolver.literal(argumentAt(resolver, call, spec.versionId));
    return versionId === undefined ? { functionId } : { functionId, versionId };
  }
  const [id, version] = functionId.split(':');
  return version === undefined ? { functionId } : { functionId: id as string, versionId: version };
}

function argumentAt(resolver: Resolver, call: TSESTree.CallExpression, path: ArgumentPath): Node | undefined {
  const [index, ...properties] = String(path).split('.');
  let node = call.arguments[Number(index)] as Node | undefined;
  for (const property of properties) {
    const object = node && resolver.object(node);
    const found = object && resolver.property(object, property);
    node = found?.certain ? found.value : undefined;
  }
  return node;
}
