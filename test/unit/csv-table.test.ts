// Specifies how a CSV export of users is read: the delimiter, a byte-order mark, line ends, quoted cells, encodings.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeCsvBytes } from '../../server/src/core/import/csv-bytes';
import { readCsvTable, type CsvTable } from '../../server/src/core/import/csv-table';
import { fixturesDir } from '../support/paths';

const EXCEL_RU = join(fixturesDir, 'csv', 'users-excel-ru.csv');
const EXCEL_RU_1251 = join(fixturesDir, 'csv', 'users-excel-ru-1251.csv');

function table(text: string): CsvTable {
  const read = readCsvTable(text);
  assert.ok(!('problem' in read), JSON.stringify(read));
  return read;
}

test('the recorded Excel CSV in Russian is what the other tests say it is: a BOM, ";", CRLF line ends', () => {
  const bytes = readFileSync(EXCEL_RU);
  assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
  assert.match(bytes.toString('utf8'), /^\uFEFFИмя;Telegram ID;[^\n]*\r\n/);
});

test('Excel in Russian: ";" between cells, the BOM dropped, Cyrillic headers, a quoted cell holding ";" and a line break', () => {
  const read = table(decodeCsvBytes(readFileSync(EXCEL_RU)));
  assert.equal(read.delimiter, ';');
  assert.deepEqual(read.headers, ['Имя', 'Telegram ID', 'Имя пользователя', 'Country', 'Сумма депозита', 'clickid', 'Кампания', 'Дата создания', 'Комментарий', 'Имя']);
  assert.equal(read.rows[0][8], 'Перезвонить после 18:00;\nне раньше');
  assert.equal(read.rows[2][8], 'Сказал "перезвоню"');
});

test('a row of empty cells (Excel leaves them below the data) is no user; empty cells stay ""', () => {
  const read = table(decodeCsvBytes(readFileSync(EXCEL_RU)));
  assert.equal(read.rows.length, 3);
  assert.deepEqual(read.rows[1].slice(2, 4), ['', 'UZ']);
});

test('plain "CSV" from Russian Excel (Windows-1251, no BOM) reads the same as the UTF-8 file', () => {
  assert.deepEqual(table(decodeCsvBytes(readFileSync(EXCEL_RU_1251))), table(decodeCsvBytes(readFileSync(EXCEL_RU))));
});

test('a byte-order mark before a quoted first header, or before Excel\'s "sep=" line, is dropped (text handed in as it is)', () => {
  assert.deepEqual(table('\uFEFF"Имя";"Telegram ID"\r\nИван;1\r\n').headers, ['Имя', 'Telegram ID']);
  assert.deepEqual(table('\uFEFFsep=,\r\nchatId;note\r\n1;a\r\n').headers, ['chatId;note']);
});

test('a line break inside a quoted cell is written \\n whatever the line ends', () => {
  assert.equal(table('a;b\r\n"one\r\ntwo";2\r\n').rows[0][0], 'one\ntwo');
});

test('commas: the header line decides, so a quoted comma or ";" inside a value splits nothing', () => {
  const read = table('Telegram ID,Username,Note\n482913377,ivan_petrov,"a, b; c"\n');
  assert.equal(read.delimiter, ',');
  assert.deepEqual(read.rows, [['482913377', 'ivan_petrov', 'a, b; c']]);
});

test('tabs, and Excel\'s "sep=;" first line that names the delimiter', () => {
  assert.equal(table('chatId\tusername\n1\tx\n').delimiter, '\t');
  const declared = table('sep=;\nchatId;note\n1;a,b\n');
  assert.deepEqual([declared.delimiter, declared.headers, declared.rows], [';', ['chatId', 'note'], [['1', 'a,b']]]);
});

test('short rows are padded with empty cells; a single column is read with no delimiter at all', () => {
  assert.deepEqual(table('a;b;c\n1\n').rows, [['1', '', '']]);
  assert.deepEqual(table('chatId\n1\n2\n').rows, [['1'], ['2']]);
});

test('an unclosed quote or an empty text is a problem to show, never an exception', () => {
  assert.match((readCsvTable('a;b\n"x;1\n') as { problem: { english: string } }).problem.english, /could not be read/);
  assert.match((readCsvTable('') as { problem: { english: string } }).problem.english, /no header/);
});
