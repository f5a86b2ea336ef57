// Specifies sample profiles from a CSV export of users: which key each column fills, how values are typed, how
// profiles are named, and the fields file's text afterwards (JSON or YAML, formatting kept, one undoable edit).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createTemplateService } from '../../server/src/core/index';
import { parseFieldsFile } from '../../server/src/core/fields/fields-file';
import { decodeCsvBytes } from '../../server/src/core/import/csv-bytes';
import { keyFromHeader, parseDate, parseNumber, suggestedType } from '../../server/src/core/import/column-keys';
import type { ImportTarget, ProfileImportOptions, ProfileImportPlan } from '../../server/src/core/import/profile-import';
import { DESIGN_FIELDS, DESIGN_FIELDS_WITH_PROFILES } from '../support/design-fields';
import { fixturesDir } from '../support/paths';

const EXCEL_RU = decodeCsvBytes(readFileSync(join(fixturesDir, 'csv', 'users-excel-ru.csv')));

/** The design's fields, with Chatterfy's name of the deposit field (so its Russian column header finds it). */
const FIELDS = DESIGN_FIELDS_WITH_PROFILES.replace('"type": "number", "description": "First deposit, in USD"', '"type": "number", "name": "Сумма депозита", "description": "First deposit, in USD"');

const YAML_FIELDS = `# Fields of the KZ funnel
customFields:
  deposit_amount:
    type: number
    name: Сумма депозита
trackerFields:
  clickid:
    description: Click id
profiles:
  lead:
    username: ivan_petrov # the QA account
    chatId: 482913377
`;

const en = createTemplateService({ locale: 'en' });
const ru = createTemplateService({ locale: 'ru' });

function target(text: string = FIELDS, format: 'json' | 'yaml' = 'json'): ImportTarget {
  const { model, problems } = parseFieldsFile(text, format);
  assert.ok(model, JSON.stringify(problems));
  return { text, format, model, displayName: format === 'json' ? 'webhook-fields.json' : 'webhook-fields.yaml' };
}

function plan(csv: string, options: ProfileImportOptions = {}, into: ImportTarget = target()): ProfileImportPlan {
  return en.planProfileImport(csv, into, options);
}

function keysOf(result: ProfileImportPlan): Record<string, string | undefined> {
  return Object.fromEntries(result.columns.map((column) => [`${column.index + 1} ${column.header}`, column.key]));
}

function written(result: ProfileImportPlan, format: 'json' | 'yaml' = 'json') {
  assert.equal(result.error, undefined);
  assert.ok(result.text !== undefined);
  const { model, problems } = parseFieldsFile(result.text, format);
  assert.ok(model, JSON.stringify(problems));
  assert.deepEqual(problems, []);
  return model;
}

// ---- Which key each column fills -----------------------------------------------------------------------------

test('the Excel CSV in Russian: columns map by usual header, by the field\'s name and description, and by key', () => {
  assert.deepEqual(keysOf(plan(EXCEL_RU)), {
    '1 Имя': 'name',
    '2 Telegram ID': 'chatId',
    '3 Имя пользователя': 'username',
    '4 Country': 'geo',
    '5 Сумма депозита': 'deposit_amount',
    '6 clickid': 'tracker.clickid',
    '7 Кампания': undefined,
    '8 Дата создания': 'createdAt',
    '9 Комментарий': undefined,
    '10 Имя': undefined,
  });
});

test('each column says how its key was found, or why it has none', () => {
  const why = Object.fromEntries(plan(EXCEL_RU).columns.map((column) => [column.index + 1, column.why]));
  assert.equal(why[1], 'a usual header for name');
  assert.equal(why[4], 'the description of geo in webhook-fields.json');
  assert.equal(why[5], 'the name of deposit_amount in webhook-fields.json');
  assert.equal(why[6], 'the header is the key');
  assert.equal(why[7], 'matches no field; can be added as the custom field kampaniya (text)');
  assert.equal(why[9], 'matches no field; can be added as the custom field kommentariy (long-text)');
  assert.equal(why[10], 'column "Имя" already fills name');
});

test('usual headers in English and Russian, spelt loosely, name the built-in keys and the click id', () => {
  const csv = 'Chat_ID;User Name;First name;Created at;Click-ID;ID\n1;a;b;2024-01-01;c;9\n';
  assert.deepEqual(Object.values(keysOf(plan(csv))), ['chatId', 'username', 'name', 'createdAt', 'tracker.clickid', undefined]);
  const russian = 'ID чата;Логин;Имя;Дата создания\n1;a;b;01.01.2024\n';
  assert.deepEqual(Object.values(keysOf(plan(russian))), ['chatId', 'username', 'name', 'createdAt']);
});

