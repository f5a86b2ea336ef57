// What the workspace scan enters and keeps, in one place for both walks: the disk's (workspace-files.ts, for the
// desktop server and the command line) and the one over URIs (`walkFolder`, for a browser, through the editor).
import { documentKindOf } from '../core';
import type { ExcludeTest } from './file-access';
import { childOf } from './uri-paths';

const SKIPPED_FOLDERS = new Set(['node_modules', 'dist', 'out']);

/** Folders no user edits templates in: dependencies, build output, dot folders (.git, .vscode). */
export function isSkippedFolder(name: string): boolean {
  return SKIPPED_FOLDERS.has(name) || name.startsWith('.');
}

/** A folder's entries as a file system lists them; undefined when it cannot be read. */
export type DirectoryReader = (uri: string) => Promise<readonly (readonly [name: string, kind: 'file' | 'directory'])[] | undefined>;

/** Every file under `root` whose name makes it a template or a fields file, in a stable order; excluded folders are not entered. */
export async function walkFolder(root: string, readDirectory: DirectoryReader, scriptGlobs: readonly string[], excluded: ExcludeTest): Promise<string[]> {
  const found: string[] = [];
  const pending: { uri: string; relative: string }[] = [{ uri: root, relative: '' }];
  while (pending.length > 0) {
    const dir = pending.pop()!;
    const entries = [...((await readDirectory(dir.uri)) ?? [])].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    for (const [name, kind] of entries) {
      const relative = dir.relative ? `${dir.relative}/${name}` : name;
      if (excluded(relative, name)) continue;
      if (kind === 'directory' && !isSkippedFolder(name)) pending.push({ uri: childOf(dir.uri, name), relative });
      else if (kind === 'file' && documentKindOf(childOf(dir.uri, name), scriptGlobs)) found.push(childOf(dir.uri, name));
    }
  }
  return found.sort();
}
