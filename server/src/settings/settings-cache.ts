// Settings read per resource from the client (workspace/configuration), cached until they change.
import type { Connection } from 'vscode-languageserver';
import { DEFAULT_SETTINGS, settingsFromSection, type Settings } from './settings';

/** Resources asked for in one workspace/configuration request by `prefetch`. */
const ITEMS_PER_REQUEST = 500;

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

  /**
   * Asks for the settings of many resources at once (one workspace/configuration request per ITEMS_PER_REQUEST of
   * them, not one each): the workspace scan checks thousands of files, and one round trip each was most of its wait.
   */
  async prefetch(uris: readonly string[]): Promise<void> {
    if (!this.clientSupports) return;
    const wanted = uris.filter((uri) => !this.cache.has(uri));
    for (let start = 0; start < wanted.length; start += ITEMS_PER_REQUEST) {
      const batch = wanted.slice(start, start + ITEMS_PER_REQUEST);
      const answers = this.connection.workspace.getConfiguration(batch.map((scopeUri) => ({ scopeUri, section: 'webhookTemplates' })));
      batch.forEach((uri, index) => this.cache.set(uri, answers.then((sections: unknown[]) => settingsFromSection(sections[index]), () => DEFAULT_SETTINGS)));
    }
    await Promise.all(wanted.map((uri) => this.cache.get(uri)));
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
