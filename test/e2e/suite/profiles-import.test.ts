// "Import Sample Profiles from CSV" through the real command with its scripted argument: a CSV as Excel writes it in
// Russian becomes profiles in the fields file beside the active template, as one edit that Undo takes back.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension, openDocument, workspaceFile } from './support';

const FOLDER = 'e2e-import';

/** Chatterfy's Users → Export CSV, saved again by Excel in Russian: BOM, ";", CRLF, a quoted cell with ";" and a line break. */
const CSV = '\uFEFFИмя;Telegram ID;Имя пользователя;Страна;clickid;Комментарий\r\nИван;482913377;@Ivan_Petrov;KZ;7f3a9c01;"Перезвонить;\nпосле 18:00"\r\nАнна;1000001;;UZ;;\r\n';

const FIELDS = '{\n  "customFields": {\n    "geo": { "type": "select", "items": ["KZ", "UZ"], "name": "Страна" }\n  },\n  "trackerFields": {\n    "clickid": { "description": "Click id" }\n  },\n  "profiles": {\n    "lead": { "username": "qa", "chatId": 1 }\n  }\n}\n';

interface ImportOutcome {
  fieldsFile: string;
  profiles: string[];
  keys: string[];
  newFields: string[];
  summary: string;
}

suite('import sample profiles from CSV', () => {
  let fields: vscode.TextDocument;

  suiteSetup(async () => {
    await activateExtension();
    await vscode.workspace.fs.writeFile(workspaceFile(FOLDER, 'webhook-fields.json'), Buffer.from(FIELDS));
    await vscode.workspace.fs.writeFile(workspaceFile(FOLDER, 'users.csv'), Buffer.from(CSV));
    await vscode.workspace.fs.writeFile(workspaceFile(FOLDER, 'postback.webhook'), Buffer.from('GET https://t.example.com/p?subid={tracker.clickid}&status=lead\n'));
    // The active template decides which fields file the profiles go into.
    await openDocument(FOLDER, 'postback.webhook');
  });

  suiteTeardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.workspace.fs.delete(workspaceFile(FOLDER), { recursive: true });
  });

  test('the command writes the chosen rows as profiles into the fields file, as one edit that Undo takes back', async () => {
    const outcome = await vscode.commands.executeCommand<ImportOutcome>('webhookTemplates.importProfilesFromCsv', { csv: `${FOLDER}/users.csv`, rows: [1, 2], addFields: true, confirm: false });
    assert.deepEqual(outcome.profiles, ['csv-ivan_petrov', 'csv-1000001']);
    assert.deepEqual(outcome.newFields, ['kommentariy']);
    assert.equal(outcome.fieldsFile, workspaceFile(FOLDER, 'webhook-fields.json').toString());
    assert.match(outcome.summary, /real users' data/);
    fields = await vscode.workspace.openTextDocument(workspaceFile(FOLDER, 'webhook-fields.json'));
    assert.equal(vscode.window.activeTextEditor?.document, fields, 'the fields file is shown');
    assert.equal(fields.isDirty, true, 'the edit is applied, not saved');
    const written = JSON.parse(fields.getText());
    assert.deepEqual(written.profiles['csv-ivan_petrov'], { name: 'Иван', chatId: 482913377, username: 'Ivan_Petrov', geo: 'KZ', 'tracker.clickid': '7f3a9c01', kommentariy: 'Перезвонить;\nпосле 18:00' });
    assert.deepEqual(written.profiles['csv-1000001'], { name: 'Анна', chatId: 1000001, username: '', geo: 'UZ', 'tracker.clickid': '', kommentariy: '' });
    assert.ok(fields.getText().startsWith('{\n  "customFields": {\n    "geo": { "type": "select", "items": ["KZ", "UZ"], "name": "Страна" },\n'));
    await vscode.commands.executeCommand('undo');
    assert.equal(fields.getText(), FIELDS);
  });

  test('a profile the fields file already has is not replaced unless the argument says so', async () => {
    const argument = { csv: `${FOLDER}/users.csv`, rows: 1, confirm: false };
    await openDocument(FOLDER, 'postback.webhook');
    await vscode.commands.executeCommand('webhookTemplates.importProfilesFromCsv', argument);
    await vscode.workspace.save(workspaceFile(FOLDER, 'webhook-fields.json'));
    await assert.rejects(Promise.resolve(vscode.commands.executeCommand('webhookTemplates.importProfilesFromCsv', argument)), /already has profiles named csv-ivan_petrov/);
    const replaced = await vscode.commands.executeCommand<ImportOutcome>('webhookTemplates.importProfilesFromCsv', { ...argument, replace: true });
    assert.deepEqual(replaced.profiles, ['csv-ivan_petrov']);
  });
});
