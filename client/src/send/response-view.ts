// The one read-only tab of each request, for its preview and its answers: a virtual document in memory, reused and
// refreshed each time, in the `webhook-response` language (status line coloured by class, JSON bodies highlighted).
// A run of sends has one tab of its own, in the `webhook-summary` language (a table: no word wrap, status cells coloured).
import * as vscode from 'vscode';

export const RESPONSE_SCHEME = 'webhook-response';
const EXTENSION = '.webhook-response';
/** The file extension, hence the language, of a run's summary. */
export const SUMMARY_EXTENSION = '.webhook-summary';

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
  uriOf(request: ViewedRequest, extension = EXTENSION): vscode.Uri {
    // Only what a path cannot hold is replaced: the tab shows the request's name as written.
    const safe = request.name.replace(/[/\\?#%\u0000-\u001f\u007f]+/g, '-').trim().slice(0, 80) || 'webhook';
    return vscode.Uri.from({ scheme: RESPONSE_SCHEME, path: `/${safe}${extension}`, query: request.source });
  }

  /** Shows `text` in the request's tab: the tab already open is refreshed and revealed where it stands. */
  async show(request: ViewedRequest, text: string, extension = EXTENSION): Promise<vscode.TextEditor> {
    const uri = this.uriOf(request, extension);
    this.texts.set(uri.toString(), text);
    this.changed.fire(uri);
    const document = await vscode.workspace.openTextDocument(uri);
    const open = vscode.window.visibleTextEditors.find((editor) => editor.document.uri.toString() === uri.toString());
    return vscode.window.showTextDocument(document, { viewColumn: open?.viewColumn ?? vscode.ViewColumn.Beside, preview: false, preserveFocus: true });
  }
}
