// Inlay hints showing the value each placeholder takes in the active profile (`{chatId}` = 482913377).
//
// A hint is read at a glance, so it shows the value itself, never a raw control character (CR, LF, tab, other C0/C1,
// bidi and invisible format characters are written as `\r`, `\n`, `\u202E`…), and stays short: a longer value keeps
// its start and end around an ellipsis (`7f3a…c01`). Where the encoding for the place changes the value (percent-encoding
// in a URL, JSON escaping in a body string, line breaks dropped from a header), the tooltip says what is sent too.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { InlayHintKind, type InlayHint } from 'vscode-languageserver-types';
import { resolveContextOf } from '../resolve/fields-context';
import { encodeValue, type Encoding } from '../expand/encode';
import { partEncodings, type EncodedPlaceholder } from '../expand/expand';
import { createSampleContext, type Environment, type SampleValue } from '../expand/profiles';
import { analyzePlaceholder, type ResolveContext } from '../resolve/resolve-placeholder';
import { scanRegions } from '../resolve/scan-placeholders';
import type { FieldsContext, ParsedTemplate, Placeholder, Span, TemplatePart, TemplateRequest } from '../base/types';
import type { L10n } from '../base/l10n';

export interface InlayHintOptions {
  /** The longest value a hint shows (the setting `webhookTemplates.inlayHints.maxLength`); at least MIN_HINT_LENGTH. */
  maxLength?: number;
}

export const DEFAULT_HINT_LENGTH = 24;
export const MIN_HINT_LENGTH = 8;
/** A tooltip shows the whole value up to this length. */
const TOOLTIP_LENGTH = 400;

/** English templates, translated where the tooltip is made. */
export const SAMPLE_SOURCES: Record<SampleValue['source'], string> = {
  profile: 'from the profile',
  example: "the field's example",
  builtin: 'built-in sample',
  step: "this step's key",
};

/** How each encoding changes a value, for "Sent as …" (English, translated where used). */
export const ENCODING_NOTES: Record<Exclude<Encoding, 'raw' | 'header'>, string> = {
  host: 'percent-encoded',
  component: 'percent-encoded',
  'json-string': 'escaped for a JSON string',
};

// C0 and C1 controls, DEL, the Arabic letter mark, zero-width and direction marks, line and paragraph separators,
// bidi embeddings, overrides and isolates, invisible operators, and the zero-width no-break space (BOM).
const INVISIBLE = /[\u0000-\u001F\u007F-\u009F\u061C\u200B-\u200F\u2028-\u202E\u2060-\u2069\uFEFF]/;
const NAMED_ESCAPES: Readonly<Record<string, string>> = { '\r': '\\r', '\n': '\\n', '\t': '\\t' };

/** The value as drawable pieces: one per character, an escape (`\n`, `\u202E`) for each control or invisible one. */
function drawnPieces(value: string): string[] {
  const pieces: string[] = [];
  for (const char of value) {
    pieces.push(INVISIBLE.test(char) ? (NAMED_ESCAPES[char] ?? `\\u${char.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`) : char);
  }
  return pieces;
}

/** The value with controls escaped, at most `max` long: the start and the end around `…` (an escape is never split). */
export function drawnValue(value: string, max: number): string {
  const pieces = drawnPieces(value);
  if (pieces.join('').length <= max) return pieces.join('');
  const budget = max - 1;
  const head = takeWithin(pieces, Math.ceil(budget / 2));
  const tail = takeWithin([...pieces].reverse(), Math.floor(budget / 2)).reverse();
  return `${head.join('')}…${tail.join('')}`;
}

function takeWithin(pieces: readonly string[], budget: number): string[] {
  const taken: string[] = [];
  let length = 0;
  for (const piece of pieces) {
    if (length + piece.length > budget) break;
    taken.push(piece);
    length += piece.length;
  }
  return taken;
}

