// The extension's settings and their defaults, free of the editor API so tests can hold them against package.json.
export const SECTION = 'webhookTemplates';

export interface WebhookTemplatesConfig {
  fieldsFile: string;
  scriptFiles: string[];
  'trace.server': 'off' | 'messages' | 'verbose';
}

export const DEFAULTS: WebhookTemplatesConfig = { fieldsFile: '', scriptFiles: [], 'trace.server': 'off' };

/** Settings whose change needs the language server restarted (the document selector is fixed at start). */
export const RESTART_SETTINGS: readonly (keyof WebhookTemplatesConfig)[] = ['scriptFiles'];
