// Snippets of receiver URLs and a JSON body, offered where a URL or a body is still empty.
//
// They come without Ctrl+Space: the server's trigger characters include the space (`GET |`, `url: |`) and the quotes
// (`url: "|"`, `"url": "|"`), and in a `.webhook` file VS Code asks by itself as soon as a letter is typed on an empty
// request line (the grammar scopes a request line as meta.url, which quick suggestions cover by default). Each snippet's
// filter text starts with the URL it writes, so typing `h`, `https://` or the tracker's name keeps it in the list, and
// its detail shows that URL.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { CompletionItemKind, InsertTextFormat, MarkupKind, type CompletionItem, type Position } from 'vscode-languageserver-types';
import { toRange } from '../base/positions';
import { textBetween } from '../base/text-window';
import { codeBlock } from '../base/markdown';
import type { ParsedTemplate, Span } from '../base/types';
import type { L10n } from '../base/l10n';

interface Snippet {
  label: string;
  /** What it records, in English; translated where shown (in the documentation, the URL being the detail). */
  detail: string;
  body: string;
}

export const URL_SNIPPETS: readonly Snippet[] = [
  { label: 'Keitaro lead postback', detail: 'Records a lead on the click; the chat id goes to sub_id_1.', body: 'https://${1:keitaro.example.com}/${2:KEY}/postback?subid={tracker.clickid}&status=lead&sub_id_1={chatId}$0' },
  { label: 'Keitaro sale postback', detail: 'Records a sale with its payout.', body: 'https://${1:keitaro.example.com}/${2:KEY}/postback?subid={tracker.clickid}&status=sale&payout={${3:deposit_amount}}&currency=${4:usd}$0' },
  { label: 'Binom conversion', detail: 'Records a conversion on the click, with payout and status.', body: 'https://${1:binom.example.com}/click.php?cnv_id={tracker.clickid}&payout=${2:0}&cnv_status=${3:lead}$0' },
  { label: 'Voluum postback', detail: 'Records a conversion on the click, with payout and event type.', body: 'https://${1:voluum.example.com}/postback?cid={tracker.clickid}&payout=${2:0}&et=${3:lead}$0' },
  { label: 'RedTrack postback', detail: 'Records a conversion of a configured type (case-sensitive) with its sum.', body: 'https://${1:redtrack.example.com}/postback?clickid={tracker.clickid}&type=${2:Lead}&sum=${3:0}$0' },
  {
    label: 'Chatterfy updateDialog round trip',
    detail: 'Moves this dialogue to a step of a bot and sets its status (bot id and step id from Chatterfy).',
    body: 'https://app.chatterfy.ai/api/bots/webhooks/${1:BOT_WEBHOOK_ID}/updateDialog?chatId={chatId}&stepId=${2:STEP_ID}&status=${3|auto,manual,blocked|}$0',
  },
];

export const BODY_SNIPPET: Snippet = {
  label: 'JSON body with the usual fields',
  detail: 'Username, chat id, click id, step key and dialogue start, each quoted as Chatterfy documents.',
  body: '{\n  "username": "{username}",\n  "chat_id": "{chatId}",\n  "clickid": "{tracker.clickid}",\n  "step": "{stepKey}",\n  "created_at": "{createdAt}"$0\n}',
};

/** Every English text of the snippets, for translation. */
export function snippetTexts(): string[] {
  return [...URL_SNIPPETS, BODY_SNIPPET].flatMap((snippet) => [snippet.label, snippet.detail]);
}

interface SnippetSite {
  replace: Span;
  snippets: readonly Snippet[];
  /** Quotes to write around the snippet (a YAML value not yet quoted; a quote opened but not closed). */
  before: string;
  after: string;
}

/** What may be typed of a URL while the snippets are still offered: a word (`h`, `keitaro`) or the start of `https://`. */
const URL_START = String.raw`(?:[A-Za-z]*|https?:\/{0,2})`;
const WEBHOOK_URL_LINE = new RegExp(String.raw`^[ \t]*(?:GET|POST)[ \t]+(${URL_START})$`, 'i');
const EMPTY_REQUEST_LINE = new RegExp(String.raw`^[ \t]*(${URL_START})$`);
const YAML_URL_LINE = new RegExp(String.raw`^[ \t]*(?:-[ \t]+)?url:[ \t]*(["']?)(${URL_START})$`);
const JSON_URL = new RegExp(String.raw`"url"\s*:\s*("?)(${URL_START})$`);
/** A line of a `.webhook` block that is not blank, not a comment: a request line, a header or a body. */
const CONTENT_LINE = /^(?![ \t\r]*(?:#|\/\/|$)).+/m;
const WEBHOOK_STEP_TYPES = ['webhook', 'send_webhook'];

/** The URL a snippet writes with its tab stops at their defaults: `${1:keitaro.example.com}` → `keitaro.example.com`. */
export function snippetUrl(body: string): string {
  return body.replace(/\$\{\d+\|([^,|]*)[^}]*\|\}/g, '$1').replace(/\$\{\d+:([^}]*)\}/g, '$1').replace(/\$\d+/g, '');
}

/**
 * The receiver snippets at the cursor. `triggerCharacter` is the character that made the editor ask: after a space or a
 * quote only a URL that is still empty is answered (`GET |`, `url: |`, `url: "|"`), never an empty line or a body.
 */
