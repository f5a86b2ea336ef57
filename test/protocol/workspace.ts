// Temporary workspaces for protocol tests, and small helpers to find positions and apply edits in their text.
import { cpSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Position, Range, TextEdit } from 'vscode-languageserver-protocol';
import { examplesDir } from '../support/paths';

function newTempDir(): string {
  return realpathSync(mkdtempSync(join(tmpdir(), 'wt-protocol-')));
}

/** A fresh copy of examples/ in the temp dir. */
export function copyExamples(): string {
  const dir = newTempDir();
  cpSync(examplesDir, dir, { recursive: true });
  return dir;
}

/** A fresh workspace holding the given files (relative path → text). */
export function makeWorkspace(files: Record<string, string>): string {
  const dir = newTempDir();
  for (const [path, text] of Object.entries(files)) writeFile(dir, path, text);
  return dir;
}

export function writeFile(root: string, path: string, text: string): string {
  const full = join(root, path);
  mkdirSync(dirname(full), { recursive: true });
  writeFileSync(full, text);
  return full;
}

export function readText(root: string, path: string): string {
  return readFileSync(join(root, path), 'utf8');
}

export function removeWorkspace(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

/** The position of the `occurrence`-th (from 0) match of `needle`, moved `delta` characters into it. */
export function positionOf(text: string, needle: string, delta = 0, occurrence = 0): Position {
  let offset = -1;
  for (let seen = 0; seen <= occurrence; seen++) {
    offset = text.indexOf(needle, offset + 1);
    if (offset < 0) throw new Error(`"${needle}" (occurrence ${occurrence}) not in the text`);
  }
  return TextDocument.create('file:///x', 'plaintext', 0, text).positionAt(offset + delta);
}

/** The range a needle covers in the text. */
export function rangeOf(text: string, needle: string, occurrence = 0): Range {
  const start = positionOf(text, needle, 0, occurrence);
  return { start, end: { line: start.line, character: start.character + needle.length } };
}

export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  return TextDocument.applyEdits(TextDocument.create('file:///x', 'plaintext', 0, text), [...edits]);
}

export function lineAt(text: string, line: number): string {
  return text.split(/\r?\n/)[line];
}
