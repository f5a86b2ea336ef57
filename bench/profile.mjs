// Profiles the worst figures: the core check in-process and the server during the keystroke test, both with node --cpu-prof.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from './core-check.mjs';
import { editingFiles, measureEditing } from './editing.mjs';
import { summarise } from './profile-summary.mjs';
import { SEED } from './settings.mjs';

function newestProfile(dir) {
  const files = readdirSync(dir).filter((name) => name.endsWith('.cpuprofile'));
  files.sort((a, b) => statSync(join(dir, b)).mtimeMs - statSync(join(dir, a)).mtimeMs);
  return files[0] && join(dir, files[0]);
}

function freshDir(dir) {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  return dir;
}

export function profileCore(outDir) {
  const dir = freshDir(join(outDir, 'core'));
  execFileSync(process.execPath, ['--cpu-prof', `--cpu-prof-dir=${dir}`, join(repoRoot, 'bench/profile-core.mjs')], { stdio: 'inherit' });
  return newestProfile(dir);
}

/** The same editing session as the bench (fewer edits), with the server under --cpu-prof. */
export async function profileServer(outDir, workDir) {
  const dir = freshDir(join(outDir, 'server'));
  const files = editingFiles(workDir, SEED + 1);
  const figures = await measureEditing(files, { edits: 15, budgetMs: 60000, requests: 100, nodeFlags: ['--cpu-prof', `--cpu-prof-dir=${dir}`] });
  return { profile: newestProfile(dir), figures };
}

export async function runProfiles(outDir, workDir) {
  const core = profileCore(outDir);
  const server = await profileServer(outDir, workDir);
  return { core: { profile: core, ...summarise(core) }, server: { profile: server.profile, ...summarise(server.profile), keystrokes: server.figures.keystrokes } };
}

function show(title, summary) {
  console.log(`\n${title}: ${summary.profile} (${summary.totalMs} ms sampled)`);
  console.table(summary.functions);
  console.table(summary.modules);
}

export function printProfiles(profiles) {
  show('Core check, self time', profiles.core);
  show('Server during keystrokes, self time', profiles.server);
}
