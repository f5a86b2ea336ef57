// Wires the language server: at `initialize` a session is made in the client's language, its feature groups
// registered, and the workspace followed.
import type { Connection } from 'vscode-languageserver';
import type { ServerHost } from './context';
import { INITIALIZE_RESULT } from './capabilities';
import { registerCodeActions } from './features/code-actions';
import { registerDocumentStructure } from './features/document-structure';
import { registerExplainDelivered } from './features/explain-delivered';
import { registerInlayHints } from './features/inlay-hints';
import { registerProfileImport } from './features/profile-import';
import { registerLanguageFeatures } from './features/language';
import { registerReferences } from './features/references';
import { registerSendSupport } from './features/send-support';
import { createSession } from './session';
import { followWorkspace } from './workspace-events';

export function startServer(connection: Connection, host: ServerHost): void {
  connection.onInitialize((params) => {
    const session = createSession(connection, params, host);
    const features = [registerLanguageFeatures, registerCodeActions, registerReferences, registerInlayHints, registerDocumentStructure, registerSendSupport, registerExplainDelivered, registerProfileImport];
    for (const register of features) register(session.context);
    followWorkspace(session, params.capabilities);
    session.context.documents.listen(connection);
    return INITIALIZE_RESULT;
  });
  connection.listen();
}
