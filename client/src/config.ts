// Reads the extension's settings into one typed object (the table of keys lives in settings-table.ts).
import * as vscode from 'vscode';
import { DEFAULTS, SECTION, type WebhookTemplatesConfig } from './settings-table';

export { RESTART_SETTINGS, SECTION } from './settings-table';

export function readConfig(scope?: vscode.ConfigurationScope): WebhookTemplatesConfig {
  const section = vscode.workspace.getConfiguration(SECTION, scope);
  const read = <K extends keyof WebhookTemplatesConfig>(key: K) => section.get<WebhookTemplatesConfig[K]>(key, DEFAULTS[key]);
  return { fieldsFile: read('fieldsFile'), scriptFiles: read('scriptFiles'), 'trace.server': read('trace.server') };
}
