// Which documents the language server serves: by file name, whatever language id the editor gave them.
import * as vscode from 'vscode';
import type { DocumentFilter } from 'vscode-languageclient';

export const FIELDS_FILE_GLOB = '**/webhook-fields.{json,yaml,yml}';
export const SCRIPT_FILE_GLOB = '**/*.script.{yaml,yml,json}';
export const WEBHOOK_FILE_GLOB = '**/*.webhook';

/**
 * `schemes`: the file systems whose files are served: `file:` and those of the workspace folders (a browser's
 * `vscode-vfs:` on github.dev, `vscode-remote:` behind a VS Code server's web page, a virtual workspace's).
 */
export function documentSelector(extraScriptGlobs: readonly string[], schemes: readonly string[] = ['file']): DocumentFilter[] {
  const patterns = [SCRIPT_FILE_GLOB, FIELDS_FILE_GLOB, ...extraScriptGlobs.map((glob) => (glob.includes('/') ? glob : `**/${glob}`))];
  return [
    ...schemes.map((scheme) => ({ scheme, language: 'webhook-template' })),
    { scheme: 'untitled', language: 'webhook-template' },
    ...schemes.flatMap((scheme) => patterns.map((pattern) => ({ scheme, pattern }))),
  ];
}

/** `file` and the scheme of every workspace folder, each once. */
export function workspaceFileSchemes(): string[] {
  return [...new Set(['file', ...(vscode.workspace.workspaceFolders ?? []).map((folder) => folder.uri.scheme)])];
}
