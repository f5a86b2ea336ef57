// Expands one request with sample values into what would be sent, naming what stays unresolved or empty.
//
// Placeholders are read from each part's value (the text the platform sees), not from the source text.
// Unresolved ones stay as written, so a preview shows them; the sender refuses to send anyway.
// Issue spans are offsets into the template document: in `.webhook` files and in script strings
// without escapes the value is the source text, so the placeholder itself is marked; when quoting
// changed the length (a JSON `\"`, a folded YAML scalar) offsets no longer line up and the whole part is.
import { bodyEncodings, encodeValue, urlEncodings, type Encoding } from './encode';
import { resolveContextOf } from '../resolve/fields-context';
import { createSampleContext, type Environment, type SampleLookup } from './profiles';
import { analyzePlaceholder, findingPhrase, type PlaceholderAnalysis, type ResolveContext, type Target } from '../resolve/resolve-placeholder';
import { regionsOfPart } from '../resolve/partner-regions';
import { scanRegions } from '../resolve/scan-placeholders';
import type { ExpandedRequest, ExpansionIssue, FieldsContext, Place, Span, TemplatePart, TemplateRequest } from '../base/types';
import { phrase, type L10n, type Phrase } from '../base/l10n';

/** What stands for a secret when secrets are masked. */
export const MASKED = '***';

/** What one expansion collects across the parts of a request. */
interface Expansion {
  context: ResolveContext;
  lookup: (target: Target) => SampleLookup;
  profile?: string;
  unresolved: PendingIssue[];
  empty: PendingIssue[];
  secrets: Set<string>;
  maskSecrets: boolean;
}

/** An issue as the expansion finds it: its reason is said in the host's language once the request is done. */
type PendingIssue = Omit<ExpansionIssue, 'reason'> & { reason: Phrase };

export interface ExpandOptions {
  /** Write `***` for a value read from `${env:…}` (what an editor shows: a hover, not a send). */
  maskSecrets?: boolean;
}

export function expandRequest(
  request: TemplateRequest,
  fields: FieldsContext,
  profile: string | undefined,
  env: Environment,
  l10n: L10n,
  options: ExpandOptions = {},
): ExpandedRequest {
  const run = startExpansion(request, fields, profile, env, options);
  const contentType = contentTypeOf(request);
  return {
    name: request.name,
    method: request.method || 'GET',
    url: request.url ? expandPart(request.url, 'url', run) : '',
    headers: request.headers.map((header) => [header.name, expandPart(header.value, 'header', run)]),
    body: request.body && expandPart(request.body, 'body', run, contentType),
    profile,
    unresolved: run.unresolved.map((issue) => said(issue, l10n)),
    empty: run.empty.map((issue) => said(issue, l10n)),
    secrets: [...run.secrets],
  };
}

function said(issue: PendingIssue, l10n: L10n): ExpansionIssue {
  return { text: issue.text, span: issue.span, reason: l10n.say(issue.reason) };
}

function contentTypeOf(request: TemplateRequest): string | undefined {
  return request.headers.find((header) => header.name.toLowerCase() === 'content-type')?.value.value;
}

/** A placeholder of a part's value (offsets into the value) and how its value is encoded when sent. */
export interface EncodedPlaceholder extends Span {
  raw: string;
  encoding: Encoding;
}

/** Each part of a request (URL, header values, body) with the encoding of each of its placeholders, in value order. */
export function partEncodings(request: TemplateRequest, fields: FieldsContext): { part: TemplatePart; placeholders: EncodedPlaceholder[] }[] {
  const context = resolveContextOf(fields);
  const parts: [TemplatePart | undefined, Place][] = [[request.url, 'url'], ...request.headers.map((header): [TemplatePart, Place] => [header.value, 'header']), [request.body, 'body']];
  return parts.flatMap(([part, place]) => {
    if (!part) return [];
    const analyses = placeholdersOf(part, place, context);
    const encodings = encodingsFor(part.value, place, analyses, contentTypeOf(request));
    const placeholders = analyses.map(({ placeholder }, index) => ({ start: placeholder.start, end: placeholder.end, raw: placeholder.raw, encoding: encodings[index] }));
    return [{ part, placeholders }];
  });
}

