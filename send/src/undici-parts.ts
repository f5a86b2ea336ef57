// The two parts of undici a send uses, taken from the modules that define them: its index also loads fetch,
// WebSocket, the cache and the mock agents, which the bundles (dist/on-demand.js, dist/cli.js) would then carry whole
// (about 220 KB of 520 minified: CommonJS does not tree-shake). undici 7 has no `exports` map, so these paths are
// the package's own files; test/unit/undici-parts.test.ts holds them to what the index exports.
import type { Agent as UndiciAgent, Dispatcher } from 'undici';

/* eslint-disable @typescript-eslint/no-require-imports -- modules of undici's own, required by path on purpose */
export const Agent: typeof UndiciAgent = require('undici/lib/dispatcher/agent.js');
const api: { request(this: Dispatcher, options: Dispatcher.RequestOptions): Promise<Dispatcher.ResponseData> } = require('undici/lib/api/index.js');
/* eslint-enable @typescript-eslint/no-require-imports */

export type RequestOptions = Omit<Dispatcher.RequestOptions, 'origin' | 'path'>;

/** undici's `request(url, options)` on the given dispatcher: the URL's origin, and its path with the query. */
export function request(dispatcher: Dispatcher, url: URL, options: RequestOptions): Promise<Dispatcher.ResponseData> {
  return api.request.call(dispatcher, { ...options, origin: url.origin, path: url.search ? `${url.pathname}${url.search}` : url.pathname });
}
