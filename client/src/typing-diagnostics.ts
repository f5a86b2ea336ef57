// The diagnostics the server publishes, less the one on the placeholder being typed (`{tracker.` with the list
// open): it shows once the cursor leaves it or the placeholder is closed.
import * as vscode from 'vscode';
import type { HandleDiagnosticsSignature } from 'vscode-languageclient';
import { isBeingTyped, type Spot } from './typing-rule';

interface Published {
  all: vscode.Diagnostic[];
  shown: number;
  set: HandleDiagnosticsSignature;
}

export class TypingDiagnostics {
  private readonly published = new Map<string, Published>();
  /**
   * Where the last edit of a document left off, until the cursor moves without an edit. `moved`: the selection
   * already changed once at this version (the edit's own move); the next change at the same version is the user's.
   */
  private lastEdit: { uri: string; at: Spot; version: number; moved: boolean } | undefined;

  register(context: vscode.ExtensionContext): void {
    context.subscriptions.push(
      vscode.workspace.onDidChangeTextDocument((event) => this.edited(event)),
      vscode.window.onDidChangeTextEditorSelection((event) => this.moved(event.textEditor)),
      vscode.workspace.onDidCloseTextDocument((document) => this.published.delete(document.uri.toString())),
    );
  }

  /** The language client's middleware: keeps the whole set, hands on what may show now. */
  readonly handleDiagnostics = (uri: vscode.Uri, diagnostics: vscode.Diagnostic[], next: HandleDiagnosticsSignature): void => {
    const entry: Published = { all: diagnostics, shown: diagnostics.length, set: next };
    this.published.set(uri.toString(), entry);
    this.hand(uri, entry);
  };

  private edited(event: vscode.TextDocumentChangeEvent): void {
    const change = event.contentChanges[event.contentChanges.length - 1];
    if (!change) return;
    const lines = change.text.split('\n');
    const line = change.range.start.line + lines.length - 1;
    const character = (lines.length === 1 ? change.range.start.character : 0) + lines[lines.length - 1].length;
    this.lastEdit = { uri: event.document.uri.toString(), at: { line, character }, version: event.document.version, moved: false };
  }

  private moved(editor: vscode.TextEditor): void {
    const uri = editor.document.uri.toString();
    const entry = this.published.get(uri);
    if (!entry) return;
    const edit = this.lastEdit;
    if (edit?.uri === uri && edit.version === editor.document.version) {
      if (edit.moved) this.lastEdit = undefined;
      else edit.moved = true;
    }
    const visible = this.visible(editor.document.uri, entry.all);
    if (visible.length !== entry.shown) this.hand(editor.document.uri, entry, visible);
  }

  private hand(uri: vscode.Uri, entry: Published, visible = this.visible(uri, entry.all)): void {
    entry.shown = visible.length;
    entry.set(uri, visible);
  }

  private visible(uri: vscode.Uri, diagnostics: vscode.Diagnostic[]): vscode.Diagnostic[] {
    const editor = vscode.window.activeTextEditor;
    const edit = this.lastEdit;
    if (!editor || !edit || editor.document.uri.toString() !== uri.toString() || edit.uri !== uri.toString()) return diagnostics;
    const cursor = editor.selection.active;
    return diagnostics.filter((diagnostic) => !isBeingTyped(diagnostic.range, editor.document.getText(diagnostic.range), cursor, edit.at));
  }
}