test('a header written as a key fills it: built-ins, custom keys, fields.KEY, tracker.KEY, and a unique case-insensitive match', () => {
  const csv = 'chatId;deposit_amount;fields.geo;tracker.sub1;sub1;Trader_ID\n1;2;KZ;x;y;z\n';
  assert.deepEqual(Object.values(keysOf(plan(csv))), ['chatId', 'deposit_amount', 'geo', 'tracker.sub1', undefined, 'trader_id']);
});

test('--map by header or by #N wins over matching, and "-" leaves a column out', () => {
  const result = plan(EXCEL_RU, { map: { '#10': 'trader_id', Country: '-', Кампания: 'tracker.sub1' } });
  const keys = keysOf(result);
  assert.equal(keys['10 Имя'], 'trader_id');
  assert.equal(keys['4 Country'], undefined);
  assert.equal(keys['7 Кампания'], 'tracker.sub1');
  assert.equal(result.columns[3].skipped, true);
});

test('a mapping to a column that is not there, to a key that cannot be, or twice to one key is a mapping error', () => {
  assert.equal(plan(EXCEL_RU, { map: { Город: 'geo' } }).errorOf, 'mapping');
  assert.equal(plan(EXCEL_RU, { map: { Country: 'my key' } }).errorOf, 'mapping');
  assert.equal(plan(EXCEL_RU, { map: { Country: 'geo', '#10': 'geo' } }).errorOf, 'mapping');
  assert.match(plan(EXCEL_RU, { map: { Город: 'geo' } }).error ?? '', /no column "Город"/);
});

test('columns that match nothing are offered under keys made from their headers; addFields adds them', () => {
  assert.deepEqual([keyFromHeader('Сумма депозита', 0), keyFromHeader('Ещё поле!', 1), keyFromHeader('2nd', 2), keyFromHeader('???', 3)], ['summa_depozita', 'esche_pole', '_2nd', 'column_4']);
  const added = plan(EXCEL_RU, { addFields: true });
  assert.deepEqual(added.newFields.map((field) => [field.section, field.key, field.name, field.type]), [
    ['customFields', 'kampaniya', 'Кампания', 'text'],
    ['customFields', 'kommentariy', 'Комментарий', 'long-text'],
  ]);
  assert.deepEqual(plan(EXCEL_RU, { addFields: 'trackerFields' }).newFields.map((field) => `${field.section}.${field.key}`), ['trackerFields.kampaniya', 'trackerFields.kommentariy']);
});

test('tracker-like headers (sub2, utm_source, buyer) are offered as tracker fields; a key taken by a field gets a suffix', () => {
  const result = plan('sub2;utm_source;Geo!\n1;2;3\n');
  assert.deepEqual(result.columns.map((column) => column.offer && `${column.offer.section}.${column.offer.key}`), ['trackerFields.sub2', 'trackerFields.utm_source', 'customFields.geo_2']);
});

test('the type of a new field follows all its values: number, date, link, long text, text (a leading zero is an id, not a number)', () => {
  assert.deepEqual(
    [['1', '2,5', '0,5', ''], ['10.03.2024', '2024-03-10T17:49:32.806Z'], ['https://a.example/x'], ['a\nb', 'c'], ['KZ', '1'], ['007', '12']].map(suggestedType),
    ['number', 'date', 'link', 'long-text', 'text', 'text'],
  );
});

// ---- Values -----------------------------------------------------------------------------------------------

test('a chat id stays an integer in JSON; one Excel shortened ("4,82913E+08") is left out with a warning', () => {
  const result = plan(EXCEL_RU, { rows: 'all' });
  assert.equal(result.profiles[0].values.chatId, 482913377);
  assert.match(result.text ?? '', /"chatId": 482913377[,\n]/);
  assert.equal('chatId' in result.profiles[1].values, false);
  assert.deepEqual(result.warnings, ['Row 2, column "Telegram ID": "4,82913E+08" is a chat id Excel shortened (format the column as text before saving the CSV).']);
});

test('numbers as Russian Excel writes them (decimal comma, grouped digits) become numbers; dates ISO 8601 UTC', () => {
  const [ivan, anna, petr] = plan(EXCEL_RU, { rows: 'all' }).profiles.map((profile) => profile.values);
  assert.deepEqual([ivan.deposit_amount, petr.deposit_amount], [150.5, 1200]);
  assert.deepEqual([ivan.createdAt, anna.createdAt, petr.createdAt], ['2024-03-10T17:49:00.000Z', '2024-03-11T09:05:00.000Z', '2024-03-12T08:00:00.000Z']);
  assert.deepEqual([parseNumber('1\u00a0234,5'), parseNumber('-3.5'), parseNumber('1.2.3'), parseDate('31.02.2024'), parseDate('2024-03-10T20:49:00+03:00')], [1234.5, -3.5, undefined, undefined, '2024-03-10T17:49:00.000Z']);
});

