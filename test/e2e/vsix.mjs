// Packages the extension with vsce and unzips the .vsix, so a test run loads exactly what users install.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** 1 MB, decimal: under it by vsce's count (KB of 1,024 bytes) and by anyone's. */
const MAX_VSIX_BYTES = 1_000_000;

/** Runs `npm run package`, unzips the result and answers the path of its `extension/` folder. */
export function unpackedVsix(repoRoot) {
  execFileSync('npm', ['run', '--silent', 'package'], { cwd: repoRoot, stdio: 'inherit' });
  const { name, version } = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8'));
  const vsix = join(repoRoot, `${name}-${version}.vsix`);
  const bytes = statSync(vsix).size;
  console.log(`${vsix}: ${(bytes / 1024).toFixed(0)} KB`);
  // Issue 19: the package, the browser's bundles included, stays under 1 MB.
  if (bytes >= MAX_VSIX_BYTES) throw new Error(`${vsix} is ${bytes} bytes, over ${MAX_VSIX_BYTES}: see what grew with \`unzip -lv\``);
  const target = mkdtempSync(join(tmpdir(), 'webhook-templates-vsix-'));
  // A .vsix is a zip file; Python's zipfile module is on every machine of this kind, unzip may not be.
  execFileSync('python3', ['-m', 'zipfile', '-e', vsix, target]);
  return join(target, 'extension');
}