export function snippetCompletions(document: TextDocument, position: Position, parsed: ParsedTemplate, l10n: L10n, triggerCharacter?: string): CompletionItem[] {
  const site = snippetSite(document, position, parsed, triggerCharacter !== undefined);
  if (!site) return [];
  return site.snippets.map((snippet, index) => {
    const url = snippetUrl(snippet.body);
    return {
      label: l10n.t(snippet.label),
      kind: CompletionItemKind.Snippet,
      detail: url,
      documentation: { kind: MarkupKind.Markdown, value: `${l10n.t(snippet.detail)}\n\n${codeBlock(url)}` },
      insertTextFormat: InsertTextFormat.Snippet,
      sortText: `0_${index}`,
      // What the user types is matched against the URL the snippet writes, then its name.
      filterText: `${url} ${snippet.label}`,
      textEdit: { range: toRange(document, site.replace), newText: site.before + snippet.body + site.after },
    };
  });
}

function snippetSite(document: TextDocument, position: Position, parsed: ParsedTemplate, triggered: boolean): SnippetSite | undefined {
  const offset = document.offsetAt(position);
  const lineStart = document.offsetAt({ line: position.line, character: 0 });
  const lineEnd = document.offsetAt({ line: position.line + 1, character: 0 });
  // A script's site is read from its line alone: typing in a large script does not read it whole.
  const before = textBetween(document, lineStart, offset);
  const after = textBetween(document, offset, lineEnd).replace(/\r?\n$/, '');
  if (parsed.kind === 'webhook') return triggered ? methodLineSite(before, after, offset) : webhookSite(document.getText(), { start: lineStart, end: lineEnd }, before, after, offset, parsed);
  // The line first: asking which step holds it needs all the steps, which typing in a large script leaves unbuilt.
  const site = parsed.kind === 'script-yaml' ? yamlSite(before, after, offset) : jsonSite(before, after, offset);
  return site && inWebhookStep(parsed, offset, lineStart) ? site : undefined;
}

function urlSite(start: number, end: number, before = '', after = ''): SnippetSite {
  return { replace: { start, end }, snippets: URL_SNIPPETS, before, after };
}

/** `GET |`, `POST https://|`: the URL after a method is still to be written. */
function methodLineSite(before: string, after: string, offset: number): SnippetSite | undefined {
  const typed = WEBHOOK_URL_LINE.exec(before);
  return typed && after.trim() === '' ? urlSite(offset - typed[1].length, offset) : undefined;
}

function webhookSite(text: string, line: Span, before: string, after: string, offset: number, parsed: ParsedTemplate): SnippetSite | undefined {
  return methodLineSite(before, after, offset) ?? emptyRequestLineSite(text, line, before, after, offset) ?? emptyBodySite(before, after, offset, parsed);
}

/** An empty line (or a URL just begun) where a block's request line goes: no request line, header or body in its `###` block. */
function emptyRequestLineSite(text: string, line: Span, before: string, after: string, offset: number): SnippetSite | undefined {
  const typed = EMPTY_REQUEST_LINE.exec(before);
  if (!typed || after.trim() !== '') return undefined;
  const blockStart = text.lastIndexOf('\n###', line.start - 1) + 1;
  const nextBlock = text.indexOf('\n###', line.end - 1);
  const blockEnd = nextBlock < 0 ? text.length : nextBlock;
  const rest = text.slice(text.startsWith('###', blockStart) ? text.indexOf('\n', blockStart) + 1 : blockStart, line.start) + '\n' + text.slice(line.end, blockEnd);
  return CONTENT_LINE.test(rest) ? undefined : urlSite(offset - typed[1].length, offset);
}

/** A blank line after the headers of a POST request that has no body yet. */
function emptyBodySite(before: string, after: string, offset: number, parsed: ParsedTemplate): SnippetSite | undefined {
  if (before.trim() !== '' || after.trim() !== '') return undefined;
  const request = parsed.requests.filter((candidate) => candidate.span.start <= offset).pop();
  if (!request || request.method !== 'POST' || request.body || !request.url || offset <= request.url.span.end) return undefined;
  const lastHeader = request.headers[request.headers.length - 1];
  if (lastHeader && offset <= lastHeader.value.span.end + 1) return undefined;
  return { replace: { start: offset - before.length, end: offset + after.length }, snippets: [BODY_SNIPPET], before: '', after: '' };
}

/** The cursor's line belongs to a webhook step (a YAML step's span ends before the blanks of an empty `url: `). */
function inWebhookStep(parsed: ParsedTemplate, offset: number, lineStart: number): boolean {
  return parsed.steps.some((step) => step.span.start <= offset && lineStart <= step.span.end && WEBHOOK_STEP_TYPES.includes(step.type ?? ''));
}

function yamlSite(before: string, after: string, offset: number): SnippetSite | undefined {
  const typed = YAML_URL_LINE.exec(before);
  if (!typed) return undefined;
  const [, quote, word] = typed;
  const rest = after.trim();
  if (quote === '' && rest !== '') return undefined;
  if (quote !== '' && rest !== '' && rest !== quote) return undefined;
  const closing = quote !== '' && rest === '' ? quote : '';
  return urlSite(offset - word.length, offset, quote === '' ? '"' : '', quote === '' ? '"' : closing);
}

/** `"url": "|"` (the closing quote there), or `"url": |` before any quote (the snippet brings both). */
function jsonSite(before: string, after: string, offset: number): SnippetSite | undefined {
  const typed = JSON_URL.exec(before);
  if (!typed) return undefined;
  const [, quote, word] = typed;
  const rest = after.trimStart();
  if (quote === '"') return rest.startsWith('"') ? urlSite(offset - word.length, offset) : undefined;
  return word === '' && (rest === '' || rest.startsWith(',') || rest.startsWith('}')) ? urlSite(offset, offset, '"', '"') : undefined;
}