test('an empty cell is "" (this user has nothing here), never left out; a username loses its "@"', () => {
  const anna = plan(EXCEL_RU, { rows: [2] }).profiles[0].values;
  assert.deepEqual([anna.username, anna['tracker.clickid'], anna.deposit_amount], ['', '', '']);
  assert.equal(plan(EXCEL_RU, { rows: [1] }).profiles[0].values.username, 'Ivan_Petrov');
});

test('a number field\'s cell that is no number is written as text, with a warning', () => {
  const result = plan('chatId;deposit_amount\n1;n/a\n');
  assert.deepEqual(result.profiles[0].values, { chatId: 1, deposit_amount: 'n/a' });
  assert.equal(result.warnings.length, 1);
});

// ---- Names and rows -----------------------------------------------------------------------------------------

test('profiles are named csv-USERNAME (lower case), else csv-CHATID, else csv-row-N; a repeated user gets a suffix', () => {
  assert.deepEqual(plan(EXCEL_RU, { rows: 'all' }).profiles.map((profile) => profile.name), ['csv-ivan_petrov', 'csv-row-2', 'csv-petr_k']);
  const csv = 'username;chatId\nivan;1\nivan;2\n;3\n;\n';
  assert.deepEqual(plan(csv, { rows: 'all' }).profiles.map((profile) => profile.name), ['csv-ivan', 'csv-ivan-2', 'csv-3']);
});

test('the first 3 rows by default; a count, a list or all of them when asked', () => {
  const csv = 'chatId\n1\n2\n3\n4\n5\n';
  const rows = (options: ProfileImportOptions) => plan(csv, options).profiles.map((profile) => profile.row);
  assert.deepEqual([rows({}), rows({ rows: 1 }), rows({ rows: [2, 5] }), rows({ rows: 'all' })], [[1, 2, 3], [1], [2, 5], [1, 2, 3, 4, 5]]);
  assert.equal(plan(csv, { rows: 9 }).profiles.length, 5);
  assert.deepEqual([plan(csv, { rows: [2, 9] }).errorOf, plan(csv, { rows: [2, 9] }).error], ['rows', 'The CSV has no row 9: it has 5 data rows.']);
  assert.equal(plan('chatId\n', {}).errorOf, 'rows');
});

// ---- The fields file afterwards -------------------------------------------------------------------------------

test('JSON: the profiles and the new fields are in the file, which still parses, every old line kept', () => {
  const result = plan(EXCEL_RU, { rows: 'all', addFields: true });
  const model = written(result);
  assert.deepEqual([...model.profiles.keys()], ['lead', 'no-username', 'csv-ivan_petrov', 'csv-row-2', 'csv-petr_k']);
  assert.deepEqual(model.customFields.get('kommentariy'), { ...model.customFields.get('kommentariy'), type: 'long-text', name: 'Комментарий', description: '' });
  assert.equal(model.profiles.get('csv-ivan_petrov')?.values.get('kommentariy'), 'Перезвонить после 18:00;\nне раньше');
  const kept = new Set(result.text!.split('\n').map((line) => line.replace(/,$/, '')));
  assert.deepEqual(FIELDS.split('\n').filter((line) => !kept.has(line.replace(/,$/, ''))), []);
});

test('JSON: a new profile is written on one line when the profiles before it are', () => {
  const result = plan('Username;Telegram ID\n@anna;42\n');
  assert.match(result.text!, /\n {4}"no-username": \{ "username": "", "chatId": 1000001 \},\n {4}"csv-anna": \{ "username": "anna", "chatId": 42 \}\n {2}\}\n\}\n$/);
});

