// One table of what the editing features answer on two workspaces, run against both builds of the server: the
// desktop's (dist/server.js, files read from disk) and the browser's (dist/web/server.js in a web worker, every file
// asked of the editor). test/protocol/web-parity.test.ts runs it over LSP; the in-editor suite
// (test/e2e/suite/parity.test.ts) runs it in VS Code's Node.js extension host and in its web worker host.
// No Node.js here: the web worker suite bundles this file.

/** `examples/` (one folder); `two-roots` is test/fixtures/workspaces/two-roots/{bots,partners}, two folders. */
export type ParityWorkspace = 'examples' | 'two-roots';

export const WORKSPACE_FOLDERS: Record<ParityWorkspace, readonly string[]> = {
  examples: ['examples'],
  'two-roots': ['test/fixtures/workspaces/two-roots/bots', 'test/fixtures/workspaces/two-roots/partners'],
};

/**
 * A place in a file: the first `text` (the `occurrence`-th when given, from 0) with the cursor at its `|`, which is
 * not part of the text.
 */
export interface Cursor {
  text: string;
  occurrence?: number;
}

export type ParityOperation =
  /** Our diagnostics, as `code line:column text` (line from 1, column from 0), sorted by position. `open`: false is the workspace check of a file no editor opened. */
  | { kind: 'diagnostics'; open: boolean }
  /** The labels of the completion items at the cursor: `expect` must all be there, `absent` none of them. */
  | { kind: 'completion'; at: Cursor; absent?: string[] }
  /** The hover at the cursor: every `expect` is a part of its text. */
  | { kind: 'hover'; at: Cursor }
  /** Where go to definition leads: `file line:column`. */
  | { kind: 'definition'; at: Cursor }
  /** The titles of the quick fixes for our diagnostic of that code at the cursor: every `expect` is among them. */
  | { kind: 'quickFixes'; at: Cursor; code: string }
  /** Every reference (the declaration included): `file line:column`, sorted. */
  | { kind: 'references'; at: Cursor }
  /** Every edit of the rename: `file line:column-line:column newText`, sorted. */
  | { kind: 'rename'; at: Cursor; newName: string }
  /** The outline, depth-first, two spaces of indent per level. */
  | { kind: 'symbols' }
  /** The inlay hints of the whole file, in order: `line:column label`. */
  | { kind: 'inlayHints' };

export interface ParityCase {
  name: string;
  workspace: ParityWorkspace;
  /** The file, relative to its workspace folder; in `two-roots`, starting with the folder's name. */
  file: string;
  run: ParityOperation;
  expect: string[];
}

