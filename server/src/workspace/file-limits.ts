// The size above which the server does not read a file (setting `webhookTemplates.maxFileSizeMB`), and the note it publishes instead.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { DEFAULT_MAX_FILE_SIZE_MB } from '../settings/settings';
import type { SettingsCache } from '../settings/settings-cache';
import type { SingleEdit } from '../documents/single-edit';
import { type WorkspaceFolders } from './workspace-folders';
import { documentLength } from '../core';

const MB = 1024 * 1024;

/** The limit of each workspace folder, read when the settings are (re)loaded, so every check can ask it at once. */
export class FileLimits {
  private readonly byFolder = new Map<string, number>();

  constructor(private readonly folders: WorkspaceFolders) {}

  async reload(settings: SettingsCache): Promise<void> {
    this.byFolder.clear();
    for (const folder of this.folders.all()) this.byFolder.set(folder.uri, (await settings.forResource(folder.uri)).maxFileSizeMB);
  }

  limitMB(uri: string): number {
    const folder = this.folders.containing(uri);
    return (folder && this.byFolder.get(folder.uri)) ?? DEFAULT_MAX_FILE_SIZE_MB;
  }

  maxBytes(uri: string): number {
    return this.limitMB(uri) * MB;
  }

  /** The size of an open document over the limit, in bytes; undefined when it is within it. */
  excessOf(document: TextDocument): number | undefined {
    const max = this.maxBytes(document.uri);
    // A UTF-16 unit is at most 3 UTF-8 bytes: most documents are decided without counting.
    if (documentLength(document) * 3 <= max) return undefined;
    const bytes = this.byteLength(document);
    return bytes > max ? bytes : undefined;
  }

  /** Counted once per version: every feature asks, and a large document costs milliseconds to count. */
  private readonly counted = new WeakMap<TextDocument, { version: number; bytes: number }>();

  /** Before an edit is applied: a counted size follows a single replacement without counting the text again. */
  noteEdit(document: TextDocument, edit: SingleEdit | undefined, version: number): void {
    const known = this.counted.get(document);
    if (known?.version !== document.version || !edit) return;
    const { start, oldEnd } = edit.change;
    const removed = oldEnd > start ? utf8Length(document.getText({ start: document.positionAt(start), end: document.positionAt(oldEnd) })) : 0;
    this.counted.set(document, { version, bytes: known.bytes - removed + utf8Length(edit.text) });
  }

  private byteLength(document: TextDocument): number {
    const known = this.counted.get(document);
    if (known?.version === document.version) return known.bytes;
    const bytes = utf8Length(document.getText());
    this.counted.set(document, { version: document.version, bytes });
    return bytes;
  }
}

/**
 * The UTF-8 length of a text, counted without encoding it (no Buffer in a web worker): a character below U+0080 is one
 * byte, below U+0800 two, a surrogate pair four, anything else three (a lone surrogate too: it is written as U+FFFD).
 */
export function utf8Length(text: string): number {
  let bytes = text.length;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit < 0x80) continue;
    if (unit < 0x800) bytes += 1;
    else if (unit >= 0xd800 && unit <= 0xdbff && isLowSurrogate(text.charCodeAt(i + 1))) {
      bytes += 2;
      i++;
    } else bytes += 2;
  }
  return bytes;
}

function isLowSurrogate(unit: number): boolean {
  return unit >= 0xdc00 && unit <= 0xdfff;
}
