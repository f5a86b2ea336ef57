// Protocol tests: the fields file's hover says exactly what Find All References finds, with and without the declaration.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Location, MarkupContent, Range } from 'vscode-languageserver-protocol';
import { fileUri } from './lsp-client';
import { serveFolder, stopExamples, type ExamplesSession } from './examples-session';
import { copyExamples, makeWorkspace, positionOf, readText } from './workspace';
import { references } from './workspace-helpers';

/** The numbers a hover or a reference search gives for a field. */
interface Counted {
  places: number;
  files: number;
  profiles: number;
}

interface Looked {
  hover: string;
  /** What the hover's numbers say. */
  said: Counted;
  /** What the two reference searches found. */
  found: Counted;
}

function saidBy(hover: string): Counted {
  const used = /is used (\d+) times? in (\d+) files?/.exec(hover);
  const profiles = /set in (\d+) profiles?/.exec(hover);
  return { places: Number(used?.[1] ?? 0), files: Number(used?.[2] ?? 0), profiles: Number(profiles?.[1] ?? 0) };
}

const sameRange = (a: Range, b: Range) => JSON.stringify(a) === JSON.stringify(b);

/** Uses are the results without the declaration; the declaration adds the definition (the hovered key) and profile keys. */
function foundBy(uses: Location[], all: Location[], fieldsUri: string, definition: Range): Counted {
  const extra = all.filter((location) => !uses.some((use) => use.uri === location.uri && sameRange(use.range, location.range)));
  assert.equal(all.length, uses.length + extra.length, 'a use is missing from the results with the declaration');
  assert.ok(extra.every((location) => location.uri === fieldsUri), 'the declaration added a place outside the fields file');
  assert.equal(extra.filter((location) => sameRange(location.range, definition)).length, 1, 'the definition is not among the results');
  return { places: uses.length, files: new Set(uses.map((use) => use.uri)).size, profiles: extra.length - 1 };
}

/**
 * Hovers on the definition of `key` in the fields file and asks for its references both ways. An unused field that no
 * profile sets has no hover (its fields-unused hint says it all): `hover` is then empty, and says no numbers.
 */
async function look(session: ExamplesSession, fieldsText: string, key: string): Promise<Looked> {
  const uri = fileUri(join(session.root, 'webhook-fields.json'));
  const position = positionOf(fieldsText, `"${key}": {`, 1);
  const hover = await session.client.hover(uri, position);
  const definition = { start: position, end: { line: position.line, character: position.character + key.length } };
  if (hover) assert.deepEqual(hover.range, definition, `the hover on ${key} covers its key`);
  const uses = (await references(session.client, uri, position, false)) ?? [];
  const all = (await references(session.client, uri, position, true)) ?? [];
  const text = hover ? (hover.contents as MarkupContent).value : '';
  return { hover: text, said: saidBy(text), found: foundBy(uses, all, uri, definition) };
}

async function serveWithFieldsOpen(root: string): Promise<{ session: ExamplesSession; fieldsText: string }> {
  const session = await serveFolder(root);
  const fieldsText = readText(root, 'webhook-fields.json');
  await session.client.open(fileUri(join(root, 'webhook-fields.json')), 'json', fieldsText);
  return { session, fieldsText };
}

const FIELDS = `{
  "customFields": {
    "geo": { "type": "text" },
    "promo": { "type": "text" },
    "spare": { "type": "text" }
  },
  "trackerFields": {
    "clickid": {},
    "sub9": {}
  },
  "botVariables": {
    "regLink": { "value": "https://p.example/reg?c={{tracker.clickid}}&p={{fields.promo}}" }
  },
  "profiles": {
    "lead": { "tracker.clickid": "a", "geo": "KZ", "spare": "x" },
    "sale": { "tracker.clickid": "b" }
  }
}
`;

const FILES: Record<string, string> = {
  'webhook-fields.json': FIELDS,
  'a.webhook': '### one\nGET https://t.example/p?c={tracker.clickid}&g={geo}\n\n### two\nGET https://t.example/p?c={tracker.clickid}\n',
  'b.webhook': 'GET https://t.example/p?c={tracker.clickid}\n',
  'flow.script.yaml': [
    'flows:',
    '  - key: main',
    '    steps:',
    '      - key: welcome',
    '        type: message',
    '        text: "{{variables.regLink}} {{fields.geo}} {{variables.regLink}}"',
    '      - key: lead',
    '        type: webhook',
    '        url: "https://t.example/p?c={tracker.clickid}"',
    '',
  ].join('\n'),
};

/** What the hover says on each field of FIELDS, in words a reader can check against FILES. */
const EXPECTED: Record<string, string> = {
  // a.webhook twice, b.webhook, the script's webhook step, the bot variable regLink: 4 files.
  clickid: '`clickid` is used 5 times in 4 files, and set in 2 profiles. Find All References lists them.',
  geo: '`geo` is used 2 times in 2 files, and set in 1 profile. Find All References lists them.',
  regLink: '`regLink` is used 2 times in 1 file. Find All References lists them.',
  // Only in regLink's value: the fields file is its one file.
  promo: '`promo` is used 1 time in 1 file. Find All References lists them.',
  // Unused: the fields-unused hint on the key says so; the hover only names the profiles that set it, or is absent.
  spare: '`spare` is set in 1 profile: `lead`.',
  sub9: '',
};

describe('usage counts in a small generated workspace', () => {
  let session: ExamplesSession;

  before(async () => {
    session = (await serveWithFieldsOpen(makeWorkspace(FILES))).session;
  });

  after(() => stopExamples(session ?? {}));

  for (const [key, expected] of Object.entries(EXPECTED)) {
    test(`on "${key}" the hover says "${expected.split('.')[0] || 'nothing'}", and Find All References finds that many`, async () => {
      const looked = await look(session, FIELDS, key);
      assert.equal(looked.hover, expected);
      assert.deepEqual(looked.found, looked.said);
    });
  }
});

describe('usage counts in examples/', () => {
  let session: ExamplesSession;
  let fieldsText: string;
  let keys: string[];

  before(async () => {
    ({ session, fieldsText } = await serveWithFieldsOpen(copyExamples()));
    const model = JSON.parse(fieldsText) as Record<'customFields' | 'trackerFields' | 'botVariables', Record<string, unknown>>;
    keys = [model.customFields, model.trackerFields, model.botVariables].flatMap((section) => Object.keys(section));
  });

  after(() => stopExamples(session ?? {}));

  test('on every field of webhook-fields.json the hover and Find All References give the same numbers', async () => {
    assert.ok(keys.length >= 10);
    const differing: string[] = [];
    for (const key of keys) {
      const { said, found } = await look(session, fieldsText, key);
      if (JSON.stringify(said) !== JSON.stringify(found)) differing.push(`${key}: hover ${JSON.stringify(said)}, references ${JSON.stringify(found)}`);
    }
    assert.deepEqual(differing, []);
  });

  test('on clickid, where 13 and 12 were seen, the bot variable regLink counts as a use and the two profiles apart', async () => {
    const { said, found } = await look(session, fieldsText, 'clickid');
    assert.ok(said.places >= 2 && said.profiles === 2, JSON.stringify(said));
    assert.deepEqual(found, said);
  });
});
