// Compares the tokens of every fixture under test/grammar/fixtures with its committed .snap file (UPDATE_SNAPSHOTS=1 rewrites them).
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { repoRoot } from '../support/paths';
import { renderSnapshot, tokenize } from './grammar-harness';

const fixtures = join(repoRoot, 'test', 'grammar', 'fixtures');
const updating = process.env.UPDATE_SNAPSHOTS === '1';

function scopeNameFor(file: string): string {
  if (file.endsWith('.webhook')) return 'source.webhook-template';
  if (file.endsWith('.webhook-response')) return 'source.webhook-response';
  if (file.endsWith('.webhook-summary')) return 'source.webhook-summary';
  if (file.endsWith('.yaml') || file.endsWith('.yml')) return 'source.yaml';
  return 'source.json';
}

const inputs = readdirSync(fixtures).filter((file) => !file.endsWith('.snap'));

test('there are grammar fixtures to snapshot', () => {
  assert.ok(inputs.length >= 6, `only ${inputs.length} fixtures in ${fixtures}`);
});

for (const file of inputs) {
  test(`tokens of ${file} match ${file}.snap`, async () => {
    const scopeName = scopeNameFor(file);
    const actual = renderSnapshot(scopeName, await tokenize(scopeName, readFileSync(join(fixtures, file), 'utf8')));
    const snapshot = join(fixtures, `${file}.snap`);
    if (updating) writeFileSync(snapshot, actual);
    assert.ok(existsSync(snapshot), `missing ${snapshot}; run with UPDATE_SNAPSHOTS=1 to create it`);
    assert.equal(actual, readFileSync(snapshot, 'utf8'));
  });
}
