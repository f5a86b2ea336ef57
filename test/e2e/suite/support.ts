// Shared helpers of the in-editor suite: the opened workspace, bounded polling, and diagnostics of this extension.
import * as vscode from 'vscode';

export const EXTENSION_ID = 'webhook-templates.webhook-templates';
export const DIAGNOSTIC_SOURCE = 'webhook-templates';

/** Long enough for a cold language server on a slow CI machine, short enough that a hang fails the test. */
export const WAIT_MS = 20_000;

export function workspaceRoot(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('the e2e suite needs a workspace folder (the runner opens a copy of examples/)');
  return folder.uri;
}

export function workspaceFile(...segments: string[]): vscode.Uri {
  return vscode.Uri.joinPath(workspaceRoot(), ...segments);
}

export async function activateExtension(): Promise<vscode.Extension<unknown>> {
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  if (!extension) throw new Error(`extension ${EXTENSION_ID} is not loaded`);
  await extension.activate();
  return extension;
}

/** Polls `probe` until it returns a value other than undefined; fails after `timeoutMs` with `what` and the last value seen. */
export async function waitFor<T>(what: string, probe: () => T | undefined | Promise<T | undefined>, timeoutMs = WAIT_MS): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export function ourDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((diagnostic) => diagnostic.source === DIAGNOSTIC_SOURCE);
}

export function codeOf(diagnostic: vscode.Diagnostic): string {
  const { code } = diagnostic;
  return String(typeof code === 'object' && code !== null ? code.value : code);
}

/** `code line:col` with a 1-based line and 0-based column, then the text the range covers. */
export function describeDiagnostic(document: vscode.TextDocument, diagnostic: vscode.Diagnostic): string {
  const { start } = diagnostic.range;
  return `${codeOf(diagnostic)} ${start.line + 1}:${start.character} ${document.getText(diagnostic.range)}`;
}

export async function openDocument(...segments: string[]): Promise<vscode.TextDocument> {
  const document = await vscode.workspace.openTextDocument(workspaceFile(...segments));
  await vscode.window.showTextDocument(document, { preview: false });
  return document;
}

/** The position just after the first occurrence of `text` (plus `shift`) in the document. */
export function positionAfter(document: vscode.TextDocument, text: string, shift = 0): vscode.Position {
  const offset = document.getText().indexOf(text);
  if (offset < 0) throw new Error(`"${text}" is not in ${document.uri.fsPath}`);
  return document.positionAt(offset + text.length + shift);
}
