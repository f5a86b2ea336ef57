// Snippets of receiver URLs and a JSON body, offered where a URL or a body is still empty.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { CompletionItemKind, InsertTextFormat, type CompletionItem, type Position } from 'vscode-languageserver-types';
import { toRange } from '../base/positions';
import type { ParsedTemplate, Span } from '../base/types';
import type { L10n } from '../base/l10n';

interface Snippet {
  label: string;
  /** English; translated where shown. */
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

const WEBHOOK_URL_LINE = /^[ \t]*(?:GET|POST)[ \t]+([A-Za-z]*)$/i;
const YAML_URL_LINE = /^[ \t]*(?:-[ \t]+)?url:[ \t]*(["']?)([A-Za-z]*)$/;
const JSON_URL = /"url"\s*:\s*"([A-Za-z]*)$/;
const WEBHOOK_STEP_TYPES = ['webhook', 'send_webhook'];

export function snippetCompletions(document: TextDocument, position: Position, parsed: ParsedTemplate, l10n: L10n): CompletionItem[] {
  const site = snippetSite(document, position, parsed);
  if (!site) return [];
  return site.snippets.map((snippet, index) => ({
    label: l10n.t(snippet.label),
    kind: CompletionItemKind.Snippet,
    detail: l10n.t(snippet.detail),
    insertTextFormat: InsertTextFormat.Snippet,
    sortText: `0_${index}`,
    filterText: `https ${snippet.label}`,
    textEdit: { range: toRange(document, site.replace), newText: site.before + snippet.body + site.after },
  }));
}

function snippetSite(document: TextDocument, position: Position, parsed: ParsedTemplate): SnippetSite | undefined {
  const text = document.getText();
  const offset = document.offsetAt(position);
  const lineStart = document.offsetAt({ line: position.line, character: 0 });
  const lineEnd = document.offsetAt({ line: position.line + 1, character: 0 });
  const before = text.slice(lineStart, offset);
  const after = text.slice(offset, lineEnd).replace(/\r?\n$/, '');
  if (parsed.kind === 'webhook') return webhookSite(before, after, offset, parsed);
  // The line first: asking which step holds it needs all the steps, which typing in a large script leaves unbuilt.
  const site = parsed.kind === 'script-yaml' ? yamlSite(before, after, offset) : jsonSite(before, after, offset);
  return site && inWebhookStep(parsed, offset, lineStart) ? site : undefined;
}

function webhookSite(before: string, after: string, offset: number, parsed: ParsedTemplate): SnippetSite | undefined {
  const typed = WEBHOOK_URL_LINE.exec(before);
  if (typed && after.trim() === '') return { replace: { start: offset - typed[1].length, end: offset }, snippets: URL_SNIPPETS, before: '', after: '' };
  return emptyBodySite(before, after, offset, parsed);
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
  return { replace: { start: offset - word.length, end: offset }, snippets: URL_SNIPPETS, before: quote === '' ? '"' : '', after: quote === '' ? '"' : closing };
}

function jsonSite(before: string, after: string, offset: number): SnippetSite | undefined {
  const typed = JSON_URL.exec(before);
  if (!typed || !after.trimStart().startsWith('"')) return undefined;
  return { replace: { start: offset - typed[1].length, end: offset }, snippets: URL_SNIPPETS, before: '', after: '' };
}
