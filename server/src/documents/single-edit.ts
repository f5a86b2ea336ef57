// An editor's change list read as one plain replacement: what incremental re-reads and size counting can follow.
import type { TextDocument, TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';
import type { TextChange } from '../core';

export interface SingleEdit {
  /** The replaced offsets in the text before the edit. */
  change: TextChange;
  /** The text put in their place. */
  text: string;
}

/** The one replacement of `changes` in offsets of `document` before it; undefined for whole-text or several changes. */
export function singleEdit(document: TextDocument, changes: readonly TextDocumentContentChangeEvent[]): SingleEdit | undefined {
  const [only] = changes;
  if (changes.length !== 1 || !('range' in only)) return undefined;
  const start = document.offsetAt(only.range.start);
  const oldEnd = document.offsetAt(only.range.end);
  return { change: { start, oldEnd, delta: only.text.length - (oldEnd - start) }, text: only.text };
}
