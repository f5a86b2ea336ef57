// Which request a send or preview is about: the command's argument, else the cursor in the active editor.
import * as vscode from 'vscode';
import type { RequestTarget } from '../../../server/src/protocol';

/** Accepts `{ uri, line, profile, confirm }` with `uri` as a string or a Uri; anything else is ignored. */
export function targetFromArgument(argument: unknown): RequestTarget | undefined {
  if (typeof argument !== 'object' || argument === null) return undefined;
  const { uri, line, profile, confirm } = argument as Record<string, unknown>;
  const uriText = uri instanceof vscode.Uri ? uri.toString() : typeof uri === 'string' ? uri : undefined;
  if (!uriText || typeof line !== 'number' || !Number.isInteger(line) || line < 0) return undefined;
  return {
    uri: uriText,
    line,
    profile: typeof profile === 'string' ? profile : undefined,
    confirm: typeof confirm === 'boolean' ? confirm : undefined,
  };
}

export function targetFromEditor(): RequestTarget | undefined {
  const editor = vscode.window.activeTextEditor;
  return editor && { uri: editor.document.uri.toString(), line: editor.selection.active.line };
}
