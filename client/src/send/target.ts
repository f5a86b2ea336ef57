// Which request a send or preview is about (the command's argument, else the cursor in the active editor), and which file
// or flow "Send All Webhooks" is about.
import * as vscode from 'vscode';
import type { RequestTarget, SendAllTarget } from '../../../server/src/protocol';

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

/** What "Send All Webhooks" sends, with the cursor's line when the file is the active editor's (to find its flow). */
export interface SendAllRequestTarget extends SendAllTarget {
  cursorLine?: number;
}

/**
 * Accepts `{ uri, flow, profile, confirm }` (a CodeLens, a keybinding, a test) or a Uri (the editor title's button);
 * without either, the active editor's file.
 */
export function sendAllTarget(argument: unknown): SendAllRequestTarget | undefined {
  const given = argument instanceof vscode.Uri ? { uri: argument } : typeof argument === 'object' && argument !== null ? (argument as Record<string, unknown>) : {};
  const { uri, flow, profile, confirm } = given as Record<string, unknown>;
  const editor = vscode.window.activeTextEditor;
  const uriText = uri instanceof vscode.Uri ? uri.toString() : typeof uri === 'string' ? uri : editor?.document.uri.toString();
  if (!uriText) return undefined;
  const cursorLine = editor?.document.uri.toString() === uriText ? editor.selection.active.line : undefined;
  return {
    uri: uriText,
    flow: typeof flow === 'string' ? flow : undefined,
    profile: typeof profile === 'string' ? profile : undefined,
    confirm: typeof confirm === 'boolean' ? confirm : undefined,
    cursorLine,
  };
}
