// Lists the template and fields files under a folder, skipping what no user edits (node_modules, dot folders).
import { readdirSync, statSync, type Dirent, type Stats } from 'node:fs';
import { join, relative } from 'node:path';
import { documentKindOf } from '../core';
import type { ExcludeTest } from './file-access';
import { isSkippedFolder } from './workspace-walk';

/** Every file under `root` whose name makes it a template or a fields file, in a stable order; excluded folders are not entered. */
export function findWorkspaceFiles(root: string, scriptGlobs: readonly string[] = [], excluded: ExcludeTest = () => false): string[] {
  const found: string[] = [];
  const pending = [root];
  while (pending.length > 0) {
    const dir = pending.pop()!;
    let entries: Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    } catch {
      continue;
    }
    for (const entry of entries) {
      const { name } = entry;
      const path = join(dir, name);
      if (excluded(relative(root, path).split('\\').join('/'), name)) continue;
      // The listing says what each entry is; only a symbolic link is followed to learn it.
      const kind = entry.isSymbolicLink() ? safeStat(path) : entry;
      if (kind?.isDirectory() && !isSkippedFolder(name)) pending.push(path);
      else if (kind?.isFile() && documentKindOf(path, scriptGlobs)) found.push(path);
    }
  }
  return found.sort();
}

function safeStat(path: string): Stats | undefined {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}
