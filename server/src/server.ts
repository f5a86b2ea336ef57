// Wires the language server: capabilities, document sync, workspace state and the feature groups.
import { DidChangeWatchedFilesNotification, FileChangeType, TextDocumentSyncKind, TextDocuments, type Connection, type InitializeResult } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { ServerContext } from './context';
import { createTemplateService } from './core';
import { CODE_ACTION_KINDS, registerCodeActions } from './features/code-actions';
import { registerDiagnostics } from './features/diagnostics';
import { COMPLETION_TRIGGERS, registerLanguageFeatures } from './features/language';
import { registerSendSupport } from './features/send-support';
import { FieldsRegistry } from './fields-registry';
import { SettingsCache } from './settings';
import { WorkspaceFolders, uriToPath } from './workspace-folders';

const WATCHED_GLOBS = ['**/webhook-fields.{json,yaml,yml}'];

export function startServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);
  const folders = new WorkspaceFolders();
  const settings = new SettingsCache(connection);
  const scriptGlobs = new Map<string, readonly string[]>();
  const service = createTemplateService({ scriptGlobs: (uri) => scriptGlobs.get(folders.containing(uriToPath(uri))?.uri ?? '') ?? [] });
  const registry = new FieldsRegistry(documents, service, folders);
  const context: ServerContext = { connection, documents, service, registry, settings, folders };
  let canWatch = false;
  let hasFolderEvents = false;

  async function loadScriptGlobs(): Promise<void> {
    scriptGlobs.clear();
    for (const folder of folders.all()) scriptGlobs.set(folder.uri, (await settings.forResource(folder.uri)).scriptFiles);
  }

  connection.onInitialize((params): InitializeResult => {
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
        codeActionProvider: { codeActionKinds: CODE_ACTION_KINDS },
        codeLensProvider: { resolveProvider: false },
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'Webhook Templates', version: '0.1.0' },
    };
  });

  const checks = registerDiagnostics(context);
  connection.onInitialized(async () => {
    if (canWatch) await connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: WATCHED_GLOBS.map((globPattern) => ({ globPattern })) });
    if (hasFolderEvents) {
      connection.workspace.onDidChangeWorkspaceFolders((event) => {
        folders.add(event.added, event.removed);
        registry.invalidateAll();
        void loadScriptGlobs().then(() => checks.scheduleAllTemplates());
      });
    }
    await loadScriptGlobs();
    checks.scheduleAllTemplates();
  });

  registerLanguageFeatures(context);
  registerCodeActions(context);
  registerSendSupport(context);

  documents.onDidChangeContent(({ document }) => {
    checks.schedule(document.uri);
    if (registry.isFieldsFileName(document.uri)) checks.scheduleAllTemplates();
  });
  documents.onDidClose(({ document }) => {
    service.forget(document.uri);
    if (registry.isFieldsFileName(document.uri)) {
      registry.invalidate(document.uri);
      checks.scheduleAllTemplates();
    } else checks.clear(document.uri);
  });
  connection.onDidChangeWatchedFiles(({ changes }) => {
    const fieldsChanged = changes.filter((change) => registry.isFieldsFileName(change.uri));
    for (const change of fieldsChanged) {
      registry.invalidate(change.uri);
      if (change.type === FileChangeType.Deleted && !documents.get(change.uri)) checks.clear(change.uri);
    }
    if (fieldsChanged.length > 0) checks.scheduleAllTemplates();
  });
  connection.onDidChangeConfiguration(() => {
    settings.clear();
    registry.invalidateAll();
    void loadScriptGlobs().then(() => {
      for (const document of documents.all()) checks.schedule(document.uri);
    });
  });

  documents.listen(connection);
  connection.listen();
}
