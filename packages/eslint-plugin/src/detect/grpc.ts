/**
 * gRPC calls to NVCF from `@grpc/grpc-js` (or the legacy `grpc` package): the key and the function
 * travel as call metadata (`authorization: Bearer <key>`, `function-id`, optional
 * `function-version-id`), built on a `Metadata` object that is then passed to the generated stub's
 * method. The stub's address is usually built far from the call, so the file must name the NVCF
 * gRPC host somewhere, and the metadata must name a function: anything else is some other gRPC
 * service. Reported at each call the metadata object is passed to, or where it is built when it is
 * passed nowhere visible.
 */
import type { Catalogue, NvcfRequestMatch } from '@nvcf-keylint/core';
import { matchNvcfGrpc } from '@nvcf-keylint/core';
import type { TSESTree } from '@typescript-eslint/utils';
import { findVariable } from '@typescript-eslint/utils/ast-utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/types';
import { originOf } from './modules.js';
import type { Resolver } from './resolve.js';

const GRPC_MODULES = new Set(['@grpc/grpc-js', 'grpc']);

export interface GrpcCall {
  match: NvcfRequestMatch;
  credentials: string[];
  /** Where to report: the calls the metadata is passed to, else the `new Metadata()`. */
  sites: TSESTree.Node[];
}

export function detectGrpcMetadata(resolver: Resolver, catalogue: Catalogue, node: TSESTree.NewExpression): GrpcCall | undefined {
  const origin = originOf(resolver, node.callee);
  if (!origin || !GRPC_MODULES.has(origin.module) || origin.path.length !== 1 || origin.path[0] !== 'Metadata') return undefined;
  const declarator = node.parent;
  if (declarator?.type !== T.VariableDeclarator || declarator.init !== node || declarator.id.type !== T.Identifier) return undefined;
  const { grpcHost, grpcMetadata } = catalogue.http;
  if (!resolver.sourceCode.text.toLowerCase().includes(grpcHost)) return undefined;
  const variable = findVariable(resolver.sourceCode.getScope(declarator), declarator.id);
  if (!variable) return undefined;
  const entries = new Map<string, TSESTree.Node>();
  const sites: TSESTree.Node[] = [];
  for (const reference of variable.references) {
    const id = reference.identifier;
    const parent = id.parent;
    if (parent?.type === T.MemberExpression && parent.object === id && parent.parent?.type === T.CallExpression && parent.parent.callee === parent) {
      const method = parent.computed ? resolver.literal(parent.property) : parent.property.type === T.Identifier ? parent.property.name : undefined;
      const [key, value] = parent.parent.arguments;
      const name = resolver.literal(key as TSESTree.Node | undefined)?.toLowerCase();
      if ((method === 'add' || method === 'set') && name !== undefined && value && !entries.has(name)) entries.set(name, value);
    } else if (parent?.type === T.CallExpression && parent.arguments.includes(id as TSESTree.CallExpressionArgument)) {
      sites.push(parent);
    }
  }
  const functionId = entries.get(grpcMetadata.functionId);
  if (functionId === undefined) return undefined;
  const versionId = entries.get(grpcMetadata.versionId);
  const match = matchNvcfGrpc(catalogue, grpcHost, resolver.string(functionId), versionId && resolver.string(versionId));
  if (!match) return undefined;
  const authorization = entries.get(grpcMetadata.authorization);
  const credential = authorization && resolver.credential(authorization);
  return { match, credentials: credential === undefined ? [] : [credential], sites: sites.length > 0 ? sites : [node] };
}
