// Reads the extension's settings into typed objects (the table of keys lives in settings-table.ts).
import * as vscode from 'vscode';
import { DEFAULTS, SECTION, type WINDOW_SETTINGS, type WebhookTemplatesConfig } from './settings-table';

export { RESTART_SETTINGS, SECTION } from './settings-table';
export type { WebhookTemplatesConfig } from './settings-table';

type ResourceSetting = Exclude<keyof WebhookTemplatesConfig, (typeof WINDOW_SETTINGS)[number]>;

/** A resource-scoped setting as it applies to one file or folder. */
export function resourceSetting<K extends ResourceSetting>(key: K, scope: vscode.Uri): WebhookTemplatesConfig[K] {
  return vscode.workspace.getConfiguration(SECTION, scope).get<WebhookTemplatesConfig[K]>(key, DEFAULTS[key]);
}

/** A window-scoped setting. */
export function windowSetting<K extends (typeof WINDOW_SETTINGS)[number]>(key: K): WebhookTemplatesConfig[K] {
  return vscode.workspace.getConfiguration(SECTION).get<WebhookTemplatesConfig[K]>(key, DEFAULTS[key]);
}

/** The extra script globs of every workspace folder together (the document selector is one for all). */
export function allScriptGlobs(): string[] {
  const folders = vscode.workspace.workspaceFolders ?? [];
  return [...new Set(folders.flatMap((folder) => resourceSetting('scriptFiles', folder.uri)))];
}
