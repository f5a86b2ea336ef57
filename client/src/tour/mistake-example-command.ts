// "Open an Example Mistake": an unsaved template with two typos, to see a mistake caught, explained and fixed.
import * as vscode from 'vscode';
import { l10n } from '../l10n';
import { mistakeExampleText } from './starter-files';

export async function openMistakeExample(): Promise<vscode.Uri> {
  const document = await vscode.workspace.openTextDocument({ language: 'webhook-template', content: mistakeExampleText(l10n) });
  // The cursor on the misspelt key, where the hover and Ctrl+. show what is wrong and the fix.
  const position = document.positionAt(document.getText().indexOf('{tracker.') + 1);
  await vscode.window.showTextDocument(document, { preview: false, selection: new vscode.Range(position, position) });
  return document.uri;
}
