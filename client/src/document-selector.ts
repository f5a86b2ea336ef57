// Which documents the language server serves: by file name, whatever language id the editor gave them.
import type { DocumentFilter } from 'vscode-languageclient/node';

export const FIELDS_FILE_GLOB = '**/webhook-fields.{json,yaml,yml}';
export const SCRIPT_FILE_GLOB = '**/*.script.{yaml,yml,json}';
export const WEBHOOK_FILE_GLOB = '**/*.webhook';

export function documentSelector(extraScriptGlobs: readonly string[]): DocumentFilter[] {
  const patterns = [SCRIPT_FILE_GLOB, FIELDS_FILE_GLOB, ...extraScriptGlobs.map((glob) => (glob.includes('/') ? glob : `**/${glob}`))];
  return [
    { scheme: 'file', language: 'webhook-template' },
    { scheme: 'untitled', language: 'webhook-template' },
    ...patterns.map((pattern) => ({ scheme: 'file', pattern })),
  ];
}
