// The parts of undici a send takes by path (send/src/undici-parts.ts) are the ones its index exports, and the bundles
// that send hold those parts without the rest of undici (fetch, WebSocket, the cache, the mock agents).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import * as undici from 'undici';
import { Agent } from '../../send/src/undici-parts';
import { repoRoot } from '../support/paths';

test('Agent is the class undici exports', () => {
  assert.equal(Agent, undici.Agent);
});

test('dist/on-demand.js and dist/cli.js hold the agent and the request API of undici, not its index or fetch', () => {
  const inputs = JSON.parse(readFileSync(join(repoRoot, 'out', 'bundle-inputs.json'), 'utf8'));
  for (const bundle of ['dist/on-demand.js', 'dist/cli.js']) {
    const held: string[] = inputs[bundle].inputs;
    assert.ok(held.includes('node_modules/undici/lib/dispatcher/agent.js'), `${bundle} has no undici Agent`);
    assert.ok(held.includes('node_modules/undici/lib/api/api-request.js'), `${bundle} has no undici request`);
    const rest = held.filter((input) => input === 'node_modules/undici/index.js' || /node_modules\/undici\/lib\/(web\/websocket|web\/cache|mock|web\/fetch\/index)/.test(input));
    assert.deepEqual(rest, [], `${bundle} carries more of undici than a send needs`);
  }
});

test('the extension sends with the SIMD build of undici’s parser only; the command line keeps the fallback too', () => {
  const inputs = JSON.parse(readFileSync(join(repoRoot, 'out', 'bundle-inputs.json'), 'utf8'));
  const parsers = (bundle: string) => (inputs[bundle].inputs as string[]).filter((input) => /llhttp(_simd)?-wasm\.js$/.test(input));
  assert.deepEqual(parsers('dist/on-demand.js'), ['simd-parser-only:../llhttp/llhttp-wasm.js', 'node_modules/undici/lib/llhttp/llhttp_simd-wasm.js']);
  assert.deepEqual(parsers('dist/cli.js').sort(), ['node_modules/undici/lib/llhttp/llhttp-wasm.js', 'node_modules/undici/lib/llhttp/llhttp_simd-wasm.js']);
});
