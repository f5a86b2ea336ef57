// Settings read per resource from the client (workspace/configuration), cached until they change.
import type { Connection } from 'vscode-languageserver';
import { DEFAULT_SETTINGS, settingsFromSection, type Settings } from './settings';

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
        .then(settingsFromSection, () => DEFAULT_SETTINGS);
      this.cache.set(uri, settings);
    }
    return settings;
  }

  /** The editor's `files.exclude` globs that are on, for a folder: what the workspace scan leaves out. */
  async excludeGlobs(folderUri: string): Promise<string[]> {
    if (!this.clientSupports) return [];
    try {
      const excluded = (await this.connection.workspace.getConfiguration({ scopeUri: folderUri, section: 'files.exclude' })) as Record<string, unknown> | null;
      return Object.entries(excluded ?? {}).filter(([, on]) => on === true).map(([glob]) => glob);
    } catch {
      return [];
    }
  }

  clear(): void {
    this.cache.clear();
  }
}
