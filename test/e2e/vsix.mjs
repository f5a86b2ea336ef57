// Packages the extension with vsce and unzips the .vsix, so a test run loads exactly what users install.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Runs `npm run package`, unzips the result and answers the path of its `extension/` folder. */
export function unpackedVsix(repoRoot) {
  execFileSync('npm', ['run', '--silent', 'package'], { cwd: repoRoot, stdio: 'inherit' });
  const { name, version } = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8'));
  const vsix = join(repoRoot, `${name}-${version}.vsix`);
  console.log(`${vsix}: ${(statSync(vsix).size / 1024).toFixed(0)} KB`);
  const target = mkdtempSync(join(tmpdir(), 'webhook-templates-vsix-'));
  // A .vsix is a zip file; Python's zipfile module is on every machine of this kind, unzip may not be.
  execFileSync('python3', ['-m', 'zipfile', '-e', vsix, target]);
  return join(target, 'extension');
}
