// The one read-only tab of each request, for its preview and its answers: a virtual document in memory, reused and
// refreshed each time, in the `webhook-response` language (status line coloured by class, JSON bodies highlighted).
import * as vscode from 'vscode';

export const RESPONSE_SCHEME = 'webhook-response';
const EXTENSION = '.webhook-response';

/** Which request a view belongs to: the file it stands in and its name. */
export interface ViewedRequest {
  source: string;
  name: string;
}

export class ResponseViews implements vscode.TextDocumentContentProvider {
  private readonly texts = new Map<string, string>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;

  register(context: vscode.ExtensionContext): void {
    context.subscriptions.push(this.changed, vscode.workspace.registerTextDocumentContentProvider(RESPONSE_SCHEME, this));
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.texts.get(uri.toString()) ?? '';
  }

  /** The tab of a request: one per request of a file, named after the request, whatever it shows last. */
  uriOf(request: ViewedRequest): vscode.Uri {
    const safe = request.name.replace(/[^\p{L}\p{N} _.()-]+/gu, '-').trim().slice(0, 80) || 'webhook';
    return vscode.Uri.from({ scheme: RESPONSE_SCHEME, path: `/${safe}${EXTENSION}`, query: request.source });
  }

  /** Shows `text` in the request's tab: the tab already open is refreshed and revealed where it stands. */
  async show(request: ViewedRequest, text: string): Promise<vscode.TextEditor> {
    const uri = this.uriOf(request);
    this.texts.set(uri.toString(), text);
    this.changed.fire(uri);
    const document = await vscode.workspace.openTextDocument(uri);
    const open = vscode.window.visibleTextEditors.find((editor) => editor.document.uri.toString() === uri.toString());
    return vscode.window.showTextDocument(document, { viewColumn: open?.viewColumn ?? vscode.ViewColumn.Beside, preview: false, preserveFocus: true });
  }
}
