// Files asked of the editor, for a server with no file system of its own (a browser's web worker) or for folders that
// are not on disk. What the editor answered is kept; a read of a file not known yet answers "nothing there" for now
// and asks for it, batched with the other misses; `settled` runs a computation again once its misses have arrived.
// Watched-file events (`changed`) make it forget.
import { TextDocument } from 'vscode-languageserver-textdocument';
import { URI, Utils } from 'vscode-uri';
import type { FileKind, FileReadAnswer } from '../protocol';
import type { ExcludeTest, FileAccess } from './file-access';
import { parentOf } from './uri-paths';
import { walkFolder } from './workspace-walk';

/** What the editor answers (editor-file-system.ts asks it over the connection; tests answer from memory). */
export interface EditorFileSystem {
  stat(uris: string[]): Promise<(number | null)[]>;
  read(files: { uri: string; maxBytes?: number }[]): Promise<(FileReadAnswer | null)[]>;
  readDirectory(uri: string): Promise<[string, FileKind][] | null>;
}

/** A file known to be there (its size once asked, its text once read) or known not to be. */
type Known = { kind: 'absent' } | { kind: 'file'; size?: number; document?: TextDocument };

/** What a miss asks for: the size only, or the text up to a size. */
type Want = 'stat' | number;

/** Runs of a computation before its answer is taken as it is (a fields file found, then read, then its text parsed). */
const MAX_ROUNDS = 5;
/** Files asked in one request. */
const BATCH = 200;
/** Characters of text kept, oldest read first out (the editor is asked again when one is needed). */
const TEXT_BUDGET = 16 * 1024 * 1024;

export class ClientFiles implements FileAccess {
  private readonly known = new Map<string, Known>();
  /** Folders whose every entry is known: a name not among them is not there, without asking. */
  private readonly listings = new Map<string, Map<string, FileKind>>();
  private readonly wanted = new Map<string, Want>();
  private readonly inFlight = new Map<string, Want>();
  /** When each file was last said to have changed, on one counter: an answer asked for before that is dropped. */
  private readonly changedAt = new Map<string, number>();
  private clock = 0;
  private readonly texts = new Map<string, number>();
  private textLength = 0;
  private versions = 0;
  private recording: Set<string> | undefined;
  private fetching: Promise<void> | undefined;
  private readonly listeners: ((uris: readonly string[]) => void)[] = [];

  constructor(private readonly editor: EditorFileSystem) {}

  exists(uri: string): boolean {
    const known = this.knownOf(uri);
    if (!known) this.want(uri, 'stat');
    return known?.kind === 'file';
  }

  size(uri: string): number | undefined {
    const known = this.knownOf(uri);
    if (known?.kind === 'absent') return undefined;
    if (known?.size !== undefined) return known.size;
    this.want(uri, 'stat');
    return undefined;
  }

  read(uri: string, maxBytes = Infinity): TextDocument | undefined {
    const known = this.knownOf(uri);
    if (known?.kind === 'absent' || (known?.size !== undefined && known.size > maxBytes)) return undefined;
    if (known?.document) {
      this.touchText(uri, known.document);
      return known.document;
    }
    this.want(uri, maxBytes);
    return undefined;
  }

  list(folderUri: string, scriptGlobs: readonly string[], excluded: ExcludeTest): Promise<string[]> {
    return walkFolder(folderUri, (uri) => this.readDirectory(uri), scriptGlobs, excluded);
  }

  async settled<T>(compute: () => T): Promise<T> {
    for (let round = 1; ; round++) {
      const missed = new Set<string>();
      this.recording = missed;
      let result: T;
      try {
        result = compute();
      } finally {
        this.recording = undefined;
      }
      if (missed.size === 0 || round === MAX_ROUNDS) return result;
      await this.fetchWanted();
    }
  }

  changed(uris: readonly string[]): void {
    this.clock++;
    for (const uri of uris) {
      this.forgetText(uri);
      this.known.delete(uri);
      this.listings.delete(uri);
      this.listings.delete(parentOf(uri));
      this.changedAt.set(uri, this.clock);
    }
  }

  onDidArrive(listener: (uris: readonly string[]) => void): void {
    this.listeners.push(listener);
  }