test('YAML: the profiles and new fields land in their sections; comments and layout stay', () => {
  const result = plan(EXCEL_RU, { rows: [1, 3], map: { Кампания: 'tracker.campaign' } }, target(YAML_FIELDS, 'yaml'));
  const model = written(result, 'yaml');
  assert.ok(result.text!.startsWith('# Fields of the KZ funnel\ncustomFields:\n  deposit_amount:\n'));
  assert.match(result.text!, /username: ivan_petrov # the QA account\n/);
  assert.equal(model.trackerFields.get('campaign')?.name, 'Кампания');
  assert.deepEqual(Object.fromEntries(model.profiles.get('csv-petr_k')!.values), {
    name: 'Пётр',
    chatId: 1000001,
    username: 'petr_k',
    deposit_amount: 1200,
    'tracker.clickid': '67wgwWkaR0',
    'tracker.campaign': 'весна_az',
    createdAt: '2024-03-12T08:00:00.000Z',
  });
  assert.equal(model.profiles.get('csv-ivan_petrov')?.values.get('chatId'), 482913377);
});

test('YAML: values that would read back as something else are quoted ("007", "yes", "", a line break)', () => {
  const result = plan('username;tracker.code;tracker.flag;tracker.empty;Note\nx;007;yes;;"a\nb"\n', { map: { Note: 'tracker.note' } }, target(YAML_FIELDS, 'yaml'));
  const values = Object.fromEntries(written(result, 'yaml').profiles.get('csv-x')!.values);
  assert.deepEqual(values, { username: 'x', 'tracker.code': '007', 'tracker.flag': 'yes', 'tracker.empty': '', 'tracker.note': 'a\nb' });
});

test('no fields file yet: a new one holds the new fields and the profiles', () => {
  const result = plan('Telegram ID;Страна\n42;KZ\n', { addFields: true }, { text: '', format: 'json', displayName: 'webhook-fields.json' });
  const model = written(result);
  assert.equal(model.customFields.get('strana')?.name, 'Страна');
  assert.deepEqual(Object.fromEntries(model.profiles.get('csv-42')!.values), { chatId: 42, strana: 'KZ' });
  assert.deepEqual(result.edit, { start: 0, end: 0, text: result.text });
});

test('a name the fields file already has is an error without replace; with it, the profile is replaced where it stands', () => {
  const into = target(FIELDS.replace('"lead":', '"csv-ivan_petrov":'));
  const refused = plan(EXCEL_RU, { rows: [1] }, into);
  assert.deepEqual([refused.errorOf, refused.taken, refused.text], ['taken', ['csv-ivan_petrov'], undefined]);
  const model = written(plan(EXCEL_RU, { rows: [1], replace: true }, into));
  assert.deepEqual([...model.profiles.keys()], ['csv-ivan_petrov', 'no-username']);
  assert.equal(model.profiles.get('csv-ivan_petrov')?.values.get('name'), 'Иван');
});

test('YAML: a replaced profile keeps its place and the comments around it', () => {
  const into = target(YAML_FIELDS.replace('  lead:', '  csv-ivan_petrov:') + '  other:\n    chatId: 5 # keep\n', 'yaml');
  const result = plan('username;chatId\n@ivan_petrov;7\n', { replace: true }, into);
  const model = written(result, 'yaml');
  assert.deepEqual([...model.profiles.keys()], ['csv-ivan_petrov', 'other']);
  assert.deepEqual(Object.fromEntries(model.profiles.get('csv-ivan_petrov')!.values), { username: 'ivan_petrov', chatId: 7 });
  assert.match(result.text!, /chatId: 5 # keep\n$/);
});

test('the edit is one replacement of whole lines that turns the old text into the new', () => {
  const into = target();
  const result = plan(EXCEL_RU, { addFields: true }, into);
  const { start, end, text } = result.edit!;
  assert.equal(into.text.slice(0, start) + text + into.text.slice(end), result.text);
  assert.ok(start === 0 || into.text[start - 1] === '\n');
  assert.ok(end === into.text.length || into.text[end - 1] === '\n');
});

test('what will be written is said in one paragraph: how many profiles, their names and keys, new fields, real users\' data', () => {
  assert.equal(
    plan(EXCEL_RU, { rows: [1, 3], map: { '#10': '-', Country: '-', 'Дата создания': '-', 'Сумма депозита': '-' }, addFields: true }).summary,
    '2 profiles (csv-ivan_petrov, csv-petr_k) with name, chatId, username, tracker.clickid, kampaniya, kommentariy will be written to webhook-fields.json. New fields: kampaniya, kommentariy. They hold real users\' data: keep webhook-fields.json out of public repositories.',
  );
  assert.equal(
    ru.planProfileImport('Telegram ID\n42\n', target(DESIGN_FIELDS), {}).summary,
    'В webhook-fields.json будет записано: 1 профиль (csv-42) с ключами chatId. В них данные реальных пользователей: не публикуйте webhook-fields.json в открытых репозиториях.',
  );
});

test('a field\'s name in Chatterfy is read from the fields file, for custom and tracker fields alike', () => {
  const { model, problems } = parseFieldsFile('{ "customFields": { "geo": { "type": "text", "name": "Страна" } }, "trackerFields": { "sub1": { "name": "Саб 1" } } }', 'json');
  assert.deepEqual(problems, []);
  assert.deepEqual([model?.customFields.get('geo')?.name, model?.trackerFields.get('sub1')?.name], ['Страна', 'Саб 1']);
});
