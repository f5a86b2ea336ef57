// Wires the language server: capabilities, document sync, workspace state and the feature groups.
import { type TextDocumentsConfiguration, DidChangeWatchedFilesNotification, FileChangeType, TextDocumentSyncKind, TextDocuments, type Connection, type FileEvent, type InitializeResult } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { ServerContext } from './context';
import { createTemplateService, isFieldsFileName, type TemplateService } from './core';
import { CODE_ACTION_KINDS, registerCodeActions } from './features/code-actions';
import { createChecks } from './features/diagnostics';
import { registerEditorAids } from './features/editor-aids';
import { COMPLETION_TRIGGERS, registerLanguageFeatures } from './features/language';
import { registerReferences } from './features/references';
import { registerSendSupport } from './features/send-support';
import { FieldsRegistry } from './fields-registry';
import { FileLimits } from './file-limits';
import { ActiveProfileNotification } from './protocol';
import { singleEdit } from './single-edit';
import { SettingsCache } from './settings';
import { WorkspaceFolders, uriToPath } from './workspace-folders';
import { DeferredIndexing } from './deferred-indexing';
import { setLanguage } from './core/l10n';

const WATCHED_GLOBS = ['**/webhook-fields.{json,yaml,yml}', '**/*.webhook', '**/*.script.{yaml,yml,json}'];

/**
 * Documents that tell the service what each edit did, so it can re-read only the step an edit falls in,
 * and the size limit, so it can follow a large document's size without counting it again.
 */
function trackingEdits(service: TemplateService, limits: FileLimits): TextDocumentsConfiguration<TextDocument> {
  return {
    create: TextDocument.create,
    update: (document, changes, version) => {
      const edit = singleEdit(document, changes);
      service.noteChange(document.uri, document.version, version, edit?.change);
      limits.noteEdit(document, edit, version);
      return TextDocument.update(document, changes, version);
    },
  };
}

export function startServer(connection: Connection): void {
  const folders = new WorkspaceFolders();
  const settings = new SettingsCache(connection);
  const scriptGlobs = new Map<string, readonly string[]>();
  const globsOf = (folderUri: string) => scriptGlobs.get(folderUri) ?? [];
  const limits = new FileLimits(folders);
  const service = createTemplateService({ scriptGlobs: (uri) => globsOf(folders.containing(uriToPath(uri))?.uri ?? '') });
  const documents = new TextDocuments(trackingEdits(service, limits));
  const openDocument = (uri: string) => {
    const document = documents.get(uri);
    return document && limits.excessOf(document) === undefined ? document : undefined;
  };
  const registry = new FieldsRegistry({ get: openDocument }, service, folders, (uri) => limits.maxBytes(uri));
  const indexing = new DeferredIndexing();
  const activeProfile: ServerContext['activeProfile'] = {};
  const context: ServerContext = { connection, documents, openDocument, service, registry, settings, folders, indexing, limits, indexed: () => run.indexed(), activeProfile };
  const run = createChecks(context, globsOf);
  let canWatch = false;
  let hasFolderEvents = false;

  async function reloadAndScan(): Promise<void> {
    scriptGlobs.clear();
    for (const folder of folders.all()) scriptGlobs.set(folder.uri, (await settings.forResource(folder.uri)).scriptFiles);
    await limits.reload(settings);
    for (const document of documents.all()) run.schedule(document.uri);
    await run.scanWorkspace();
  }

  connection.onInitialize((params): InitializeResult => {
    setLanguage(params.locale ?? 'en');
    folders.set(params.workspaceFolders ?? (params.rootUri ? [{ uri: params.rootUri, name: 'root' }] : []));
    const capabilities = params.capabilities;
    settings.enable(capabilities.workspace?.configuration === true);
    canWatch = capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
    hasFolderEvents = capabilities.workspace?.workspaceFolders === true;
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        completionProvider: { triggerCharacters: COMPLETION_TRIGGERS, resolveProvider: false },
        hoverProvider: true,
        definitionProvider: true,
        referencesProvider: true,
        renameProvider: { prepareProvider: true },
        codeActionProvider: { codeActionKinds: CODE_ACTION_KINDS },
        codeLensProvider: { resolveProvider: false },
        inlayHintProvider: true,
        documentSymbolProvider: { label: 'Webhook Templates' },
        foldingRangeProvider: true,
        documentLinkProvider: { resolveProvider: false },
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'Webhook Templates', version: '0.1.0' },
    };
  });

  connection.onInitialized(async () => {
    if (canWatch) await connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: WATCHED_GLOBS.map((globPattern) => ({ globPattern })) });
    if (hasFolderEvents) {
      connection.workspace.onDidChangeWorkspaceFolders((event) => {
        folders.add(event.added, event.removed);
        registry.invalidateAll();
        void reloadAndScan();
      });
    }
    await reloadAndScan();
  });

  registerLanguageFeatures(context);
  registerCodeActions(context);
  registerSendSupport(context);
  registerReferences(context);
  registerEditorAids(context);

  documents.onDidChangeContent(({ document }) => {
    run.schedule(document.uri);
    if (isFieldsFileName(document.uri)) run.fieldsChanged(document.uri);
  });
  documents.onDidClose(({ document }) => {
    service.forget(document.uri);
    if (isFieldsFileName(document.uri)) {
      registry.invalidate(document.uri);
      run.fieldsChanged(document.uri);
    }
    run.closed(document.uri);
  });
  connection.onDidChangeWatchedFiles(({ changes }) => onDiskChanges(changes));
  // Inlay hints show the profile's values and receiver checks judge them: both follow a change.
  connection.onNotification(ActiveProfileNotification, ({ profile }) => {
    if (profile === activeProfile.name) return;
    activeProfile.name = profile;
    void connection.languages.inlayHint.refresh().catch(() => undefined);
    run.profileChanged();
  });
  connection.onDidChangeConfiguration(() => {
    settings.clear();
    registry.invalidateAll();
    void reloadAndScan();
  });

  /** A fields file appearing or disappearing changes which file each template uses: everything is checked again. */
  function onDiskChanges(changes: readonly FileEvent[]): void {
    let rescan = false;
    for (const change of changes) {
      if (!isFieldsFileName(change.uri)) {
        if (!documents.get(change.uri)) run.diskChanged(change.uri);
        continue;
      }
      registry.invalidate(change.uri);
      if (change.type === FileChangeType.Changed) run.fieldsChanged(change.uri);
      else rescan = true;
      if (change.type === FileChangeType.Deleted && !documents.get(change.uri)) connection.sendDiagnostics({ uri: change.uri, diagnostics: [] });
    }
    if (rescan) {
      for (const document of documents.all()) run.schedule(document.uri);
      void run.scanWorkspace();
    }
  }

  documents.listen(connection);
  connection.listen();
}
