// Specifies the send history: secrets never stored, every text cut, and the stored list bounded by count and by size.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type * as vscode from 'vscode';
import { MAX_STORED_TEXT, MAX_STORED_TOTAL, SendHistory, type HistoryEntry } from '../../client/src/send/history';
import type { ExpandedRequest } from '../../server/src/core/base/types';

/** The part of VS Code's Memento the history uses, kept in a Map; `stored` is what would reach the disk, as JSON. */
class MapMemento {
  readonly values = new Map<string, unknown>();

  get<T>(key: string, fallback: T): T {
    return this.values.has(key) ? (JSON.parse(JSON.stringify(this.values.get(key))) as T) : fallback;
  }

  async update(key: string, value: unknown): Promise<void> {
    this.values.set(key, value);
  }

  keys(): readonly string[] {
    return [...this.values.keys()];
  }

  stored(): string {
    return JSON.stringify([...this.values.values()]);
  }
}

const SECRET = 's3cr3t/t0ken+=';

function request(overrides: Partial<ExpandedRequest> = {}): ExpandedRequest {
  return {
    name: 'lead',
    method: 'POST',
    url: `https://t.test/pb?key=${encodeURIComponent(SECRET)}`,
    headers: [['Authorization', `Bearer ${SECRET}`]],
    body: JSON.stringify({ token: SECRET }),
    unresolved: [],
    empty: [],
    secrets: [SECRET],
    ...overrides,
  };
}

function entry(id: number, overrides: Partial<HistoryEntry> = {}): HistoryEntry {
  return { id: String(id), time: '2024-03-10T17:49:32.806Z', target: { uri: 'file:///p/a.webhook', line: 0 }, request: request(), status: 200, view: `echo ${SECRET}`, ...overrides };
}

function historyOf(size: number): { history: SendHistory; memento: MapMemento } {
  const memento = new MapMemento();
  return { history: new SendHistory(memento as unknown as vscode.Memento, () => size), memento };
}

describe('the send history', () => {
  test('stores no secret: not in the URL (encoded), a header, the JSON body, the response view or an error', async () => {
    const { history, memento } = historyOf(20);
    await history.add(entry(1));
    await history.add(entry(2, { error: `refused for ${SECRET}`, view: `refused for ${SECRET}` }));
    assert.ok(!memento.stored().includes(SECRET), memento.stored());
    assert.ok(!memento.stored().includes(encodeURIComponent(SECRET)));
    assert.equal(history.list()[1].request.headers[0][1], 'Bearer ***');
  });

  test('stores the list of secrets as empty', async () => {
    const { history } = historyOf(20);
    await history.add(entry(1));
    assert.deepEqual(history.list()[0].request.secrets, []);
  });

  test('keeps the newest entries, as many as the setting allows', async () => {
    const { history } = historyOf(3);
    for (let id = 1; id <= 5; id++) await history.add(entry(id));
    assert.deepEqual(history.list().map((kept) => kept.id), ['5', '4', '3']);
  });

  test('a size of 0 keeps nothing', async () => {
    const { history } = historyOf(0);
    await history.add(entry(1));
    assert.deepEqual(history.list(), []);
  });

  test('cuts each stored text: a megabyte response view and request body are kept short', async () => {
    const { history } = historyOf(20);
    await history.add(entry(1, { view: 'x'.repeat(1024 * 1024), request: request({ body: 'y'.repeat(1024 * 1024) }) }));
    const [kept] = history.list();
    assert.equal(kept.view.length, MAX_STORED_TEXT);
    assert.equal(kept.request.body?.length, MAX_STORED_TEXT);
  });

  test('the stored list stays under its size bound however many large entries are sent', async () => {
    const { history, memento } = historyOf(200);
    for (let id = 1; id <= 200; id++) await history.add(entry(id, { view: 'v'.repeat(200 * 1024), request: request({ body: 'b'.repeat(200 * 1024) }) }));
    assert.ok(memento.stored().length <= MAX_STORED_TOTAL, `${memento.stored().length} characters stored`);
    assert.equal(history.list()[0].id, '200');
  });

  test('the newest entry is kept even when it alone is near the bound', async () => {
    const { history } = historyOf(20);
    await history.add(entry(1));
    await history.add(entry(2, { view: 'v'.repeat(MAX_STORED_TEXT), request: request({ body: 'b'.repeat(MAX_STORED_TEXT), url: 'u'.repeat(MAX_STORED_TEXT) }) }));
    assert.equal(history.list()[0].id, '2');
  });

  test('clear empties it', async () => {
    const { history } = historyOf(20);
    await history.add(entry(1));
    await history.clear();
    assert.deepEqual(history.list(), []);
  });
});
