// Publishes diagnostics for open documents as they change, and for every file of the workspace in the background.
import type { Connection } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { closedDocument, type ServerContext } from '../context';
import { checkFieldsFile, checkTemplate } from '../workspace/check-document';
import { documentLength, isFieldsFileName, isFieldsKind, isTemplateKind, type L10n } from '../core';
import { traceReading } from '../documents/reading-trace';
import { listWorkspaceFiles } from '../workspace/workspace-scan';

export interface Checks {
  /** An open document changed: check it soon (a burst of edits is checked once). */
  schedule(uri: string): void;
  /** An open document was closed: its problems stay listed, now checked from disk. */
  closed(uri: string): void;
  /** A fields file changed: check again the templates that use it, open or not. */
  fieldsChanged(uri: string): void;
  /** The active profile changed: check every template again, the open ones first (receiver checks judge its values). */
  profileChanged(): void;
  /** A file changed on disk (created, edited elsewhere, deleted). */
  diskChanged(uri: string): void;
  /** Checks every file of the workspace in the background; a newer scan cancels an older one. */
  scanWorkspace(): Promise<void>;
  /** Resolves once a workspace scan has finished. */
  indexed(): Promise<void>;
}

const FIELDS_REPUBLISH_MS = 150;
/** An edit that comes this soon after its document's last check ended belongs to a burst sent at once. */
const BURST_MS = 1;
const CLOSED_RECHECK_MS = 300;

