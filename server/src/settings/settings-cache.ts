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

  clear(): void {
    this.cache.clear();
  }
}