export const PARITY_TABLE: readonly ParityCase[] = [
  // One folder: examples/, as the in-editor suite opens it.
  { name: 'the open template\'s problems: receiver findings and misspelt keys', workspace: 'examples', file: 'keitaro.webhook', run: { kind: 'diagnostics', open: true }, expect: [
      'receiver-default-value 8:28 /25123a/postback',
      'receiver-unknown-parameter 8:69 username',
      'receiver-unknown-parameter 8:89 chatid',
      'receiver-unknown-parameter 8:105 startdialogue',
      'unknown-key 25:94 {chatid}',
      'unknown-key 29:55 {tracker.clikid}',
    ] },
  { name: 'the workspace check reports a file no editor opened', workspace: 'examples', file: 'partners.script.json', run: { kind: 'diagnostics', open: false }, expect: [] },
  { name: 'completion after {tracker. offers the tracker fields', workspace: 'examples', file: 'keitaro.webhook', run: { kind: 'completion', at: { text: 'subid={tracker.|clickid}' } }, expect: ['clickid', 'sub1', 'sub2', 'buyer', 'campaign'] },
  { name: 'completion after {{ in a message offers keys of the message dialect', workspace: 'examples', file: 'funnel.script.yaml', run: { kind: 'completion', at: { text: 'Hi {{|username}}' } }, expect: ['username', 'chatId', 'createdAt', 'name', 'fields.', 'tracker.', 'variables.'] },
  { name: 'hover on a custom field tells its description, type and where it is defined', workspace: 'examples', file: 'keitaro.webhook', run: { kind: 'hover', at: { text: 'sub_id_2={g|eo}' } }, expect: [
      '`{geo}` — Custom field · select',
      'Country',
      'Example: `KZ`',
      'Defined in [webhook-fields.json]',
      'line 5',
    ] },
  { name: 'go to definition of a custom field leads into the fields file', workspace: 'examples', file: 'keitaro.webhook', run: { kind: 'definition', at: { text: 'payout={deposit|_amount}' } }, expect: ['webhook-fields.json 4:5'] },
  { name: 'the quick fix of a wrong-case key', workspace: 'examples', file: 'keitaro.webhook', run: { kind: 'quickFixes', at: { text: 'sub_id_1={ch|atid}' }, code: 'unknown-key' }, expect: [
      'Change to {chatId}',
      'Disable unknown-key for this line',
      'Disable unknown-key for this file',
    ] },
  { name: 'references of a custom field, open and closed files and the fields file', workspace: 'examples', file: 'keitaro.webhook', run: { kind: 'references', at: { text: 'tid={trader|_id}' } }, expect: [
      'funnel.script.yaml 52:113',
      'funnel.script.yaml 55:124',
      'funnel.script.yaml 84:76',
      'keitaro.webhook 14:127',
      'webhook-fields.json 6:5',
    ] },
  { name: 'rename of a custom field edits every use and the definition', workspace: 'examples', file: 'keitaro.webhook', run: { kind: 'rename', at: { text: 'sub_id_2={g|eo}' }, newName: 'country' }, expect: [
      'funnel.script.yaml 13:54-13:57 country',
      'keitaro.webhook 11:113-11:116 country',
      'keitaro.webhook 21:91-21:94 country',
      'webhook-fields.json 27:7-27:10 country',
      'webhook-fields.json 5:5-5:8 country',
    ] },
  { name: 'the outline of a .webhook file: one symbol per request', workspace: 'examples', file: 'keitaro.webhook', run: { kind: 'symbols' }, expect: [
      'Keitaro postback (Chatterfy documentation)',
      'Keitaro lead',
      'Keitaro sale with payout',
      'Partner CRM (POST JSON)',
      'Deliberate mistake: wrong case',
      'Deliberate mistake: misspelt tracker field',
    ] },
  { name: 'the outline of a script: flows and steps', workspace: 'examples', file: 'funnel.script.yaml', run: { kind: 'symbols' }, expect: [
      'main',
      '  welcome',
      '  lead_postback',
      '  source_note',
      '  reminder',
      '  lead_postback_copy',
      '  go_deposit',
      'deposit',
      '  deposit_thanks',
      '  crm_deposit',
      '  keitaro_sale',
      '  tag_depositor',
      'reactivation',
      '  comeback',
      '  reactivation_postback',
      '  reactivation_event',
      '  ask_operator',
    ] },
  { name: 'inlay hints show each placeholder\'s sample value', workspace: 'examples', file: 'keitaro.webhook', run: { kind: 'inlayHints' }, expect: [
      '8:68 = 7f3a9c01',
      '8:88 = ivan_petrov',
      '8:104 = 482913377',
      '8:130 = 2024-03-10T17:49:32.806Z',
      '11:72 = 7f3a9c01',
      '11:102 = 482913377',
      '11:117 = KZ',
      '14:72 = 7f3a9c01',
      '14:108 = 150',
      '14:137 = TR-20931',
      '21:24 = ivan_petrov',
      '21:47 = 482913377',
      '21:79 = 7f3a9c01',
      '21:95 = KZ',
      '25:72 = 7f3a9c01',
    ] },

  // Two folders, each with its own fields file (and a nearer one in bots/campaigns/).
  { name: 'the workspace check of the first folder, against its fields file', workspace: 'two-roots', file: 'bots/flows/lead.script.yaml', run: { kind: 'diagnostics', open: false }, expect: ['unknown-key 13:94 {deposit_ammount}'] },
  { name: 'the workspace check uses the nearest fields file', workspace: 'two-roots', file: 'bots/campaigns/spring.webhook', run: { kind: 'diagnostics', open: false }, expect: ['unknown-key 5:69 {geo}'] },
  { name: 'the workspace check of the second folder, against its own fields file', workspace: 'two-roots', file: 'partners/hooks/postback.webhook', run: { kind: 'diagnostics', open: false }, expect: ['unknown-key 5:45 {partnerid}', 'unknown-key 5:61 {geo}'] },
  { name: 'an open clean script has no problems', workspace: 'two-roots', file: 'partners/hooks/partner.script.json', run: { kind: 'diagnostics', open: true }, expect: [] },
  { name: 'completion offers the folder\'s own fields, not the other folder\'s', workspace: 'two-roots', file: 'partners/hooks/postback.webhook', run: { kind: 'completion', at: { text: 'partner={|partner_id}' }, absent: ['geo', 'deposit_amount'] }, expect: ['username', 'chatId', 'stepKey', 'createdAt', 'partner_id', 'tracker.'] },
  { name: 'hover names the nearest fields file', workspace: 'two-roots', file: 'bots/campaigns/spring.webhook', run: { kind: 'hover', at: { text: 'promo={pr|omo}' } }, expect: [
      '`{promo}` — Custom field · text',
      'Promo code of the campaign',
      'Defined in [campaigns/webhook-fields.yaml]',
      'line 3',
    ] },
  { name: 'go to definition in the second folder leads to its YAML fields file', workspace: 'two-roots', file: 'partners/hooks/postback.webhook', run: { kind: 'definition', at: { text: 'sub={tracker.s|ub1}' } }, expect: ['partners/webhook-fields.yaml 7:2'] },
  { name: 'references stay in the folder whose fields file defines the field', workspace: 'two-roots', file: 'partners/hooks/postback.webhook', run: { kind: 'references', at: { text: 'partner={partner|_id}' } }, expect: [
      'partners/hooks/partner.script.json 6:135',
      'partners/hooks/partner.script.json 7:94',
      'partners/hooks/postback.webhook 2:46',
      'partners/webhook-fields.yaml 2:2',
    ] },
  { name: 'rename in the first folder leaves the second folder alone', workspace: 'two-roots', file: 'bots/flows/lead.script.yaml', run: { kind: 'rename', at: { text: 'geo={g|eo}' }, newName: 'country' }, expect: [
      'bots/flows/lead.script.yaml 6:45-6:48 country',
      'bots/flows/lead.script.yaml 9:92-9:95 country',
      'bots/webhook-fields.json 10:92-10:95 country',
      'bots/webhook-fields.json 3:5-3:8 country',
    ] },
  { name: 'the quick fix of a misspelt key uses the folder\'s fields', workspace: 'two-roots', file: 'partners/hooks/postback.webhook', run: { kind: 'quickFixes', at: { text: 'partner={partner|id}' }, code: 'unknown-key' }, expect: [
      'Change to {partner_id}',
      'Add "partnerid" to customFields in webhook-fields.yaml',
      'Disable unknown-key for this line',
      'Disable unknown-key for this file',
    ] },
  { name: 'inlay hints take the folder\'s examples', workspace: 'two-roots', file: 'partners/hooks/postback.webhook', run: { kind: 'inlayHints' }, expect: ['2:57 = P-77', '2:76 = fb_ads', '2:90 = 482913377'] },
];
