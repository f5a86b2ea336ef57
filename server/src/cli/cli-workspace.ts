// The CLI's view of a workspace: the core service, a fields registry rooted at the folders it was given, and the
// settings each folder keeps in `.vscode/settings.json`.
import { dirname, relative } from 'node:path';
import { createTemplateService, type SeverityChoices, type TemplateService } from '../core';
import { DiskFiles } from '../documents/disk-files';
import { FieldsRegistry } from '../workspace/fields-registry';
import type { Settings } from '../settings/settings';
import { WorkspaceFolders } from '../workspace/workspace-folders';
import { pathToUri, uriToPath } from '../documents/file-uris';
import { folderSettings } from './cli-settings';

const NO_OPEN_EDITORS = { get: () => undefined };

export interface CliWorkspace {
  service: TemplateService;
  registry: FieldsRegistry;
  /** The settings of the folder a file is in (the defaults outside every folder). */
  settingsFor(path: string): Settings;
}

/**
 * Fields files are searched up to these roots, as an editor searches up to its workspace folder. `severity` (the
 * command line's --severity) wins over each folder's `webhookTemplates.severity`, which wins over the fields file's.
 */
export function createCliWorkspace(roots: readonly string[], locale: string, severity: SeverityChoices = {}): CliWorkspace {
  const folders = new WorkspaceFolders();
  folders.set(roots.map((root) => ({ uri: pathToUri(root), name: root })));
  const settingsOf = (folder: string): Settings => {
    const settings = folderSettings(folder);
    return { ...settings, severity: { ...settings.severity, ...severity } };
  };
  const byRoot = new Map(roots.map((root) => [pathToUri(root), settingsOf(root)]));
  const settingsFor = (path: string) => byRoot.get(folders.containing(pathToUri(path))?.uri ?? '') ?? settingsOf(dirname(path));
  const service = createTemplateService({ locale, scriptGlobs: (uri) => settingsFor(uriToPath(uri)).scriptFiles });
  return { service, registry: new FieldsRegistry(NO_OPEN_EDITORS, service, folders, new DiskFiles()), settingsFor };
}

/** The root for a single file: the working folder when the file is inside it, else the file's own folder. */
export function rootForFile(path: string, cwd: string): string {
  return relative(cwd, path).startsWith('..') ? dirname(path) : cwd;
}
