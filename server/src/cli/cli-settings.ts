// The editor settings a project keeps in `.vscode/settings.json`, read by the command line so CI checks as the editor does.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'jsonc-parser';
import { DEFAULT_SETTINGS, settingsFromSection, type Settings } from '../settings/settings';

const SECTION = 'webhookTemplates.';

/** `{"webhookTemplates.fieldsFile": …, "webhookTemplates.inlayHints.sampleValues": …}` as the nested section. */
function sectionOf(settings: Record<string, unknown>): Record<string, unknown> {
  const section: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(settings)) {
    if (!name.startsWith(SECTION)) continue;
    const path = name.slice(SECTION.length).split('.');
    let node = section;
    for (const part of path.slice(0, -1)) node = (node[part] ??= {}) as Record<string, unknown>;
    node[path[path.length - 1]] = value;
  }
  return section;
}

/** The settings of a workspace folder; the defaults when it has no `.vscode/settings.json` or it does not parse. */
export function folderSettings(root: string): Settings {
  const path = join(root, '.vscode', 'settings.json');
  if (!existsSync(path)) return DEFAULT_SETTINGS;
  const raw: unknown = parse(readFileSync(path, 'utf8'));
  return typeof raw === 'object' && raw !== null ? settingsFromSection(sectionOf(raw as Record<string, unknown>)) : DEFAULT_SETTINGS;
}
