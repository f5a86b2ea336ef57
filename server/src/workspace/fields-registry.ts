// Finds the fields file of each template and keeps its last good definitions; open editors win over disk.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { FIELDS_FILE_NAMES, type FieldsContext, type FieldsParseResult, type FieldsSource, type TemplateService } from '../core';
import type { FileAccess } from '../documents/file-access';
import { childOf, isInside, parentOf, relativeTo, resolveFrom, shownLocation } from '../documents/uri-paths';
import { receiverTablesOf, type Settings } from '../settings/settings';
import { type WorkspaceFolders } from './workspace-folders';

/** The open editors, when there are any (the CLI has none). */
export interface OpenDocuments {
  get(uri: string): TextDocument | undefined;
}

interface LoadedFields {
  document: TextDocument;
  /** The text parsed; an open document changes in place, so its text is kept apart to notice edits. */
  text: string;
  result: FieldsParseResult;
  /** The newest source that parsed; kept while the file is broken. */
  lastGood?: FieldsSource;
  /** Read from an editor (follows its edits) rather than from disk (kept until invalidated). */
  open: boolean;
  /** The disk may have changed since it was read. */
  stale: boolean;
}

export class FieldsRegistry {
  private readonly loaded = new Map<string, LoadedFields>();
  private readonly lookups = new Map<string, string | null>();

  constructor(
    private readonly documents: OpenDocuments,
    private readonly service: TemplateService,
    private readonly folders: WorkspaceFolders,
    /** Where files no editor has open are read: the disk, or in a browser the editor's file system. */
    private readonly files: FileAccess,
    /** Files on disk larger than this are not read (then, as for a missing file, only built-in keys are known). */
    private readonly maxBytes: (uri: string) => number = () => Infinity,
  ) {}

  /** The fields file a template is checked against, with the last good definitions of it. */
  contextFor(templateUri: string, settings: Settings): FieldsContext {
    const place = this.placeOf(templateUri);
    // An untitled editor with no folder open has nowhere to look: built-in keys only.
    if (!place) return { receivers: receiverTablesOf(settings), severity: settings.severity };
    const { dir, root } = place;
    const fieldsUri = settings.fieldsFile ? resolveFrom(root, settings.fieldsFile) : this.search(dir, root);
    const suggestedUri = childOf(root, FIELDS_FILE_NAMES[0]);
    const loaded = fieldsUri ? this.load(fieldsUri) : undefined;
    return { source: loaded?.lastGood, suggestedUri, receivers: receiverTablesOf(settings), severity: settings.severity };
  }

  /** The loaded state of a fields file: the open editor's text, else the disk's, read once until invalidated. */
  load(uri: string): LoadedFields | undefined {
    const open = this.documents.get(uri);
    const previous = this.loaded.get(uri);
    if (!open && previous && !previous.open && !previous.stale) return previous;
    const document = open ?? this.files.read(uri, this.maxBytes(uri));
    if (!document) {
      this.loaded.delete(uri);
      return undefined;
    }
    const text = document.getText();
    if (previous?.text === text) {
      Object.assign(previous, { open: open !== undefined, stale: false });
      return previous;
    }
    // Whatever its name: the setting `webhookTemplates.fieldsFile` may name any file.
    const result = this.service.parseFields(document, true) ?? { model: undefined, problems: [] };
    const lastGood = result.model ? this.sourceOf(document, result) : previous?.lastGood;
    const entry = { document, text, result, lastGood, open: open !== undefined, stale: false };
    this.loaded.set(uri, entry);
    return entry;
  }

  /** The file `webhookTemplates.fieldsFile` names for a template when nothing is there to read (no editor, no file). */
  missingSettingFile(templateUri: string, settings: Settings): string | undefined {
    const place = this.placeOf(templateUri);
    if (!settings.fieldsFile || !place) return undefined;
    const uri = resolveFrom(place.root, settings.fieldsFile);
    return this.documents.get(uri) || this.files.exists(uri) ? undefined : this.displayName(uri);
  }

  /**
   * Where the search for a template's fields file went up to, said for the user, when it found none and the setting
   * names none; undefined when there is one (or, for an untitled editor with no folder open, nowhere to look).
   */
  searchedInVain(templateUri: string, settings: Settings): string | undefined {
    const place = this.placeOf(templateUri);
    if (!place || settings.fieldsFile || this.search(place.dir, place.root)) return undefined;
    return this.folders.containing(place.root)?.name ?? shownLocation(place.root);
  }

  displayName(uri: string): string {
    const folder = this.folders.containing(uri);
    return (folder && relativeTo(folder.uri, uri)) || shownLocation(uri);
  }

  /** Forget the disk state of a file (changed on disk, created, deleted, or its editor closed). */
  invalidate(uri: string): void {
    const entry = this.loaded.get(uri);
    if (entry) entry.stale = true;
    this.lookups.clear();
  }

  invalidateAll(): void {
    for (const uri of this.loaded.keys()) this.invalidate(uri);
    this.lookups.clear();
  }

  private sourceOf(document: TextDocument, result: FieldsParseResult): FieldsSource {
    const format = document.uri.endsWith('.json') ? 'json' : 'yaml';
    return { uri: document.uri, displayName: this.displayName(document.uri), model: result.model!, text: document.getText(), format };
  }

  /**
   * The folder a template is in and the root its fields file is searched up to. A document that is not a file
   * (an untitled editor) belongs to the first workspace folder, as a new file saved there would.
   */
  private placeOf(templateUri: string): { dir: string; root: string } | undefined {
    if (!this.folders.isFile(templateUri)) {
      const [first] = this.folders.all();
      return first && { dir: first.uri, root: first.uri };
    }
    const dir = parentOf(templateUri);
    return { dir, root: this.folders.containing(templateUri)?.uri ?? dir };
  }

  /** Walks up from a folder to the root, nearest fields file first. */
  private search(from: string, root: string): string | undefined {
    let dir = from;
    for (;;) {
      const found = this.lookupIn(dir);
      if (found) return found;
      const parent = parentOf(dir);
      if (dir === root || parent === dir || !isInside(parent, root)) return undefined;
      dir = parent;
    }
  }

  private lookupIn(dir: string): string | undefined {
    for (const name of FIELDS_FILE_NAMES) {
      const uri = childOf(dir, name);
      if (this.documents.get(uri)) return uri;
    }
    let found = this.lookups.get(dir);
    if (found === undefined) {
      const name = FIELDS_FILE_NAMES.find((candidate) => this.files.exists(childOf(dir, candidate)));
      found = name ? childOf(dir, name) : null;
      this.lookups.set(dir, found);
    }
    return found ?? undefined;
  }
}
