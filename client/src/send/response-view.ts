// Read-only editors for responses and previews: a virtual document scheme whose texts live in memory.
import * as vscode from 'vscode';

export const RESPONSE_SCHEME = 'webhook-response';

export class ResponseViews implements vscode.TextDocumentContentProvider {
  private readonly texts = new Map<string, string>();
  private counter = 0;

  register(context: vscode.ExtensionContext): void {
    context.subscriptions.push(vscode.workspace.registerTextDocumentContentProvider(RESPONSE_SCHEME, this));
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.texts.get(uri.toString()) ?? '';
  }

  /** Opens a new read-only editor beside the current one. */
  async show(title: string, text: string): Promise<vscode.TextEditor> {
    const safeTitle = title.replace(/[^\p{L}\p{N}_.-]+/gu, '-').slice(0, 60) || 'webhook';
    const uri = vscode.Uri.from({ scheme: RESPONSE_SCHEME, path: `/${++this.counter}/${safeTitle}.http` });
    this.texts.set(uri.toString(), text);
    const document = await vscode.workspace.openTextDocument(uri);
    return vscode.window.showTextDocument(document, { viewColumn: vscode.ViewColumn.Beside, preview: false, preserveFocus: true });
  }
}
