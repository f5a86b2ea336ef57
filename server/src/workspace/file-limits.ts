// The size above which the server does not read a file (setting `webhookTemplates.maxFileSizeMB`), and the note it publishes instead.
import { statSync } from 'node:fs';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { DEFAULT_MAX_FILE_SIZE_MB } from '../settings/settings';
import type { SettingsCache } from '../settings/settings-cache';
import type { SingleEdit } from '../documents/single-edit';
import { type WorkspaceFolders } from './workspace-folders';
import { isFileUri, uriToPath } from '../documents/file-uris';
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
    const folder = this.folders.containing(uriToPath(uri));
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
    const removed = oldEnd > start ? Buffer.byteLength(document.getText({ start: document.positionAt(start), end: document.positionAt(oldEnd) }), 'utf8') : 0;
    this.counted.set(document, { version, bytes: known.bytes - removed + Buffer.byteLength(edit.text, 'utf8') });
  }

  private byteLength(document: TextDocument): number {
    const known = this.counted.get(document);
    if (known?.version === document.version) return known.bytes;
    const bytes = Buffer.byteLength(document.getText(), 'utf8');
    this.counted.set(document, { version: document.version, bytes });
    return bytes;
  }
}

/** The size of a file on disk in bytes, read without opening it; undefined when it is not a file. */
export function fileSize(uri: string): number | undefined {
  if (!isFileUri(uri)) return undefined;
  try {
    const stat = statSync(uriToPath(uri));
    return stat.isFile() ? stat.size : undefined;
  } catch {
    return undefined;
  }
}
