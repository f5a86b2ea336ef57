// Lists the template and fields files under a folder, skipping what no user edits (node_modules, dot folders).
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { documentKindOf } from '../core';
import type { ExcludeTest } from '../documents/file-access';
import { isSkippedFolder } from './workspace-walk';

/** Every file under `root` whose name makes it a template or a fields file, in a stable order; excluded folders are not entered. */
export function findWorkspaceFiles(root: string, scriptGlobs: readonly string[] = [], excluded: ExcludeTest = () => false): string[] {
  const found: string[] = [];
  const pending = [root];
  while (pending.length > 0) {
    const dir = pending.pop()!;
    let names: string[];
    try {
      names = readdirSync(dir).sort();
    } catch {
      continue;
    }
    for (const name of names) {
      const path = join(dir, name);
      if (excluded(relative(root, path).split('\\').join('/'), name)) continue;
      const stat = safeStat(path);
      if (stat?.isDirectory() && !isSkippedFolder(name)) pending.push(path);
      else if (stat?.isFile() && documentKindOf(path, scriptGlobs)) found.push(path);
    }
  }
  return found.sort();
}

function safeStat(path: string) {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}
