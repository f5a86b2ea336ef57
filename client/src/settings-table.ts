// The extension's settings and their defaults, free of the editor API so tests can hold them against package.json.
export const SECTION = 'webhookTemplates';

export interface WebhookTemplatesConfig {
  fieldsFile: string;
  scriptFiles: string[];
  'trace.server': 'off' | 'messages' | 'verbose';
  'send.timeoutSeconds': number;
  'send.maxRedirects': number;
  'send.maxResponseKB': number;
  'send.confirmNonLoopbackHosts': boolean;
  'send.historySize': number;
}

export const DEFAULTS: WebhookTemplatesConfig = {
  fieldsFile: '',
  scriptFiles: [],
  'trace.server': 'off',
  'send.timeoutSeconds': 10,
  'send.maxRedirects': 5,
  'send.maxResponseKB': 1024,
  'send.confirmNonLoopbackHosts': true,
  'send.historySize': 20,
};

export const SETTING_KEYS = Object.keys(DEFAULTS) as (keyof WebhookTemplatesConfig)[];

/** Settings whose change needs the language server restarted (the document selector is fixed at start). */
export const RESTART_SETTINGS: readonly (keyof WebhookTemplatesConfig)[] = ['scriptFiles'];
