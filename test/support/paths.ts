// Paths the tests need, valid both from test/ sources and from their transpiled copies in out/test/.
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

function findRepoRoot(from: string): string {
  let dir = from;
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`no package.json above ${from}`);
    dir = parent;
  }
  return dir;
}

export const repoRoot = findRepoRoot(resolve(__dirname));
export const fixturesDir = join(repoRoot, 'test', 'fixtures');
export const examplesDir = join(repoRoot, 'examples');
export const serverBundle = join(repoRoot, 'dist', 'server.js');
