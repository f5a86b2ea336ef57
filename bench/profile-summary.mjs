// Summarises a .cpuprofile: top functions by self time, and self time by module (bundles mapped back through esbuild's `// path` comments).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { relative } from 'node:path';
import { repoRoot } from './core-check.mjs';

const bundleModules = new Map();

/** For a bundle, the source module of each line, from the `// node_modules/...` and `// server/src/...` comments esbuild writes. */
function modulesOfBundle(path) {
  if (!bundleModules.has(path)) {
    const starts = [];
    readFileSync(path, 'utf8').split('\n').forEach((line, index) => {
      const match = /^\/\/ (\S+\.(?:ts|js|mjs|cjs))$/.exec(line);
      if (match) starts.push([index, match[1]]);
    });
    bundleModules.set(path, starts);
  }
  return bundleModules.get(path);
}

function moduleOf(url, line) {
  if (!url) return '(native)';
  const path = url.startsWith('file:') ? fileURLToPath(url) : url;
  if (!path.startsWith('/')) return path;
  if (path.endsWith('/dist/server.js') || path.endsWith('/dist/cli.js')) {
    const starts = modulesOfBundle(path);
    let found = '(bundle)';
    for (const [start, name] of starts) if (start <= line) found = name; else break;
    return found;
  }
  return relative(repoRoot, path);
}

/** Collapses a module path to a package (`yaml`, `vscode-jsonrpc`) or keeps a source file. */
const packageOf = (module) => /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(module)?.[1] ?? module.replace(/^out\//, '');

export function summarise(path, top = 15) {
  const profile = JSON.parse(readFileSync(path, 'utf8'));
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const selfMs = new Map();
  profile.samples.forEach((id, i) => selfMs.set(id, (selfMs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000));
  const byFunction = new Map();
  const byModule = new Map();
  let total = 0;
  for (const [id, ms] of selfMs) {
    if (nodes.get(id).callFrame.functionName === '(idle)') continue;
    const frame = nodes.get(id).callFrame;
    const module = packageOf(moduleOf(frame.url, frame.lineNumber));
    const key = `${frame.functionName || '(anonymous)'}  [${module}]`;
    byFunction.set(key, (byFunction.get(key) ?? 0) + ms);
    byModule.set(module, (byModule.get(module) ?? 0) + ms);
    total += ms;
  }
  const ranked = (map) => [...map].sort((a, b) => b[1] - a[1]).slice(0, top).map(([name, ms]) => ({ name, ms: Math.round(ms), share: `${((100 * ms) / total).toFixed(1)}%` }));
  return { totalMs: Math.round(total), functions: ranked(byFunction), modules: ranked(byModule) };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const summary = summarise(process.argv[2], Number(process.argv[3] ?? 20));
  console.log(`total sampled: ${summary.totalMs} ms`);
  console.table(summary.functions);
  console.table(summary.modules);
}
