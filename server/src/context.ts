// What every feature of the server shares: the connection, open documents, the core service and the workspace state.
import type { Connection, TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { isFieldsKind, type Environment, type FieldsContext, type TemplateService, type WorkspaceTexts } from './core';
import type { DeferredIndexing } from './workspace/deferred-indexing';
import type { FileAccess } from './documents/file-access';
import type { PieceDocument } from './documents/piece-document';
import type { DiagnosticsPublisher } from './diagnostics-publisher';
import type { FileLimits } from './workspace/file-limits';
import type { FieldsRegistry } from './workspace/fields-registry';
import type { SettingsCache } from './settings/settings-cache';
import type { WorkspaceFolders } from './workspace/workspace-folders';

/** What the host the server runs in hands it: Node.js (dist/server.js) or a browser's web worker (dist/web/server.js). */
export interface ServerHost {
  /** Files no editor has open: the disk, or the editor's file system asked over the connection. */
  files: FileAccess;
  /** Where `${env:NAME}` profile values are read: the process's environment; a browser has none. */
  env: Environment;
  /**
   * What follows a large document's whole read: in Node.js a garbage collection (documents/memory-after-reads.ts,
   * which needs node:v8); a web worker has none to ask for, and goes without.
   */
  memoryAfterReads?: (trace: (message: string) => void) => AfterReads;
}

/** Told of each document read whole. */
export interface AfterReads {
  readWhole(uri: string, length: number): void;
}

export interface ServerContext extends ServerHost {
  connection: Connection;
  /** Every open document, whatever its size: for knowing what is open. */
  documents: TextDocuments<PieceDocument>;
  /**
   * The open document a request is about, or undefined when it is not open or is over the size limit: the one
   * lookup every handler uses, so no feature reads a document the limit keeps out.
   */
  openDocument(uri: string): TextDocument | undefined;
  service: TemplateService;
  /** Sends diagnostics, leaving out a set equal to the one the editor was last sent for the document. */
  publisher: DiagnosticsPublisher;
  registry: FieldsRegistry;
  settings: SettingsCache;
  folders: WorkspaceFolders;
  /** Usages of open documents wait here while they are typed in; flush it before reading the service's usage index. */
  indexing: DeferredIndexing;
  /** The size above which a file is not read (per workspace folder). */
  limits: FileLimits;
  /** Told of each document read whole, it gives a large read's memory back once the read is over. */
  memory: AfterReads;
  /** Resolves when the workspace has been checked and indexed once (references need every file). */
  indexed: () => Promise<void>;
  /** The profile chosen in the editor's status bar (`webhookTemplates/activeProfile`), if any. */
  activeProfile: { name?: string };
}

/** The fields a template is checked against, honouring its resource's settings, with the active profile. */
export async function fieldsContextOf(context: ServerContext, uri: string): Promise<FieldsContext> {
  const settings = await context.settings.forResource(uri);
  return withActiveProfile(context, await context.files.settled(() => context.registry.contextFor(uri, settings)));
}

/** The fields with the active profile when their fields file has it (another folder's file may not: then examples serve). */
export function withActiveProfile(context: ServerContext, fields: FieldsContext): FieldsContext {
  const name = context.activeProfile.name;
  return name !== undefined && context.service.profileNames(fields).includes(name) ? { ...fields, profile: name } : fields;
}

/** What a point request is answered against: a template's fields, or for the fields file its own last good reading. */
export async function fieldsAtCursor(context: ServerContext, document: TextDocument): Promise<FieldsContext> {
  if (isFieldsKind(context.service.kindOf(document))) return { source: (await context.files.settled(() => context.registry.load(document.uri)))?.lastGood };
  return fieldsContextOf(context, document.uri);
}

/**
 * The workspace's texts for the service's references and rename: the open editor's, else the file's. Run what reads
 * them through `context.files.settled`, so that in a browser it runs again once the files it missed have arrived.
 */
export function workspaceTexts(context: ServerContext): WorkspaceTexts {
  return { document: (uri) => context.openDocument(uri) ?? closedDocument(context, uri) };
}

/** A file no editor has open, within the size limit, read through the host (within `context.files.settled`). */
export function closedDocument(context: ServerContext, uri: string): TextDocument | undefined {
  return context.files.read(uri, context.limits.maxBytes(uri));
}

/** A document as it is now: the open editor's, else the file's, waiting in a browser until it has arrived. */
export function currentDocument(context: ServerContext, uri: string): Promise<TextDocument | undefined> {
  const open = context.openDocument(uri);
  return open ? Promise.resolve(open) : context.files.settled(() => closedDocument(context, uri));
}

/** Waits until every file was checked once and what typing deferred is indexed: counts and references see it all. */
export async function indexedNow(context: ServerContext): Promise<void> {
  await context.indexed();
  context.indexing.flush();
}
