// Settings read per resource from the client (workspace/configuration), cached until they change.
import type { Connection } from 'vscode-languageserver';

export interface Settings {
  /** A fields file path that overrides the search (absolute, or relative to the workspace folder). */
  fieldsFile: string;
  /** Extra globs of script files. */
  scriptFiles: string[];
  /** Show the sample value of each placeholder after it. */
  inlayHints: boolean;
}

export const DEFAULT_SETTINGS: Settings = { fieldsFile: '', scriptFiles: [], inlayHints: true };

function sanitize(raw: unknown): Settings {
  const value = (raw ?? {}) as Partial<Settings>;
  return {
    fieldsFile: typeof value.fieldsFile === 'string' ? value.fieldsFile : '',
    scriptFiles: Array.isArray(value.scriptFiles) ? value.scriptFiles.filter((glob): glob is string => typeof glob === 'string') : [],
    // The client's setting is `webhookTemplates.inlayHints.sampleValues`; the section arrives nested.
    inlayHints: (value as { inlayHints?: { sampleValues?: unknown } }).inlayHints?.sampleValues !== false,
  };
}

export class SettingsCache {
  private readonly cache = new Map<string, Promise<Settings>>();
  private clientSupports = false;

  constructor(private readonly connection: Connection) {}

  enable(clientSupportsConfiguration: boolean): void {
    this.clientSupports = clientSupportsConfiguration;
  }

  /** Whether the client answers workspace/configuration at all. */
  get supported(): boolean {
    return this.clientSupports;
  }

  forResource(uri: string): Promise<Settings> {
    if (!this.clientSupports) return Promise.resolve(DEFAULT_SETTINGS);
    let settings = this.cache.get(uri);
    if (!settings) {
      settings = this.connection.workspace
        .getConfiguration({ scopeUri: uri, section: 'webhookTemplates' })
        .then(sanitize, () => DEFAULT_SETTINGS);
      this.cache.set(uri, settings);
    }
    return settings;
  }

  clear(): void {
    this.cache.clear();
  }
}
