/**
 * OpenAI-compatible clients pointed at an NVCF function, the way NIMs deployed on NVCF are called:
 * `new OpenAI({ baseURL, apiKey })` from the `openai` package, and the clients built on it or
 * modelled on it that JS code uses for the same thing: the Vercel AI SDK's `createOpenAI` and
 * `createOpenAICompatible`, and LangChain's `ChatOpenAI` (with `configuration: { baseURL }`). Each
 * sends its requests (chat completions, responses, embeddings, ...) under the base URL with
 * `Authorization: Bearer <apiKey>`, so constructing it with an NVCF base URL is where the key and
 * the function meet; the finding is reported there. A base URL that is not an NVCF one (the API
 * catalogue, a local NIM) or that cannot be known is not a call. A client built without an API key
 * falls back to an environment variable of its own choosing, which is left unresolved.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/types';
import type { HttpRequest } from './http.js';
import { originOf } from './modules.js';
import type { Resolver } from './resolve.js';

interface ClientFactory {
  module: string;
  /** Exported names that build a client; '' is the module itself (a default import). */
  exports: readonly string[];
  /** `new Client(options)` or `factory(options)`. */
  construct: 'new' | 'call';
  /** Where the options hold the base URL and the key, in the order the library reads them. */
  baseUrl: readonly (readonly string[])[];
  apiKey: readonly (readonly string[])[];
}

const FACTORIES: readonly ClientFactory[] = [
  { module: 'openai', exports: ['', 'OpenAI'], construct: 'new', baseUrl: [['baseURL']], apiKey: [['apiKey']] },
  // Vercel AI SDK providers: `createOpenAI({ baseURL, apiKey })`, `createOpenAICompatible({ name, baseURL, apiKey })`.
  { module: '@ai-sdk/openai', exports: ['createOpenAI'], construct: 'call', baseUrl: [['baseURL']], apiKey: [['apiKey']] },
  { module: '@ai-sdk/openai-compatible', exports: ['createOpenAICompatible'], construct: 'call', baseUrl: [['baseURL']], apiKey: [['apiKey']] },
  // LangChain passes `configuration` to the openai client; its own `apiKey` (formerly `openAIApiKey`) wins over the one there.
  {
    module: '@langchain/openai',
    exports: ['ChatOpenAI', 'OpenAI', 'OpenAIEmbeddings'],
    construct: 'new',
    baseUrl: [['configuration', 'baseURL']],
    apiKey: [['apiKey'], ['openAIApiKey'], ['configuration', 'apiKey']],
  },
];

export function detectOpenAiClient(resolver: Resolver, node: TSESTree.NewExpression | TSESTree.CallExpression): HttpRequest | undefined {
  const origin = originOf(resolver, node.callee);
  if (!origin) return undefined;
  const construct = node.type === T.NewExpression ? 'new' : 'call';
  const [name = '', ...rest] = origin.path;
  const exportName = name === 'default' ? '' : name;
  const factory = FACTORIES.find((f) => f.module === origin.module && f.construct === construct && f.exports.includes(exportName));
  if (!factory || rest.length > 0) return undefined;
  const options = resolver.object(node.arguments[0] as TSESTree.Node | undefined);
  if (!options) return undefined;
  const baseUrl = firstValue(resolver, options, factory.baseUrl);
  if (baseUrl === undefined) return undefined;
  const apiKey = firstValue(resolver, options, factory.apiKey);
  const credential = apiKey === undefined ? undefined : resolver.credential(apiKey);
  // Every request the client makes is a POST under the base URL (the chat completions route stands for them).
  return { method: 'POST', url: `${resolver.string(baseUrl).replace(/\/+$/, '')}/chat/completions`, credentials: credential === undefined ? [] : [credential] };
}

/**
 * The value at the first of `paths` that the options literal sets (through nested literals);
 * `undefined` also when a spread that cannot be read might set one.
 */
function firstValue(resolver: Resolver, options: TSESTree.ObjectExpression, paths: readonly (readonly string[])[]): TSESTree.Node | undefined {
  for (const path of paths) {
    let object: TSESTree.ObjectExpression | undefined = options;
    let value: TSESTree.Node | undefined;
    for (const [i, key] of path.entries()) {
      const found: { value?: TSESTree.Node; certain: boolean } | undefined = object && resolver.property(object, key);
      if (found && !found.certain) return undefined;
      value = found?.value;
      if (value === undefined) break;
      if (i < path.length - 1) object = resolver.object(value);
    }
    if (value !== undefined) return value;
  }
  return undefined;
}