export function sampleValueHints(
  document: TextDocument,
  parsed: ParsedTemplate,
  fields: FieldsContext,
  profile: string | undefined,
  env: Environment,
  within: Span,
  l10n: L10n,
  options: InlayHintOptions = {},
): InlayHint[] {
  const context = resolveContextOf(fields);
  const maxLength = Math.max(MIN_HINT_LENGTH, Math.floor(options.maxLength ?? DEFAULT_HINT_LENGTH));
  const encodings = new EncodingsOf(document.getText(), fields, context);
  const hints: InlayHint[] = [];
  const regions = parsed.regions.filter((region) => region.end >= within.start && region.start <= within.end);
  for (const placeholder of scanRegions(document.getText(), regions, context.syntax)) {
    if (placeholder.end < within.start || placeholder.start > within.end) continue;
    const target = analyzePlaceholder(placeholder, context)?.target;
    if (!target) continue;
    const request = parsed.requests.find((candidate) => candidate.span.start <= placeholder.start && placeholder.end <= candidate.span.end);
    const lookup = createSampleContext(context.model, profile, env, request?.stepKey, context.fieldsName)(target);
    if (!('value' in lookup)) continue;
    const encoding = request && encodings.of(request, placeholder);
    hints.push({
      position: document.positionAt(placeholder.end),
      label: `= ${shown(lookup.value, maxLength, l10n)}`,
      kind: InlayHintKind.Type,
      paddingLeft: true,
      tooltip: tooltipOf(lookup.value, profile, encoding, maxLength, l10n),
    });
  }
  return hints;
}

function shown(sample: SampleValue, maxLength: number, l10n: L10n): string {
  if (sample.secret) return '***';
  if (sample.value === '') return l10n.t('(empty)');
  return drawnValue(sample.value, maxLength);
}

/** Where the value comes from; the whole value when the hint could not show it as it is; what is sent when that differs. */
function tooltipOf(sample: SampleValue, profile: string | undefined, encoding: Encoding | undefined, maxLength: number, l10n: L10n): string {
  const lines = [`${profile ? l10n.t('Profile "{0}"', profile) : l10n.t('No profile')}: ${l10n.t(SAMPLE_SOURCES[sample.source])}.`];
  if (sample.secret || sample.value === '') return lines[0];
  const whole = drawnValue(sample.value, TOOLTIP_LENGTH);
  if (whole !== drawnValue(sample.value, maxLength) || whole !== sample.value) lines.push(l10n.t('Value: {0}', whole));
  if (encoding === 'header' && /[\r\n]/.test(sample.value)) lines.push(l10n.t('A header cannot carry this line break: a send with this profile is refused.'));
  if (!encoding || encoding === 'raw' || encoding === 'header') return lines.join('\n');
  const sent = encodeValue(sample.value, encoding);
  if (sent !== sample.value) lines.push(l10n.t('Sent as {0} ({1}).', drawnValue(sent, TOOLTIP_LENGTH), l10n.t(ENCODING_NOTES[encoding])));
  return lines.join('\n');
}

/** The encoding each placeholder of a request is sent with, read once per request from what the expansion does. */
class EncodingsOf {
  private readonly parts = new Map<TemplateRequest, { part: TemplatePart; placeholders: EncodedPlaceholder[] }[]>();
  /** Where the placeholders of a part whose value is not its source text start in the document, in order. */
  private readonly starts = new Map<TemplatePart, number[]>();

  constructor(
    private readonly text: string,
    private readonly fields: FieldsContext,
    private readonly context: ResolveContext,
  ) {}

  of(request: TemplateRequest, placeholder: Placeholder): Encoding | undefined {
    let parts = this.parts.get(request);
    if (!parts) this.parts.set(request, (parts = partEncodings(request, this.fields)));
    const found = parts.find(({ part }) => part.span.start <= placeholder.start && placeholder.end <= part.span.end);
    return found && this.inPart(found.part, found.placeholders, placeholder)?.encoding;
  }

  /**
   * The part's placeholder that is this one: at the same offset when the value is the source text (`.webhook` files,
   * script strings without escapes), else the one at the same place in order among the part's placeholders.
   */
  private inPart(part: TemplatePart, placeholders: readonly EncodedPlaceholder[], placeholder: Placeholder): EncodedPlaceholder | undefined {
    if (part.value.length === part.span.end - part.span.start) return placeholders.find((candidate) => candidate.start === placeholder.start - part.span.start);
    let starts = this.starts.get(part);
    if (!starts) {
      const region = { ...placeholder.region, start: part.span.start, end: part.span.end };
      const inSource = [...scanRegions(this.text, [region], this.context.syntax)].filter((candidate) => analyzePlaceholder(candidate, this.context) !== undefined);
      this.starts.set(part, (starts = inSource.map((found) => found.start)));
    }
    const candidate = placeholders[starts.indexOf(placeholder.start)];
    return candidate?.raw === placeholder.raw ? candidate : undefined;
  }
}
