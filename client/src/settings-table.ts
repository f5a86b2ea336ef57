// The extension's settings and their defaults, free of the editor API so tests can hold them against package.json.
export const SECTION = 'webhookTemplates';

export interface WebhookTemplatesConfig {
  fieldsFile: string;
  scriptFiles: string[];
  maxFileSizeMB: number;
  'trace.server': 'off' | 'messages' | 'verbose';
  'send.timeoutSeconds': number;
  'send.maxRedirects': number;
  'send.maxResponseKB': number;
  'send.confirmNonLoopbackHosts': boolean;
  'send.historySize': number;
  'inlayHints.sampleValues': boolean;
  /** Read by the server only (per resource): the longest value an inlay hint shows. */
  'inlayHints.maxLength': number;
  /** Receiver tables in the shape of server/src/core/receivers/types.ts (patterns as strings); read by the server. */
  receivers: unknown[];
  /** A person's severity by problem code (`error`, `warning`, `info`, `hint`, `off`), over the fields file's; read by the server. */
  severity: Record<string, string>;
}

export const DEFAULTS: WebhookTemplatesConfig = {
  fieldsFile: '',
  scriptFiles: [],
  maxFileSizeMB: 10,
  'trace.server': 'off',
  'send.timeoutSeconds': 10,
  'send.maxRedirects': 5,
  'send.maxResponseKB': 1024,
  'send.confirmNonLoopbackHosts': true,
  'send.historySize': 20,
  'inlayHints.sampleValues': true,
  'inlayHints.maxLength': 24,
  receivers: [],
  severity: {},
};

/** Settings that apply to the whole window (the rest are read per resource); package.json gives them `"scope": "window"`. */
export const WINDOW_SETTINGS = ['trace.server', 'send.historySize'] as const satisfies readonly (keyof WebhookTemplatesConfig)[];

/** Settings whose change needs the language server restarted (the document selector is fixed at start). */
export const RESTART_SETTINGS: readonly (keyof WebhookTemplatesConfig)[] = ['scriptFiles'];
