// `check --fix` and `--fix-dry-run`: applies the core's safe fixes to a file's text until none is left, writes only
// the files that changed (a temporary file renamed over the original, never over a file changed meanwhile), and
// writes a unified diff of what would change.
import { readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic, TextEdit } from 'vscode-languageserver-types';

/** A fix applied, where its problem stood in the text it was applied to. */
export interface AppliedFix {
  line: number;
  column: number;
  code: string;
  title: string;
}

export interface FixedText {
  text: string;
  fixes: AppliedFix[];
}

/** One round: the document's problems and its safe fixes, as the check host finds them. */
export type FixRound = (document: TextDocument) => { diagnostics: Diagnostic[]; fixes: { diagnostic: Diagnostic; title: string; edits: TextEdit[] }[] };

/** Rounds after which fixing stops, however many fixes are left (a fix that undid another would loop). */
const MAX_ROUNDS = 10;

/** Applies safe fixes round after round until a round finds none; the last text has none left to apply. */
export function fixText(uri: string, text: string, round: FixRound): FixedText {
  let current = text;
  const fixes: AppliedFix[] = [];
  for (let version = 1; version <= MAX_ROUNDS; version++) {
    const document = TextDocument.create(uri, 'plaintext', version, current);
    const found = round(document).fixes;
    if (found.length === 0) break;
    for (const fix of found) {
      const { line, character } = fix.diagnostic.range.start;
      fixes.push({ line: line + 1, column: character + 1, code: String(fix.diagnostic.code ?? ''), title: fix.title });
    }
    current = TextDocument.applyEdits(document, found.flatMap((fix) => fix.edits));
  }
  return { text: current, fixes };
}

/**
 * Replaces a file's text, unless it changed on disk since `before` was read: writes a temporary file beside it (same
 * folder, same mode) and renames it over the file, so a failure leaves either the old text or the new, never a half.
 */
export function writeAtomically(path: string, before: string, after: string): 'written' | 'changed-meanwhile' {
  if (readFileSync(path, 'utf8') !== before) return 'changed-meanwhile';
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.webhook-templates-fix`);
  try {
    writeFileSync(temporary, after, { encoding: 'utf8', mode: statSync(path).mode, flag: 'wx' });
    renameSync(temporary, path);
  } catch (error) {
    try {
      unlinkSync(temporary);
    } catch {
      // Nothing was left behind.
    }
    throw error;
  }
  return 'written';
}

const CONTEXT_LINES = 3;

function linesOf(text: string): string[] {
  const lines = text.split(/(?<=\r\n|\r|\n)/);
  return lines.length > 0 && lines[lines.length - 1] === '' ? lines.slice(0, -1) : lines;
}

/** A line as a diff shows it: its line break left out, and a marker when the file ends without one. */
function shown(prefix: string, line: string): string {
  const bare = line.replace(/\r\n$|\r$|\n$/, '');
  return bare === line ? `${prefix}${line}\n\\ No newline at end of file\n` : `${prefix}${bare}\n`;
}

/**
 * A unified diff of two versions of a file, paths `a/…` and `b/…` as git writes them. Safe fixes replace text within
 * a line, so the two versions have the same lines and differ line by line; should they not, one hunk holds all.
 */
export function unifiedDiff(path: string, before: string, after: string): string {
  if (before === after) return '';
  const old = linesOf(before);
  const now = linesOf(after);
  const hunks = old.length === now.length ? changedBlocks(old, now) : [{ from: 0, to: Math.max(old.length, now.length) }];
  const header = `--- a/${path}\n+++ b/${path}\n`;
  return header + hunks.map((hunk) => hunkText(old, now, hunk.from, hunk.to, old.length === now.length)).join('');
}

/** Runs of changed lines, each widened by the context around it and merged with the next when they touch. */
function changedBlocks(old: string[], now: string[]): { from: number; to: number }[] {
  const blocks: { from: number; to: number }[] = [];
  for (let i = 0; i < old.length; i++) {
    if (old[i] === now[i]) continue;
    const from = Math.max(0, i - CONTEXT_LINES);
    const to = Math.min(old.length, i + 1 + CONTEXT_LINES);
    const last = blocks[blocks.length - 1];
    if (last && from <= last.to) last.to = to;
    else blocks.push({ from, to });
  }
  return blocks;
}

function hunkText(old: string[], now: string[], from: number, to: number, lineByLine: boolean): string {
  if (!lineByLine) {
    const removed = old.map((line) => shown('-', line)).join('');
    const added = now.map((line) => shown('+', line)).join('');
    return `@@ -1,${old.length} +1,${now.length} @@\n${removed}${added}`;
  }
  let body = '';
  for (let i = from; i < to; ) {
    if (old[i] === now[i]) {
      body += shown(' ', old[i++]);
      continue;
    }
    let end = i;
    while (end < to && old[end] !== now[end]) end++;
    body += old.slice(i, end).map((line) => shown('-', line)).join('') + now.slice(i, end).map((line) => shown('+', line)).join('');
    i = end;
  }
  return `@@ -${from + 1},${to - from} +${from + 1},${to - from} @@\n${body}`;
}
