// Lists the template and fields files of every workspace folder, leaving out what `files.exclude` hides.
import type { ServerContext } from '../context';
import { globMatches } from '../core';
import { findWorkspaceFiles } from './workspace-files';
import { pathToUri } from './workspace-folders';

async function excludeGlobs(context: ServerContext, folderUri: string): Promise<string[]> {
  if (!context.settings.supported) return [];
  try {
    const excluded = (await context.connection.workspace.getConfiguration({ scopeUri: folderUri, section: 'files.exclude' })) as Record<string, unknown> | null;
    return Object.entries(excluded ?? {}).filter(([, on]) => on === true).map(([glob]) => glob);
  } catch {
    return [];
  }
}

/** URIs of every template and fields file in the workspace, in a stable order. */
export async function listWorkspaceFiles(context: ServerContext, scriptGlobs: (folderUri: string) => readonly string[]): Promise<string[]> {
  const uris: string[] = [];
  for (const folder of context.folders.all()) {
    const globs = await excludeGlobs(context, folder.uri);
    const excluded = (rel: string, name: string) => globs.some((glob) => globMatches(glob, rel, name));
    for (const path of findWorkspaceFiles(folder.path, scriptGlobs(folder.uri), excluded)) uris.push(pathToUri(path));
  }
  return [...new Set(uris)];
}
