// What the server tells the editor it can do, answered at `initialize`.
import { TextDocumentSyncKind, type InitializeResult } from 'vscode-languageserver';
import { CODE_ACTION_KINDS } from './features/code-actions';
import { COMPLETION_TRIGGERS } from './features/language';

export const INITIALIZE_RESULT: InitializeResult = {
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
