// What every feature of the server shares: the connection, open documents, the core service and the workspace state.
import type { Connection, TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { isFieldsKind, type FieldsContext, type TemplateService, type WorkspaceTexts } from './core';
import type { DeferredIndexing } from './workspace/deferred-indexing';
import type { PieceDocument } from './documents/piece-document';
import type { DiagnosticsPublisher } from './features/diagnostics-publisher';
import { readDocumentFromDisk } from './documents/disk-documents';
import type { FileLimits } from './workspace/file-limits';
import type { MemoryAfterReads } from './documents/memory-after-reads';
import type { FieldsRegistry } from './workspace/fields-registry';
import type { SettingsCache } from './settings/settings-cache';
import type { WorkspaceFolders } from './workspace/workspace-folders';

export interface ServerContext {
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
  memory: MemoryAfterReads;
  /** Resolves when the workspace has been checked and indexed once (references need every file). */
  indexed: () => Promise<void>;
  /** The profile chosen in the editor's status bar (`webhookTemplates/activeProfile`), if any. */
  activeProfile: { name?: string };
}

/** The fields a template is checked against, honouring its resource's settings, with the active profile. */
export async function fieldsContextOf(context: ServerContext, uri: string): Promise<FieldsContext> {
  return withActiveProfile(context, context.registry.contextFor(uri, await context.settings.forResource(uri)));
}

/** The fields with the active profile when their fields file has it (another folder's file may not: then examples serve). */
export function withActiveProfile(context: ServerContext, fields: FieldsContext): FieldsContext {
  const name = context.activeProfile.name;
  return name !== undefined && context.service.profileNames(fields).includes(name) ? { ...fields, profile: name } : fields;
}

/** What a point request is answered against: a template's fields, or for the fields file its own last good reading. */
export async function fieldsAtCursor(context: ServerContext, document: TextDocument): Promise<FieldsContext> {
  if (isFieldsKind(context.service.kindOf(document))) return { source: context.registry.load(document.uri)?.lastGood };
  return fieldsContextOf(context, document.uri);
}

/** The workspace's texts for the service's references and rename: the open editor's, else the disk's. */
export function workspaceTexts(context: ServerContext): WorkspaceTexts {
  return { document: (uri) => context.openDocument(uri) ?? readDocumentFromDisk(uri, context.limits.maxBytes(uri)) };
}

/** Waits until every file was checked once and what typing deferred is indexed: counts and references see it all. */
export async function indexedNow(context: ServerContext): Promise<void> {
  await context.indexed();
  context.indexing.flush();
}
