// Settings read per resource from the client (workspace/configuration), cached until they change.
import type { Connection } from 'vscode-languageserver';

export interface Settings {
  /** A fields file path that overrides the search (absolute, or relative to the workspace folder). */
  fieldsFile: string;
  /** Extra globs of script files. */
  scriptFiles: string[];
}

export const DEFAULT_SETTINGS: Settings = { fieldsFile: '', scriptFiles: [] };

function sanitize(raw: unknown): Settings {
  const value = (raw ?? {}) as Partial<Settings>;
  return {
    fieldsFile: typeof value.fieldsFile === 'string' ? value.fieldsFile : '',
    scriptFiles: Array.isArray(value.scriptFiles) ? value.scriptFiles.filter((glob): glob is string => typeof glob === 'string') : [],
  };
}

export class SettingsCache {
  private readonly cache = new Map<string, Promise<Settings>>();
  private supported = false;

  constructor(private readonly connection: Connection) {}

  enable(clientSupportsConfiguration: boolean): void {
    this.supported = clientSupportsConfiguration;
  }

  forResource(uri: string): Promise<Settings> {
    if (!this.supported) return Promise.resolve(DEFAULT_SETTINGS);
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
