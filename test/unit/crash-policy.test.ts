// Specifies what the client does when the language server dies: restart like vscode-languageclient, tell the user once.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { CrashPolicy, MAX_RESTARTS, RESTART_WINDOW_MS } from '../../client/src/crash-policy';

/** A policy on a clock the test moves. */
function policyAt(start = 1_000_000): { policy: CrashPolicy; advance: (ms: number) => void } {
  let now = start;
  return { policy: new CrashPolicy(() => now), advance: (ms) => (now += ms) };
}

describe('the crash policy', () => {
  test('the first crash restarts the server and tells the user', () => {
    assert.deepEqual(policyAt().policy.closed(), { restart: true, notify: 'restarted' });
  });

  test('later crashes restart it without telling again', () => {
    const { policy, advance } = policyAt();
    policy.closed();
    advance(1000);
    assert.deepEqual(policy.closed(), { restart: true });
    advance(10 * RESTART_WINDOW_MS);
    assert.deepEqual(policy.closed(), { restart: true });
  });

  test(`${MAX_RESTARTS} crashes restart; one more within the window gives up and says so`, () => {
    const { policy, advance } = policyAt();
    const decisions = Array.from({ length: MAX_RESTARTS + 1 }, () => (advance(1000), policy.closed()));
    assert.deepEqual(decisions.map((decision) => decision.restart), [true, true, true, true, false]);
    assert.equal(decisions[MAX_RESTARTS].notify, 'gave-up');
  });

  test('crashes spread wider than the window keep restarting', () => {
    const { policy, advance } = policyAt();
    for (let i = 0; i < 20; i++) {
      advance(RESTART_WINDOW_MS / 2);
      assert.equal(policy.closed().restart, true, `crash ${i + 1}`);
    }
  });

  test('connection errors are tolerated three times in a row, then the connection is shut', () => {
    const { policy } = policyAt();
    assert.deepEqual([1, 2, 3, 4].map((count) => policy.continueAfterError(count)), [true, true, true, false]);
  });
});
