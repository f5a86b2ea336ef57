// CLI tests of `webhook-templates profiles import`: a CSV as Excel writes it in Russian becomes sample profiles in the
// fields file the editor would use; --dry-run, --map, --add-fields, --rows, --replace; usage errors; Russian output.
import assert from 'node:assert/strict';
import { copyFileSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { parseFieldsFile } from '../../server/src/core/fields/fields-file';
import { fixturesDir } from '../support/paths';
import { copyExamplesInto, makeWorkspace, removeDir, runCli, shown } from './cli-helpers';

const EXCEL_RU = join(fixturesDir, 'csv', 'users-excel-ru.csv');

function profilesIn(path: string, format: 'json' | 'yaml' = 'json') {
  const { model, problems } = parseFieldsFile(readFileSync(path, 'utf8'), format);
  assert.ok(model, JSON.stringify(problems));
  return model;
}

describe('cli profiles import', () => {
  const made: string[] = [];
  /** A copy of examples/ with the recorded CSV beside its fields file; the working folder is examples/. */
  function examples(): string {
    const root = copyExamplesInto();
    made.push(root);
    copyFileSync(EXCEL_RU, join(root, 'examples', 'users.csv'));
    return join(root, 'examples');
  }

  after(() => made.forEach(removeDir));

  test('the Excel CSV in Russian: the mapping is printed, the first 3 users are written as profiles, the rest of the file kept', async () => {
    const cwd = examples();
    const before = readFileSync(join(cwd, 'webhook-fields.json'), 'utf8');
    const run = await runCli(['profiles', 'import', 'users.csv'], { cwd, env: { LANG: 'en_US.UTF-8', LC_ALL: undefined, LC_MESSAGES: undefined } });
    assert.equal(run.code, 0, shown(run));
    assert.match(run.stdout, /users\.csv: 3 data rows, columns separated by ";"\./);
    assert.match(run.stdout, /Telegram ID +→ chatId +\(a usual header for chatId\)/);
    assert.match(run.stdout, /Комментарий +→ — +\(matches no field; can be added as the custom field kommentariy \(long-text\)\)/);
    assert.match(run.stdout, /Row 2, column "Telegram ID": "4,82913E\+08" is a chat id Excel shortened/);
    assert.match(run.stdout, /3 profiles \(csv-ivan_petrov, csv-row-2, csv-petr_k\) with .* will be written to webhook-fields\.json\. They hold real users' data/);
    assert.match(run.stdout, /Wrote webhook-fields\.json\.\n$/);
    const after = readFileSync(join(cwd, 'webhook-fields.json'), 'utf8');
    assert.ok(after.startsWith(before.slice(0, before.indexOf('"profiles"'))));
    assert.match(after, /"chatId": 482913377,/);
    const ivan = profilesIn(join(cwd, 'webhook-fields.json')).profiles.get('csv-ivan_petrov');
    assert.deepEqual(Object.fromEntries(ivan!.values), { name: 'Иван', chatId: 482913377, username: 'Ivan_Petrov', geo: 'KZ', 'tracker.clickid': '7f3a9c01', createdAt: '2024-03-10T17:49:00.000Z' });
    assert.deepEqual(readdirSync(cwd).filter((name) => name.endsWith('.tmp')), []);
  });

  test('--dry-run prints the lines it would add and writes nothing', async () => {
    const cwd = examples();
    const before = readFileSync(join(cwd, 'webhook-fields.json'), 'utf8');
    const run = await runCli(['profiles', 'import', 'users.csv', '--dry-run', '--rows', '1'], { cwd });
    assert.equal(run.code, 0, shown(run));
    assert.match(run.stdout, /Would write webhook-fields\.json:\n- {5}\}\n\+ {5}\},\n\+ {5}"csv-ivan_petrov": \{\n\+ {7}"name": "Иван",\n(\+ .*\n)+\+ {5}\}\n$/);
    assert.equal(readFileSync(join(cwd, 'webhook-fields.json'), 'utf8'), before);
  });

  test('--map names keys (by header or #N, "-" leaves out), --add-fields=tracker adds the rest, --rows picks users', async () => {
    const cwd = examples();
    const args = ['profiles', 'import', 'users.csv', '--rows', '1,3', '--map', 'Кампания=tracker.campaign', '--map=#10=-', '--map', 'Country=-', '--add-fields=tracker'];
    const run = await runCli(args, { cwd });
    assert.equal(run.code, 0, shown(run));
    const model = profilesIn(join(cwd, 'webhook-fields.json'));
    assert.deepEqual([...model.profiles.keys()].filter((name) => name.startsWith('csv-')), ['csv-ivan_petrov', 'csv-petr_k']);
    assert.equal(model.trackerFields.get('kommentariy')?.name, 'Комментарий');
    assert.equal(model.profiles.get('csv-petr_k')?.values.get('tracker.campaign'), 'весна_az');
    assert.equal(model.profiles.get('csv-petr_k')?.values.has('geo'), false);
  });

  test('a profile of the same name stops the import (exit 1) and nothing is written; --replace replaces it', async () => {
    const cwd = examples();
    assert.equal((await runCli(['profiles', 'import', 'users.csv', '--rows', '1'], { cwd })).code, 0);
    const once = readFileSync(join(cwd, 'webhook-fields.json'), 'utf8');
    const again = await runCli(['profiles', 'import', 'users.csv', '--rows', '1', '--map', 'Country=-'], { cwd });
    assert.equal(again.code, 1, shown(again));
    assert.match(again.stderr, /webhook-fields\.json already has profiles named csv-ivan_petrov\. Add --replace/);
    assert.equal(readFileSync(join(cwd, 'webhook-fields.json'), 'utf8'), once);
    const replaced = await runCli(['profiles', 'import', 'users.csv', '--rows', '1', '--map', 'Country=-', '--replace'], { cwd });
    assert.equal(replaced.code, 0, shown(replaced));
    assert.equal(profilesIn(join(cwd, 'webhook-fields.json')).profiles.get('csv-ivan_petrov')?.values.has('geo'), false);
  });

  test('bad usage exits 2: no such CSV, a column that is not there, a key that cannot be, bad --rows', async () => {
    const cwd = examples();
    const runs = await Promise.all([
      runCli(['profiles', 'import', 'nope.csv'], { cwd }),
      runCli(['profiles', 'import', 'users.csv', '--map', 'Город=geo'], { cwd }),
      runCli(['profiles', 'import', 'users.csv', '--map', 'Country=not a key'], { cwd }),
      runCli(['profiles', 'import', 'users.csv', '--rows', '0'], { cwd }),
      runCli(['profiles', 'export', 'users.csv'], { cwd }),
      runCli(['profiles', 'import', 'users.csv', '--fields', 'nope.json'], { cwd }),
    ]);
    assert.deepEqual(runs.map((run) => run.code), [2, 2, 2, 2, 2, 2], runs.map(shown).join('\n'));
    assert.match(runs[1].stderr, /The CSV has no column "Город"/);
  });

  test('without a fields file, webhook-fields.json is created in the current folder', async () => {
    const cwd = makeWorkspace({ 'users.csv': 'Telegram ID,Username,Страна\n482913377,@ivan,KZ\n' });
    made.push(cwd);
    const run = await runCli(['profiles', 'import', 'users.csv', '--add-fields'], { cwd });
    assert.equal(run.code, 0, shown(run));
    assert.match(run.stdout, /Created webhook-fields\.json\./);
    const model = profilesIn(join(cwd, 'webhook-fields.json'));
    assert.deepEqual(Object.fromEntries(model.profiles.get('csv-ivan')!.values), { chatId: 482913377, username: 'ivan', strana: 'KZ' });
  });

  test('--fields names the fields file to write into instead of the one found from the current folder', async () => {
    const cwd = makeWorkspace({ 'webhook-fields.json': '{}\n', 'qa/fields.json': '{ "profiles": {} }\n', 'users.csv': 'chatId\n7\n' });
    made.push(cwd);
    const run = await runCli(['profiles', 'import', 'users.csv', '--fields', 'qa/fields.json'], { cwd });
    assert.equal(run.code, 0, shown(run));
    assert.equal(readFileSync(join(cwd, 'webhook-fields.json'), 'utf8'), '{}\n');
    assert.deepEqual(Object.fromEntries(profilesIn(join(cwd, 'qa', 'fields.json')).profiles.get('csv-7')!.values), { chatId: 7 });
  });

  test('a YAML fields file is edited in place, its comments kept; with LANG=ru the output is in Russian', async () => {
    const yaml = '# QA fields\ncustomFields:\n  geo:\n    type: text\n    name: Страна # as in Chatterfy\nprofiles:\n  lead:\n    chatId: 1\n';
    const cwd = makeWorkspace({ 'webhook-fields.yaml': yaml, 'users.csv': 'Telegram ID;Страна\n42;KZ\n' });
    made.push(cwd);
    const run = await runCli(['profiles', 'import', 'users.csv'], { cwd, env: { LANG: 'ru_RU.UTF-8', LC_ALL: undefined, LC_MESSAGES: undefined } });
    assert.equal(run.code, 0, shown(run));
    assert.match(run.stdout, /Страна +→ geo +\(название поля geo в webhook-fields\.yaml\)/);
    assert.match(run.stdout, /В них данные реальных пользователей/);
    const after = readFileSync(join(cwd, 'webhook-fields.yaml'), 'utf8');
    assert.equal(after, `${yaml}  csv-42:\n    chatId: 42\n    geo: KZ\n`);
  });
});
