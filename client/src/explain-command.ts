// "Explain Delivered Webhook": a request as Chatterfy's Logs → Webhooks or a tracker's log shows it, matched back to
// its template by the server and shown in a read-only view, with a way to open the template at its line.
//
// The request is the selection when it looks like one (a request with its body: select it in any editor), else what
// the user pastes into an input box, which the clipboard fills in when it holds a one-line request.
import * as vscode from 'vscode';
import type { ExplainedTemplate, Explanation } from '../../server/src/core';
import { formatExplanation } from '../../send/src/explanation-text';
import { l10n } from './l10n';
import type { SendDeps } from './command-deps';

/** The argument for keybindings and tests; `confirm: false` shows nothing and returns the explanation. */
export interface ExplainArgument {
  text: string;
  body?: string;
  confirm?: boolean;
}

/** Accepts `{ text, body, confirm }`; anything else is ignored. */
export function explainArgument(argument: unknown): ExplainArgument | undefined {
  if (typeof argument !== 'object' || argument === null) return undefined;
  const { text, body, confirm } = argument as Record<string, unknown>;
  if (typeof text !== 'string') return undefined;
  return { text, body: typeof body === 'string' ? body : undefined, confirm: typeof confirm === 'boolean' ? confirm : undefined };
}

/** The explanation (undefined when the user cancelled); it is shown unless the argument says `confirm: false`. */
export async function explainDeliveredWebhook(deps: SendDeps, argument: unknown): Promise<Explanation | undefined> {
  const given = explainArgument(argument);
  const input = given ?? (await askForRequest());
  if (!input) return undefined;
  const explanation = await deps.server().explainDelivered({ text: input.text, body: input.body });
  if (given?.confirm === false) return explanation;
  if (explanation.error !== undefined) throw new Error(explanation.error);
  const view = { source: explanation.template?.uri ?? 'explain', name: l10n.t('Explained: {0}', explanation.template?.request ?? 'webhook') };
  await deps.views.show(view, formatExplanation(explanation, l10n, { nameOf, linkOf }));
  if (explanation.template) offerToOpen(explanation.template);
  return explanation;
}

/** A request line or URL on the first line that is not blank. */
function looksLikeRequest(text: string): boolean {
  const first = text.split(/\r?\n/).find((line) => line.trim() !== '') ?? '';
  return /https?:\/\/\S/i.test(first) || /^\s*[A-Z]+\s+\/\S/.test(first);
}

async function askForRequest(): Promise<ExplainArgument | undefined> {
  const editor = vscode.window.activeTextEditor;
  const selected = editor && !editor.selection.isEmpty ? editor.document.getText(editor.selection) : '';
  if (looksLikeRequest(selected)) return { text: selected };
  const clipboard = await vscode.env.clipboard.readText();
  const value = looksLikeRequest(clipboard) && !/[\r\n]/.test(clipboard.trim()) ? clipboard.trim() : undefined;
  const text = await vscode.window.showInputBox({
    title: l10n.t('Explain Delivered Webhook'),
    prompt: l10n.t('The URL as Logs → Webhooks or the tracker\'s log shows it. For a request with a body, select it in an editor and run the command again.'),
    placeHolder: 'https://keitaro.example.com/25123a/postback?subid=…&status=lead',
    value,
    ignoreFocusOut: true,
  });
  return text === undefined || text.trim() === '' ? undefined : { text };
}

function nameOf(uri: string): string {
  return vscode.workspace.asRelativePath(vscode.Uri.parse(uri));
}

/** A link VS Code opens at the line (`#L12`). */
function linkOf(template: ExplainedTemplate): string {
  return `${template.uri}#L${template.line + 1}`;
}

function offerToOpen(template: ExplainedTemplate): void {
  const open = l10n.t('Open Template');
  const message = l10n.t('Lined up with "{0}" ({1}:{2}).', template.request, nameOf(template.uri), template.line + 1);
  void vscode.window.showInformationMessage(message, open).then(async (choice) => {
    if (choice !== open) return;
    const position = new vscode.Position(template.line, 0);
    await vscode.window.showTextDocument(vscode.Uri.parse(template.uri), { selection: new vscode.Range(position, position) });
  });
}
