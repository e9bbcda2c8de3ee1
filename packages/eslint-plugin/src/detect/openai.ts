/**
 * OpenAI-compatible clients pointed at an NVCF function: `new OpenAI({ baseURL, apiKey })` from
 * the `openai` package, the way NIMs deployed on NVCF are called. The client sends its requests
 * (chat completions, embeddings, ...) under `baseURL` with `Authorization: Bearer <apiKey>`, so
 * constructing it with an NVCF base URL is where the key and the function meet; the finding is
 * reported there. A base URL that is not an NVCF one (the API catalogue, a local NIM) is not a call.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import type { HttpRequest } from './http.js';
import { originOf } from './modules.js';
import type { Resolver } from './resolve.js';

export function detectOpenAiClient(resolver: Resolver, node: TSESTree.NewExpression): HttpRequest | undefined {
  const origin = originOf(resolver, node.callee);
  if (origin?.module !== 'openai') return undefined;
  const [name, ...rest] = origin.path;
  if (rest.length > 0 || !(name === undefined || name === 'OpenAI' || name === 'default')) return undefined;
  const options = resolver.object(node.arguments[0] as TSESTree.Node | undefined);
  if (!options) return undefined;
  const baseUrl = resolver.property(options, 'baseURL').value;
  if (baseUrl === undefined) return undefined;
  const apiKey = resolver.property(options, 'apiKey').value;
  const credential = apiKey === undefined ? undefined : resolver.credential(apiKey);
  // Every request the client makes is a POST under the base URL (the chat completions route stands for them).
  return { method: 'POST', url: `${resolver.string(baseUrl).replace(/\/+$/, '')}/chat/completions`, credentials: credential === undefined ? [] : [credential] };
}
