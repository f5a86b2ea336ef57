// Receivers' part of the hover on a request's URL: a parameter's meaning under its name, a partner macro, and for the
// rest of the request line the receiver's table of parameters with the values they get and what it records.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { MarkupKind, type Hover } from 'vscode-languageserver-types';
import { toRange } from '../base/positions';
import type { FieldsContext, Span, TemplateRequest } from '../base/types';
import type { L10n } from '../base/l10n';
import { codeSpan } from '../base/markdown';
import { parameterLabel, parameterOf, readReceiverUrl, recognisedUrlOf, type RecognisedUrl } from './index';
import { tableText } from './finding';
import type { ReceiverDefinition, ReceiverParameter, ReceiverRecord } from '../base/receiver-table';

/** The hover of one token of a recognised receiver's URL: a parameter name, or a partner macro; undefined elsewhere. */
export function receiverTokenHover(document: TextDocument, offset: number, request: TemplateRequest, fields: FieldsContext, l10n: L10n): Hover | undefined {
  const url = request.url;
  // Offsets inside the value are offsets in the document only when quoting changed nothing.
  if (!url || offset < url.span.start || offset > url.span.end || url.value.length !== url.span.end - url.span.start) return undefined;
  const recognised = recognisedUrlOf(url, fields.receivers);
  if (!recognised) return undefined;
  const local = offset - url.span.start;
  const at = (span: Span) => toRange(document, { start: url.span.start + span.start, end: url.span.start + span.end });
  const pair = recognised.url.pairs.find((candidate) => candidate.nameSpan.start <= local && local < candidate.nameSpan.end);
  if (pair) return markdown(parameterMarkdown(recognised.receiver, pair.name, l10n), at(pair.nameSpan));
  const macro = recognised.receiver.partnerMacros ? partnerMacroAt(recognised, local) : undefined;
  if (macro) return markdown(l10n.t("`{0}` is the partner network's macro: the network fills it in before it calls this link, so it is sent as written.", url.value.slice(macro.start, macro.end)), at(macro));
  return undefined;
}

/** The receiver's table of the URL's parameters with the values they get in the URL as sent; undefined for no known receiver. */
export function receiverTableMarkdown(request: TemplateRequest, sentUrl: string, fields: FieldsContext, l10n: L10n): string | undefined {
  const recognised = request.url && recognisedUrlOf(request.url, fields.receivers);
  return recognised ? tableMarkdown(recognised, sentUrl, l10n) : undefined;
}

/** What the receiver records from the URL as sent: the summary, one line per value, and the warnings. */
export function recordMarkdown(record: ReceiverRecord, l10n: L10n): string {
  const lines = record.lines.map((line) => `- ${codeSpan(line.name)} = ${line.value === '' ? l10n.t('(empty)') : codeSpan(line.value)}${line.note ? ` (${line.note})` : ''}`);
  const problems = record.problems.map((problem) => l10n.t('Warning: {0}', problem));
  return [record.summary, ...(lines.length ? [lines.join('\n')] : []), ...problems].join('\n\n');
}

const MACRO = /\{\{?[^{}\s]*\}?\}|\[[^[\]\s]*\]|#[A-Za-z0-9_.-]+#/g;

/** The `{macro}`, `[macro]` or `#macro#` under an offset of a query value. */
function partnerMacroAt(recognised: RecognisedUrl, local: number): Span | undefined {
  const pair = recognised.url.pairs.find((candidate) => candidate.valueSpan.start <= local && local < candidate.valueSpan.end);
  if (!pair) return undefined;
  for (const match of pair.value.matchAll(MACRO)) {
    const start = pair.valueSpan.start + match.index;
    if (start <= local && local < start + match[0].length) return { start, end: start + match[0].length };
  }
  return undefined;
}

function markdown(value: string, range: Hover['range']): Hover {
  return { contents: { kind: MarkupKind.Markdown, value }, range };
}