  /** What is known of a file: asked before, or named (or not) in its folder's listing. */
  private knownOf(uri: string): Known | undefined {
    const known = this.known.get(uri);
    if (known) return known;
    const listing = this.listings.get(parentOf(uri));
    if (!listing) return undefined;
    return listing.get(Utils.basename(URI.parse(uri))) === 'file' ? { kind: 'file' } : { kind: 'absent' };
  }

  private want(uri: string, what: Want): void {
    this.recording?.add(uri);
    if (covers(this.inFlight.get(uri), what)) return;
    this.wanted.set(uri, wider(this.wanted.get(uri), what));
    void this.fetchWanted();
  }

  /** Asks for everything wanted, in batches, until nothing is left; one loop at a time, shared by every waiter. */
  private fetchWanted(): Promise<void> {
    this.fetching ??= (async () => {
      // The computation that missed goes on asking first: its misses go out together.
      await Promise.resolve();
      try {
        while (this.wanted.size > 0) await this.fetchBatch();
      } finally {
        this.fetching = undefined;
      }
    })();
    return this.fetching;
  }

  private async fetchBatch(): Promise<void> {
    const batch = [...this.wanted].slice(0, BATCH);
    for (const [uri, what] of batch) {
      this.wanted.delete(uri);
      this.inFlight.set(uri, what);
    }
    const askedAt = this.clock;
    const stats = batch.filter(([, what]) => what === 'stat').map(([uri]) => uri);
    const reads = batch.filter((entry): entry is [string, number] => entry[1] !== 'stat');
    const [sizes, answers] = await Promise.all([
      stats.length > 0 ? this.editor.stat(stats).catch(() => []) : [],
      reads.length > 0 ? this.editor.read(reads.map(([uri, max]) => (max === Infinity ? { uri } : { uri, maxBytes: max }))).catch(() => []) : [],
    ]);
    const arrived: string[] = [];
    stats.forEach((uri, i) => this.store(uri, askedAt, sizes[i] ?? null, arrived));
    reads.forEach(([uri], i) => this.store(uri, askedAt, answers[i] ?? null, arrived));
    for (const [uri] of batch) this.inFlight.delete(uri);
    if (arrived.length > 0) for (const listener of this.listeners) listener(arrived);
  }

  /** Keeps an answer, unless the file changed since it was asked for (then it is asked again when next read). */
  private store(uri: string, askedAt: number, answer: number | FileReadAnswer | null, arrived: string[]): void {
    if ((this.changedAt.get(uri) ?? 0) > askedAt) return;
    this.forgetText(uri);
    if (answer === null) this.known.set(uri, { kind: 'absent' });
    else if (typeof answer === 'number') this.known.set(uri, { kind: 'file', size: answer });
    else {
      const document = answer.text === undefined ? undefined : TextDocument.create(uri, 'plaintext', -++this.versions, answer.text);
      this.known.set(uri, { kind: 'file', size: answer.size, document });
      if (document) this.touchText(uri, document);
    }
    arrived.push(uri);
  }

  private async readDirectory(uri: string): Promise<[string, FileKind][] | undefined> {
    const askedAt = this.clock;
    const entries = await this.editor.readDirectory(uri).catch(() => null);
    if (!entries) return undefined;
    if ((this.changedAt.get(uri) ?? 0) <= askedAt) this.listings.set(uri, new Map(entries));
    return entries;
  }

  /** Texts are kept up to a budget, the least recently read dropped first (their sizes stay known). */
  private touchText(uri: string, document: TextDocument): void {
    this.forgetText(uri);
    const length = document.getText().length;
    this.texts.set(uri, length);
    this.textLength += length;
    for (const [oldest, oldLength] of this.texts) {
      if (this.textLength <= TEXT_BUDGET || oldest === uri) break;
      this.texts.delete(oldest);
      this.textLength -= oldLength;
      const known = this.known.get(oldest);
      if (known?.kind === 'file') known.document = undefined;
    }
  }

  private forgetText(uri: string): void {
    const length = this.texts.get(uri);
    if (length === undefined) return;
    this.texts.delete(uri);
    this.textLength -= length;
  }
}

/** Whether an ask already on its way answers this one too. */
function covers(asked: Want | undefined, what: Want): boolean {
  if (asked === undefined) return false;
  if (what === 'stat') return true;
  return asked !== 'stat' && asked >= what;
}

function wider(had: Want | undefined, what: Want): Want {
  if (had === undefined || had === 'stat') return what;
  return what === 'stat' ? had : Math.max(had, what);
}
