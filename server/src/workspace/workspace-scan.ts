// Lists the template and fields files of every workspace folder, leaving out what `files.exclude` hides.
import { globMatches } from '../core';
import type { FileAccess } from '../documents/file-access';
import type { SettingsCache } from '../settings/settings-cache';
import type { WorkspaceFolders } from './workspace-folders';

/** URIs of every template and fields file in the workspace, in a stable order. */
export async function listWorkspaceFiles(folders: WorkspaceFolders, settings: SettingsCache, scriptGlobs: (folderUri: string) => readonly string[], files: FileAccess): Promise<string[]> {
  const uris: string[] = [];
  for (const folder of folders.all()) {
    const globs = await settings.excludeGlobs(folder.uri);
    const excluded = (rel: string, name: string) => globs.some((glob) => globMatches(glob, rel, name));
    uris.push(...(await files.list(folder.uri, scriptGlobs(folder.uri), excluded)));
  }
  return [...new Set(uris)];
}
