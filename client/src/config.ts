// The extension's settings as one typed object; package.json's contributes.configuration must list the same keys.
import * as vscode from 'vscode';

export const SECTION = 'webhookTemplates';

export interface WebhookTemplatesConfig {
  fieldsFile: string;
  scriptFiles: string[];
  'trace.server': 'off' | 'messages' | 'verbose';
}

export const DEFAULTS: WebhookTemplatesConfig = { fieldsFile: '', scriptFiles: [], 'trace.server': 'off' };

/** Settings whose change needs the language server restarted (the document selector is fixed at start). */
export const RESTART_SETTINGS: readonly (keyof WebhookTemplatesConfig)[] = ['scriptFiles'];

export function readConfig(scope?: vscode.ConfigurationScope): WebhookTemplatesConfig {
  const section = vscode.workspace.getConfiguration(SECTION, scope);
  return {
    fieldsFile: section.get('fieldsFile', DEFAULTS.fieldsFile),
    scriptFiles: section.get('scriptFiles', DEFAULTS.scriptFiles),
    'trace.server': section.get('trace.server', DEFAULTS['trace.server']),
  };
}
