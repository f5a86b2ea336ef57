// Reads the extension's settings into one typed object (the table of keys lives in settings-table.ts).
import * as vscode from 'vscode';
import { DEFAULTS, SECTION, SETTING_KEYS, type WebhookTemplatesConfig } from './settings-table';

export { RESTART_SETTINGS, SECTION } from './settings-table';
export type { WebhookTemplatesConfig } from './settings-table';

export function readConfig(scope?: vscode.ConfigurationScope): WebhookTemplatesConfig {
  const section = vscode.workspace.getConfiguration(SECTION, scope);
  const config = { ...DEFAULTS };
  for (const key of SETTING_KEYS) (config as Record<string, unknown>)[key] = section.get(key, DEFAULTS[key]);
  return config;
}
