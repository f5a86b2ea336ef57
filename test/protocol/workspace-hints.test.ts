// Protocol tests of what the workspace teaches the fields file (unused fields, usage counts) and of sample-value inlay hints.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DiagnosticSeverity, DiagnosticTag, type CodeAction, type InlayHint, type MarkupContent } from 'vscode-languageserver-protocol';
import type { LspClient } from './lsp-client';
import { applyEdits, positionOf, rangeOf, readText, removeWorkspace } from './workspace';
import {
  FIELDS_TEXT,
  changeSettings,
  generateWorkspace,
  inlayHints,
  setActiveProfile,
  startSession,
  waitForAllPublished,
  webhookPath,
  type GeneratedWorkspace,
  type Session,
} from './workspace-helpers';

/** hook-3 uses `{tracker.clickid}`, `{geo}` and `{deposit_amount}`. */
const HOOK = 3;
const WHOLE = { start: { line: 0, character: 0 }, end: { line: 3, character: 0 } };

describe('fields-file hints and inlay hints in a generated workspace', () => {
  let ws: GeneratedWorkspace;
  let session: Session;
  let client: LspClient;
  let hookUri: string;
  let hookText: string;

  before(async () => {
    ws = generateWorkspace();
    session = await startSession([ws.root]);
    client = session.client;
    await waitForAllPublished(client, [...ws.templateUris, ws.fieldsUri], 30000);
    hookUri = ws.webhookUris[HOOK];
    hookText = readText(ws.root, webhookPath(HOOK));
    await client.open(hookUri, 'webhook-template', hookText);
  });

  after(async () => {
    await client?.stop();
    if (ws) removeWorkspace(ws.root);
  });

  /** The hints of the open webhook as `placeholder = value`, by the text before each hint's position. */
  async function hintsShown(range = WHOLE): Promise<string[]> {
    const hints = (await inlayHints(client, hookUri, range)) ?? [];
    return hints.map((hint: InlayHint) => `${placeholderBefore(hookText, hint.position.line, hint.position.character)} ${hint.label as string}`);
  }

  test('after the scan, the one field no template uses gets a fields-unused hint, faded as unnecessary', async () => {
    const diagnostics = await client.waitForDiagnostics(ws.fieldsUri, (d) => d.some((x) => x.code === 'fields-unused'), 5000);
    assert.deepEqual(diagnostics.map((d) => ({ code: d.code, range: d.range, severity: d.severity, tags: d.tags, message: d.message })), [
      {
        code: 'fields-unused',
        range: rangeOf(FIELDS_TEXT, 'orphan_field'),
        severity: DiagnosticSeverity.Hint,
        tags: [DiagnosticTag.Unnecessary],
        message: '"orphan_field" (customFields) is not used by any template in the workspace.',
      },
    ]);
  });

  test('hover on a definition says how often and in how many files it is used, and the profiles that set it', async () => {
    await client.open(ws.fieldsUri, 'json', FIELDS_TEXT);
    const hover = await client.hover(ws.fieldsUri, positionOf(FIELDS_TEXT, '"deposit_amount"', 3));
    assert.equal((hover?.contents as MarkupContent).value, '`deposit_amount` is used 100 times in 100 files, and set in 2 profiles. Find All References lists them.');
    assert.deepEqual(hover?.range, rangeOf(FIELDS_TEXT, 'deposit_amount'));
  });

  test('hover on a field used in both dialects counts every place and each template once', async () => {
    const hover = await client.hover(ws.fieldsUri, positionOf(FIELDS_TEXT, '"geo"', 2));
    // {geo} in 300 webhooks and 200 script URLs, {{fields.geo}} in the 175 scripts without the typo: 500 templates.
    assert.match((hover?.contents as MarkupContent).value, /used 675 times in 500 files/);
  });

  test('hover on clickid counts the bot variable that names it, the fields file being one more file', async () => {
    const hover = await client.hover(ws.fieldsUri, positionOf(FIELDS_TEXT, '"clickid"', 2));
    // 270 webhooks (30 carry the typo), 200 scripts and the bot variable regLink of the fields file.
    assert.match((hover?.contents as MarkupContent).value, /used 471 times in 471 files, and set in 2 profiles/);
  });

  test('hover on an unused definition set by no profile adds nothing to the fields-unused hint shown there', async () => {
    assert.equal(await client.hover(ws.fieldsUri, positionOf(FIELDS_TEXT, '"orphan_field"', 2)), null);
  });

  test('the fields-unused hint offers "Remove field", an edit of the fields file that leaves it valid', async () => {
    const diagnostics = await client.waitForDiagnostics(ws.fieldsUri, (d) => d.some((x) => x.code === 'fields-unused'), 5000);
    const hint = diagnostics.find((d) => d.code === 'fields-unused')!;
    const actions = ((await client.codeActions(ws.fieldsUri, hint.range, [hint])) ?? []) as CodeAction[];
    assert.deepEqual(actions.map((action) => action.title), ['Remove field "orphan_field"']);
    const after = applyEdits(FIELDS_TEXT, actions[0].edit!.changes![ws.fieldsUri]);
    assert.equal(after, FIELDS_TEXT.replace(/\n {4}"orphan_field": [^\n]*\n/, '\n').replace('"deposit_amount": { "type": "number", "description": "First deposit, in USD", "example": 150 },', '"deposit_amount": { "type": "number", "description": "First deposit, in USD", "example": 150 }'));
    assert.doesNotThrow(() => JSON.parse(after));
  });

  test('without an active profile, inlay hints show the examples', async () => {
    assert.deepEqual(await hintsShown(), ['{tracker.clickid} = 7f3a9c01', '{geo} = KZ', '{deposit_amount} = 150']);
  });

  test('with the active profile "lead", the hint after {tracker.clickid} shows the profile value; an empty value shows as (empty)', async () => {
    await setActiveProfile(client, 'lead');
    assert.deepEqual(await hintsShown(), ['{tracker.clickid} = LEAD-CLICK-1', '{geo} = UZ', '{deposit_amount} = (empty)']);
  });

  test('switching the active profile to "sale" changes the values; keys the profile lacks fall back to examples', async () => {
    await setActiveProfile(client, 'sale');
    assert.deepEqual(await hintsShown(), ['{tracker.clickid} = SALE-CLICK-2', '{geo} = KZ', '{deposit_amount} = 250']);
  });

  test('a hint sits right after its placeholder, padded, with a tooltip naming the profile', async () => {
    await setActiveProfile(client, 'lead');
    const [hint] = (await inlayHints(client, hookUri, WHOLE)) ?? [];
    const placeholder = rangeOf(hookText, '{tracker.clickid}');
    assert.deepEqual(hint.position, placeholder.end);
    assert.equal(hint.paddingLeft, true);
    assert.equal(hint.tooltip, 'Profile "lead": from the profile.');
  });

  test('only placeholders inside the requested range get hints', async () => {
    const upToGeo = { start: { line: 1, character: 0 }, end: positionOf(hookText, '&geo=') };
    assert.deepEqual(await hintsShown(upToGeo), ['{tracker.clickid} = LEAD-CLICK-1']);
  });

  test('webhookTemplates.inlayHints.maxLength is read per resource: 8 cuts this file\'s hints in the middle, another file keeps 24', async () => {
    await setActiveProfile(client, 'lead');
    const other = ws.webhookUris[HOOK + 3];
    await client.open(other, 'webhook-template', readText(ws.root, webhookPath(HOOK + 3)));
    await changeSettings(session, { hintLength: { [hookUri]: 8 } });
    assert.deepEqual(await hintsShown(), ['{tracker.clickid} = LEAD…K-1', '{geo} = UZ', '{deposit_amount} = (empty)']);
    const [hint] = (await inlayHints(client, hookUri, WHOLE)) ?? [];
    assert.equal(hint.tooltip, 'Profile "lead": from the profile.\nValue: LEAD-CLICK-1');
    const [otherHint] = (await inlayHints(client, other, WHOLE)) ?? [];
    assert.equal(otherHint.label, '= LEAD-CLICK-1');
    await changeSettings(session, { hintLength: {} });
    assert.deepEqual((await hintsShown())[0], '{tracker.clickid} = LEAD-CLICK-1');
  });

  test('with webhookTemplates.inlayHints.sampleValues off, there are no hints', async () => {
    await changeSettings(session, { sampleValues: false });
    assert.deepEqual(await hintsShown(), []);
    await changeSettings(session, { sampleValues: true });
    assert.equal((await hintsShown()).length, 3);
  });
});

/** The placeholder that ends at a position of the text (`{geo}` for a hint after it). */
function placeholderBefore(text: string, line: number, character: number): string {
  const before = text.split('\n')[line].slice(0, character);
  return before.slice(before.lastIndexOf('{'));
}