/** What the receiver does with one parameter: meaning, required, allowed values, default. */
export function parameterMarkdown(receiver: ReceiverDefinition, name: string, l10n: L10n): string {
  const parameter = parameterOf(receiver, name);
  if (!parameter) {
    const ignored = receiver.unknownParameters === 'ignored';
    const note = ignored ? l10n.t('{0} ignores this parameter.', receiver.name) + l10n.say(tableText(receiver.unknownHint ?? '')) : l10n.t('{0} does not document this parameter.', receiver.name);
    return `\`${name}\` — ${receiver.name}\n\n${note}`;
  }
  return [`\`${name}\` — ${receiver.name}`, l10n.say(tableText(parameter.meaning)), ...parameterNotes(receiver, parameter, l10n)].join('\n\n');
}

function parameterNotes(receiver: ReceiverDefinition, parameter: ReceiverParameter, l10n: L10n): string[] {
  const notes: string[] = [];
  if (parameter.required) notes.push(l10n.t('Required.'));
  if (parameter.integer) notes.push(l10n.t('An integer.'));
  if (parameter.number && !parameter.integer) notes.push(l10n.t('A number.'));
  if (parameter.values?.length && parameter.openValues) notes.push(l10n.t('Standard values: {0}; others are recorded as custom.', codeList(parameter.values)));
  if (parameter.values?.length && !parameter.openValues) notes.push(l10n.t('Allowed values: {0}.', codeList(parameter.values)));
  if (parameter.whenAbsent) notes.push(l10n.t('When absent, {0} takes {1}.', receiver.name, `\`${parameter.whenAbsent.value}\``));
  if (parameter.customFieldPrefix) notes.push(l10n.t('KEY is a custom field of the fields file.'));
  return notes;
}

function codeList(values: readonly string[]): string {
  return values.map((value) => `\`${value}\``).join(', ');
}

/** A table of the URL's parameters: what the receiver reads each as and the value it gets in the URL as sent. */
function tableMarkdown(recognised: RecognisedUrl, sentUrl: string, l10n: L10n): string {
  const { receiver, url } = recognised;
  const sent = readReceiverUrl(sentUrl)?.pairs ?? [];
  const rows = url.pairs.map((pair, index) => {
    const parameter = parameterOf(receiver, pair.name);
    const meaning = parameter ? l10n.say(tableText(parameter.meaning)) : receiver.unknownParameters === 'ignored' ? l10n.t('ignored') : l10n.t('not documented');
    return `| \`${pair.name}\` | ${cell(meaning)} | ${cell(sampleText(sent[index]?.value, l10n))} |`;
  });
  const header = [l10n.t('**{0}** — parameters and the values they get with sample values', receiver.name), '', `| ${l10n.t('parameter')} | ${l10n.t('{0} reads it as', receiver.name)} | ${l10n.t('value')} |`, '|---|---|---|'];
  return [...header, ...rows, ...absentLines(recognised, l10n)].join('\n');
}

function absentLines({ receiver, url }: RecognisedUrl, l10n: L10n): string[] {
  const names = new Set(url.pairs.map((pair) => pair.name));
  const lines = receiver.parameters.flatMap((parameter) => {
    if (!parameter.name || names.has(parameter.name)) return [];
    if (parameter.required) return [l10n.t('Missing: {0} (required).', `\`${parameterLabel(parameter)}\``)];
    return parameter.whenAbsent ? [l10n.t('Missing: {0}, so {1} takes {2}.', `\`${parameter.name}\``, receiver.name, `\`${parameter.whenAbsent.value}\``)] : [];
  });
  return lines.length ? ['', ...lines] : [];
}

function sampleText(value: string | undefined, l10n: L10n): string {
  if (value === undefined || value === '') return l10n.t('(empty)');
  try {
    return `\`${decodeURIComponent(value.replace(/\+/g, ' '))}\``;
  } catch {
    return `\`${value}\``;
  }
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}