export function createChecks(context: ServerContext, scriptGlobs: (folderUri: string) => readonly string[]): Checks {
  const { connection, documents, service, indexing, publisher } = context;
  const pending = new Map<string, { cancel(): void }>();
  /** When each open document's last check ended: an edit that comes sooner is part of a burst. */
  const checkedAt = new Map<string, number>();
  const fieldsTimers = new Map<string, NodeJS.Timeout>();
  const closedTimers = new Map<string, NodeJS.Timeout>();
  const background = new BackgroundQueue((uri) => checkClosed(uri));
  let scanGeneration = 0;
  let scanned = false;
  let markIndexed: () => void = () => undefined;
  const indexedOnce = new Promise<void>((resolve) => (markIndexed = resolve));

  async function publishFields(uri: string): Promise<void> {
    const open = documents.get(uri);
    const excess = open ? context.limits.excessOf(open) : await context.files.settled(() => excessOnDisk(uri));
    if (excess) return publishTooLarge(uri, excess, open?.version);
    const settings = await context.settings.forResource(uri);
    const loaded = await context.files.settled(() => context.registry.load(uri));
    const checked = loaded && checkFieldsFile(context, loaded.document, settings, { unusedHints: scanned });
    // Its bot-variable values name fields too; a broken file keeps its last indexed uses.
    if (loaded?.result.model && checked) service.indexUsages(loaded.document, checked.fields);
    publisher.publish(uri, documents.get(uri)?.version, checked?.diagnostics ?? []);
  }

  /** Usage counts change with every template checked: the fields file's hints follow a little later, once. */
  function publishFieldsSoon(uri: string | undefined): void {
    if (!uri || fieldsTimers.has(uri)) return;
    fieldsTimers.set(uri, setTimeout(() => {
      fieldsTimers.delete(uri);
      publishFields(uri).catch((error) => logFailure(connection, uri, error));
    }, FIELDS_REPUBLISH_MS));
  }

  async function check(document: TextDocument, open: boolean): Promise<void> {
    const kind = kindOfDocument(document);
    const excess = kind && context.limits.excessOf(document);
    if (excess) return publishTooLarge(document.uri, excess, open ? document.version : undefined);
    if (kind === 'fields') return publishFields(document.uri);
    // Closed, and no template by its name on disk (its editor had the language set by hand): nothing to list.
    if (kind !== 'template') return open ? undefined : forget(document.uri);
    const settings = await context.settings.forResource(document.uri);
    const kept = service.readingOf(document.uri)?.version === document.version;
    const checked = await context.files.settled(() => checkTemplate(context, document, settings, { profile: context.activeProfile.name, noFieldsFileNote: open }));
    if (!kept && service.readingOf(document.uri)?.parse.kind === 'full') context.memory.readWhole(document.uri, documentLength(document));
    if (open && documents.get(document.uri)?.version !== document.version) return;
    if (!open && documents.get(document.uri)) return;
    if (open) traceReading(connection, context.service, document);
    publisher.publish(document.uri, open ? document.version : undefined, checked.diagnostics);
    const indexAndHint = () => {
      service.indexUsages(document, checked.fields);
      publishFieldsSoon(checked.fields.source?.uri);
    };
    // While typing, usages wait for a pause: keystrokes cost the edited step, not the whole document.
    if (open) return indexing.defer(document.uri, indexAndHint);
    indexAndHint();
    // A closed file leaves only its summaries (the usages indexed, the diagnostics sent), not its text or parse.
    service.forget(document.uri);
  }

  function excessOnDisk(uri: string): number | undefined {
    const size = context.files.size(uri);
    return size !== undefined && size > context.limits.maxBytes(uri) ? size : undefined;
  }

  /** One note instead of the file's problems; the file is not read further (no usages indexed from it). */
  async function publishTooLarge(uri: string, bytes: number, version: number | undefined): Promise<void> {
    dropUsages(uri);
    const { severity } = await context.settings.forResource(uri);
    publisher.publish(uri, version, service.tooLargeNote(context.registry.displayName(uri), bytes, context.limits.limitMB(uri), severity));
  }

  /** The size is asked before reading: a file over the limit is never read whole. */
  async function checkClosed(uri: string): Promise<void> {
    if (documents.get(uri)) return;
    const excess = await context.files.settled(() => excessOnDisk(uri));
    // Reading through the editor takes a round trip: a file opened meanwhile (an untitled name used again) is the
    // editor's now, and what was read of it must not replace its diagnostics.
    if (documents.get(uri)) return;
    if (excess) return publishTooLarge(uri, excess, undefined);
    const document = await context.files.settled(() => closedDocument(context, uri));
    if (documents.get(uri)) return;
    if (document) return check(document, false);
    forget(uri);
  }

  function dropUsages(uri: string): void {
    indexing.cancel(uri);
    service.dropUsages(uri);
  }

  function forget(uri: string): void {
    dropUsages(uri);
    publisher.publish(uri, undefined, []);
  }

  /**
   * A keystroke is checked at once. Edits that come faster than the checks end (many sent at once: each would
   * otherwise be checked in turn, as the protocol's messages are handled one at a time) wait until they stop.
   */
  function schedule(uri: string): void {
    pending.get(uri)?.cancel();
    const run = () => {
      pending.delete(uri);
      const document = documents.get(uri);
      if (document) check(document, true).catch((error) => logFailure(connection, uri, error)).finally(() => checkedAt.set(uri, performance.now()));
    };
    if (performance.now() - (checkedAt.get(uri) ?? -Infinity) < BURST_MS) {
      const timer = setTimeout(run, 1);
      pending.set(uri, { cancel: () => clearTimeout(timer) });
    } else {
      const immediate = setImmediate(run);
      pending.set(uri, { cancel: () => clearImmediate(immediate) });
    }
  }

  function scheduleOpenTemplates(): void {
    for (const document of documents.all()) if (kindOfDocument(document) === 'template') schedule(document.uri);
  }

  /** Open templates follow at once; closed ones in the background, once typing in the fields file pauses. */
  function fieldsChanged(uri: string): void {
    scheduleOpenTemplates();
    clearTimeout(closedTimers.get(uri));
    closedTimers.set(uri, setTimeout(() => {
      closedTimers.delete(uri);
      indexing.flush();
      for (const template of [...service.filesUsing(uri), ...service.filesUsing(undefined)]) if (template !== uri) background.add(template);
    }, CLOSED_RECHECK_MS));
    publishFieldsSoon(uri);
  }

  function profileChanged(): void {
    scheduleOpenTemplates();
    indexing.flush();
    for (const uri of service.indexedFiles()) if (!documents.get(uri) && !isFieldsFileName(uri)) background.add(uri);
  }

  async function scanWorkspace(): Promise<void> {
    const generation = ++scanGeneration;
    const uris = await listWorkspaceFiles(context.folders, context.settings, scriptGlobs, context.files);
    const progress = await startProgress(connection, uris.length, service.l10n);
    await context.settings.prefetch(uris.filter((uri) => !documents.get(uri)));
    for (const [done, uri] of uris.entries()) {
      if (generation !== scanGeneration) return progress.done();
      if (!documents.get(uri)) await checkClosed(uri).catch((error) => logFailure(connection, uri, error));
      if (done % 25 === 0) progress.report(done, uris.length);
      await yieldToRequests();
    }
    progress.done();
    scanned = true;
    for (const uri of uris) if (isFieldsFileName(uri)) publishFieldsSoon(uri);
    markIndexed();
  }

  function kindOfDocument(document: TextDocument): 'template' | 'fields' | undefined {
    const kind = service.kindOf(document);
    return isTemplateKind(kind) ? 'template' : isFieldsKind(kind) ? 'fields' : undefined;
  }

  return {
    schedule,
    closed: (uri) => {
      checkedAt.delete(uri);
      background.add(uri);
    },
    fieldsChanged,
    profileChanged,
    diskChanged: (uri) => background.add(uri),
    scanWorkspace,
    indexed: () => indexedOnce,
  };
}

function yieldToRequests(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

function logFailure(connection: Connection, uri: string, error: unknown): void {
  connection.console.error(`Checking ${uri} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
}

/** Files to check from disk, one at a time between other work, each once however often it is added. */
class BackgroundQueue {
  private readonly waiting = new Set<string>();
  private running = false;

  constructor(private readonly work: (uri: string) => Promise<void>) {}

  add(uri: string): void {
    this.waiting.add(uri);
    if (!this.running) void this.drain();
  }

  private async drain(): Promise<void> {
    this.running = true;
    while (this.waiting.size > 0) {
      const [uri] = this.waiting;
      this.waiting.delete(uri);
      await this.work(uri).catch(() => undefined);
      await yieldToRequests();
    }
    this.running = false;
  }
}

interface Progress {
  report(done: number, total: number): void;
  done(): void;
}

async function startProgress(connection: Connection, total: number, l10n: L10n): Promise<Progress> {
  try {
    const progress = await connection.window.createWorkDoneProgress();
    progress.begin(l10n.t('Checking webhook templates'), 0, l10n.count('{0} file|{0} files', total), false);
    return {
      report: (done, all) => progress.report(Math.round((done / Math.max(all, 1)) * 100), l10n.t('{0}/{1} files', done, all)),
      done: () => progress.done(),
    };
  } catch {
    return { report: () => undefined, done: () => undefined };
  }
}

