/**
 * Small helpers around a request: `function nvcf(path, init) { return fetch(BASE + path, ...) }`
 * or `function ngc(args) { return execSync(`ngc ${args}`) }`, called with literal arguments
 * elsewhere in the file. Inside the helper the path is a parameter and nothing can be said; at each
 * call site it is known. For a request inside such a helper, every call site of the helper in the
 * same file is evaluated with the helper's parameters bound to that call's arguments. One level
 * deep, same file only; a parameter the helper reassigns, a rest or destructured parameter, and a
 * call passing a spread stay unknown.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { findVariable } from '@typescript-eslint/utils/ast-utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/types';
import { enclosingClassBody, memberKeyName, thisMemberName, type Resolver } from './resolve.js';
import { walkNodes } from './walk.js';

type FunctionNode = TSESTree.FunctionDeclaration | TSESTree.FunctionExpression | TSESTree.ArrowFunctionExpression;

export interface CallSite {
  /** The call of the helper, where a finding is reported. */
  site: TSESTree.CallExpression;
  /** Evaluates the request with the helper's parameters bound to this call's arguments. */
  resolver: Resolver;
}

/** The call sites of the helper function `node` is in, each with its bindings; empty when none. */
export function helperCallSites(resolver: Resolver, node: TSESTree.Node): CallSite[] {
  const fn = enclosingFunction(node);
  if (!fn) return [];
  const calls = callsOf(resolver, fn).sort((a, b) => a.range[0] - b.range[0]);
  if (calls.length === 0) return [];
  const params = fn.params.map((param) => parameterVariable(resolver, fn, param));
  if (params.every((p) => p === undefined)) return [];
  return calls.map((site) => {
    const bindings = new Map<Parameter['variable'], TSESTree.Node>();
    const spread = site.arguments.some((a) => a.type === T.SpreadElement);
    params.forEach((param, i) => {
      if (!param || spread) return;
      const arg = site.arguments[i] as TSESTree.Node | undefined;
      const value = arg ?? param.defaultValue;
      if (value) bindings.set(param.variable, value);
    });
    return { site, resolver: resolver.withBindings(bindings) };
  });
}

function enclosingFunction(node: TSESTree.Node): FunctionNode | undefined {
  for (let current = node.parent; current; current = current.parent) {
    if (current.type === T.FunctionDeclaration || current.type === T.FunctionExpression || current.type === T.ArrowFunctionExpression) return current;
  }
  return undefined;
}

/** Calls of `fn` in this file: by its name, by the `const` it is assigned to, or `this.method(...)`. */
function callsOf(resolver: Resolver, fn: FunctionNode): TSESTree.CallExpression[] {
  const parent = fn.parent;
  if (parent?.type === T.MethodDefinition && !parent.static && parent.kind === 'method' && parent.parent.type === T.ClassBody) {
    const body = parent.parent;
    const name = memberKeyName(parent.key, parent.computed);
    // Overloads or a getter of the same name: no single method to read.
    if (name === undefined || body.body.filter((m) => m.type === T.MethodDefinition && memberKeyName(m.key, m.computed) === name).length !== 1) return [];
    const calls: TSESTree.CallExpression[] = [];
    walkNodes(resolver.sourceCode, body, (node) => {
      if (node.type === T.CallExpression && node.callee.type === T.MemberExpression && thisMemberName(node.callee) === name && enclosingClassBody(node.callee) === body) calls.push(node);
    });
    return calls;
  }
  const id = fn.type === T.FunctionDeclaration ? fn.id : parent?.type === T.VariableDeclarator && parent.init === fn && parent.id.type === T.Identifier ? parent.id : undefined;
  if (!id) return [];
  const variable = findVariable(resolver.sourceCode.getScope(id), id.name);
  // A helper someone reassigns could be anything at a given call.
  if (!variable || variable.defs.length !== 1 || variable.references.some((r) => r.isWrite() && r.init !== true)) return [];
  return variable.references.flatMap((reference) => {
    const call = reference.identifier.parent;
    return call?.type === T.CallExpression && call.callee === reference.identifier ? [call] : [];
  });
}

interface Parameter {
  variable: NonNullable<ReturnType<typeof findVariable>>;
  defaultValue?: TSESTree.Node;
}

/** A parameter that can be bound: a plain name (with or without a default) that is never reassigned. */
function parameterVariable(resolver: Resolver, fn: FunctionNode, param: TSESTree.Parameter): Parameter | undefined {
  const [id, defaultValue] = param.type === T.Identifier ? [param, undefined] : param.type === T.AssignmentPattern && param.left.type === T.Identifier ? [param.left, param.right] : [undefined, undefined];
  if (!id) return undefined;
  const variable = resolver.sourceCode.getDeclaredVariables(fn).find((v) => v.name === id.name);
  if (!variable || variable.references.some((r) => r.isWrite() && r.init !== true)) return undefined;
  return defaultValue ? { variable, defaultValue } : { variable };
}
