// One session of the language server, made at `initialize`: the core service in the client's language, the open
// documents, the workspace's state, and the checks that publish diagnostics.
import { TextDocuments, type Connection, type InitializeParams, type TextDocumentsConfiguration } from 'vscode-languageserver';
import type { ServerContext, ServerHost } from './context';
import { createTemplateService, type TemplateService } from './core';
import { DeferredIndexing } from './workspace/deferred-indexing';
import { createChecks, type Checks } from './features/diagnostics';
import { DiagnosticsPublisher } from './diagnostics-publisher';
import { FieldsRegistry } from './workspace/fields-registry';
import { FileLimits } from './workspace/file-limits';
import { SettingsCache } from './settings/settings-cache';
import { singleEdit } from './documents/single-edit';
import { PieceDocument } from './documents/piece-document';
import { WorkspaceFolders } from './workspace/workspace-folders';

export interface Session {
  context: ServerContext;
  checks: Checks;
  /** The script-file globs of each workspace folder (setting `webhookTemplates.scriptFiles`), read at each reload. */
  scriptGlobs: Map<string, readonly string[]>;
}

/**
 * Documents kept as pieces (an edit copies nothing as long as the document) that tell the service what each edit
 * did, so it can re-read only the step an edit falls in, and the size limit, so it can follow a large document's
 * size without counting it again.
 */
function trackingEdits(service: TemplateService, limits: FileLimits): TextDocumentsConfiguration<PieceDocument> {
  return {
    create: (uri, languageId, version, text) => new PieceDocument(uri, languageId, version, text),
    update: (document, changes, version) => {
      const edit = singleEdit(document, changes);
      service.noteChange(document.uri, document.version, version, edit?.change);
      limits.noteEdit(document, edit, version);
      document.update(changes, version);
      return document;
    },
  };
}

function foldersOf(params: InitializeParams): { uri: string; name: string }[] {
  return params.workspaceFolders ?? (params.rootUri ? [{ uri: params.rootUri, name: 'root' }] : []);
}

export function createSession(connection: Connection, params: InitializeParams, host: ServerHost): Session {
  const folders = new WorkspaceFolders();
  folders.set(foldersOf(params));
  const settings = new SettingsCache(connection);
  settings.enable(params.capabilities.workspace?.configuration === true);
  const scriptGlobs = new Map<string, readonly string[]>();
  const globsOf = (folderUri: string) => scriptGlobs.get(folderUri) ?? [];
  const limits = new FileLimits(folders);
  const service = createTemplateService({ locale: params.locale, scriptGlobs: (uri) => globsOf(folders.containing(uri)?.uri ?? '') });
  const documents = new TextDocuments(trackingEdits(service, limits));
  const openDocument = (uri: string) => {
    const document = documents.get(uri);
    return document && limits.excessOf(document) === undefined ? document : undefined;
  };
  const registry = new FieldsRegistry({ get: openDocument }, service, folders, host.files, (uri) => limits.maxBytes(uri));
  // A file that arrived after a read went without it (a browser's) may be a fields file the search missed.
  host.files.onDidArrive((uris) => uris.forEach((uri) => registry.invalidate(uri)));
  const context: ServerContext = {
    ...host,
    connection, documents, openDocument, service, registry, settings, folders, limits,
    publisher: new DiagnosticsPublisher(connection),
    memory: host.memoryAfterReads?.((message) => connection.tracer.log(message)) ?? { readWhole: () => undefined },
    indexing: new DeferredIndexing(),
    indexed: () => checks.indexed(),
    activeProfile: {},
  };
  const checks = createChecks(context, globsOf);
  return { context, checks, scriptGlobs };
}