/** Only the URL expanded with sample values (no profile), and where it stays unresolved: what the URL checks need. */
export function expandUrl(request: TemplateRequest, fields: FieldsContext): { url: string; unresolved: Span[] } {
  const run = startExpansion(request, fields, undefined, {});
  return { url: request.url ? expandPart(request.url, 'url', run) : '', unresolved: run.unresolved.map((issue) => issue.span) };
}

function startExpansion(request: TemplateRequest, fields: FieldsContext, profile: string | undefined, env: Environment, options: ExpandOptions = {}): Expansion {
  const context = resolveContextOf(fields);
  const lookup = createSampleContext(context.model, profile, env, request.stepKey, context.fieldsName);
  return { context, lookup, profile, unresolved: [], empty: [], secrets: new Set(), maskSecrets: options.maskSecrets === true };
}

/** The part's value with every placeholder that resolves replaced by its encoded sample. */
function expandPart(part: TemplatePart, place: Place, run: Expansion, contentType?: string): string {
  const analyses = placeholdersOf(part, place, run.context);
  const encodings = encodingsFor(part.value, place, analyses, contentType);
  let text = '';
  let from = 0;
  analyses.forEach((analysis, index) => {
    const { start, end } = analysis.placeholder;
    const sample = sampleFor(analysis, part, run);
    const written = sample === undefined ? part.value.slice(start, end) : sample.masked ? MASKED : encodeValue(sample.value, encodings[index]);
    text += part.value.slice(from, start) + written;
    from = end;
  });
  return text + part.value.slice(from);
}

/** The placeholders of a value, scanned as a region of its own; JSON `{}`, partner macros and the like are left out. */
function placeholdersOf(part: TemplatePart, place: Place, context: ResolveContext): PlaceholderAnalysis[] {
  const region = { start: 0, end: part.value.length, dialect: 'webhook' as const, place };
  const regions = place === 'url' ? regionsOfPart(part, region) : [region];
  const analyses: PlaceholderAnalysis[] = [];
  for (const placeholder of scanRegions(part.value, regions, context.syntax)) {
    const analysis = analyzePlaceholder(placeholder, context);
    if (analysis) analyses.push(analysis);
  }
  return analyses;
}

function encodingsFor(value: string, place: Place, analyses: PlaceholderAnalysis[], contentType?: string): Encoding[] {
  const spans = analyses.map((analysis) => analysis.placeholder);
  if (place === 'url') return urlEncodings(value, spans.map((span) => span.start));
  if (place === 'body') return bodyEncodings(value, spans, contentType);
  return spans.map(() => 'header');
}

/** The sample for one placeholder (`masked`: a secret the expansion writes as `***`), or undefined (recorded as unresolved) when there is none. */
function sampleFor(analysis: PlaceholderAnalysis, part: TemplatePart, run: Expansion): { value: string; masked: boolean } | undefined {
  const lookup: SampleLookup = analysis.target ? run.lookup(analysis.target) : { missing: analysis.finding ? findingPhrase(analysis.finding) : phrase('not resolved') };
  if ('missing' in lookup) {
    run.unresolved.push(issueOf(analysis, part, lookup.missing));
    return undefined;
  }
  const { value, secret, source } = lookup.value;
  const reason = source === 'profile' ? phrase('empty in profile "{0}"', run.profile ?? '') : phrase('empty sample value');
  if (value === '') run.empty.push(issueOf(analysis, part, reason));
  if (secret && value !== '') run.secrets.add(value);
  return { value, masked: secret && value !== '' && run.maskSecrets };
}

function issueOf(analysis: PlaceholderAnalysis, part: TemplatePart, reason: Phrase): PendingIssue {
  const { start, end } = analysis.placeholder;
  return { text: part.value.slice(start, end), span: documentSpan(part, analysis.placeholder), reason };
}

/** Where a placeholder of a part's value is written in the document (see the header comment). */
export function documentSpan(part: TemplatePart, placeholder: Span): Span {
  const verbatim = part.value.length === part.span.end - part.span.start;
  if (!verbatim) return { start: part.span.start, end: part.span.end };
  return { start: part.span.start + placeholder.start, end: part.span.start + placeholder.end };
}

