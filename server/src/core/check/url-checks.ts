// Checks of each request's URL: that it expands to an absolute http(s) URL, a fixed host, no repeated query names, https.
//
// The template (the url part's value) is read for where things are written; the expansion with
// sample values (examples and built-ins, no profile) for whether the result is a URL at all.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic } from 'vscode-languageserver-types';
import { makeDiagnostic } from './diagnostics';
import { encodedFrom } from '../expand/encode';
import { documentSpan, expandUrl } from '../expand/expand';
import { resolveContextOf } from '../resolve/fields-context';
import { isLoopbackHost } from '../base/hosts';
import { ProblemCode, problemText } from '../base/problems';
import { scanPlaceholders } from '../resolve/scan-placeholders';
import type { FieldsContext, ParsedTemplate, PlaceholderSyntax, Span, TemplatePart, TemplateRequest } from '../base/types';
import { phrase, type L10n, type Phrase } from '../base/l10n';
import { SCHEME } from '../read/url-template-parts';
import { urlReadingOf } from '../read/url-reading';

export function urlDiagnostics(document: TextDocument, parsed: ParsedTemplate, fields: FieldsContext, l10n: L10n): Diagnostic[] {
  const syntax = resolveContextOf(fields).syntax;
  const diagnostics: Diagnostic[] = [];
  for (const request of parsed.requests) {
    const url = request.url;
    if (!url) continue;
    diagnostics.push(...invalidUrl(document, request, url, fields, syntax, l10n), ...placeholdersInHost(document, url, syntax, l10n),
      ...repeatedQueryNames(document, url, l10n), ...insecureHttp(document, url, l10n));
  }
  return diagnostics;
}

/** The expanded URL must parse and be http(s); skipped while a placeholder of the URL is unresolved (already reported). */
function invalidUrl(document: TextDocument, request: TemplateRequest, url: TemplatePart, fields: FieldsContext, syntax: PlaceholderSyntax, l10n: L10n): Diagnostic[] {
  if (onlyEncodedSamples(url.value, syntax) && whyNotHttpUrl(url.value) === undefined) return [];
  const expanded = expandUrl(request, fields);
  if (expanded.unresolved.some((span) => within(span, url.span))) return [];
  const reason = whyNotHttpUrl(expanded.url);
  if (!reason) return [];
  return [makeDiagnostic(document, url.span, ProblemCode.UrlInvalid, problemText(l10n, ProblemCode.UrlInvalid, [reason]))];
}

/**
 * Whether every sample would stand in the path, query or fragment, percent-encoded. The URL parser never fails
 * there, so the template is then a valid http(s) URL exactly when its expansion is, and need not be expanded.
 */
function onlyEncodedSamples(value: string, syntax: PlaceholderSyntax): boolean {
  return !mayOpenPlaceholder(value, encodedFrom(value), syntax);
}

function within(inner: Span, outer: Span): boolean {
  return outer.start <= inner.start && inner.end <= outer.end;
}

/** What is wrong with a URL, or undefined when it is an absolute http(s) URL. */
export function whyNotHttpUrl(url: string): Phrase | undefined {
  if (url.trim() === '') return phrase('the URL is empty');
  const parsed = parseUrl(url);
  if (parsed && (parsed.protocol === 'http:' || parsed.protocol === 'https:')) return undefined;
  // `localhost:8080/x` and `host.example:443/x` parse with the host as scheme: they lack one.
  if (!SCHEME.test(url)) return phrase('it has no scheme; start it with https://');
  if (!parsed) return /^\s*https?:/i.test(url) ? phrase('its host or port is not valid') : phrase('it does not parse as a URL');
  return phrase('the scheme is "{0}", not http: or https:', parsed.protocol);
}

function parseUrl(url: string): URL | undefined {
  try {
    return new URL(url);
  } catch {
    return undefined;
  }
}

/** Placeholders written before the path starts: in the scheme, userinfo, host or port. */
function placeholdersInHost(document: TextDocument, url: TemplatePart, syntax: PlaceholderSyntax, l10n: L10n): Diagnostic[] {
  const { origin } = urlReadingOf(url).parts;
  if (!mayOpenPlaceholder(url.value, origin.end, syntax)) return [];
  const region = { start: 0, end: url.value.length, dialect: 'webhook' as const, place: 'url' as const };
  const inOrigin = scanPlaceholders(url.value, region, syntax).filter((placeholder) => placeholder.start < origin.end);
  // When quoting moved offsets every one would mark the whole part: say it once.
  const reported = isVerbatim(url) ? inOrigin : inOrigin.slice(0, 1);
  return reported.map((placeholder) => makeDiagnostic(document, documentSpan(url, placeholder), ProblemCode.PlaceholderInHost,
    problemText(l10n, ProblemCode.PlaceholderInHost, [placeholder.raw])));
}

/** Whether a placeholder could start before `end`: every one starts with `{`, or `<` in the angle syntax. */
function mayOpenPlaceholder(value: string, end: number, syntax: PlaceholderSyntax): boolean {
  const brace = value.indexOf('{');
  if (brace >= 0 && brace < end) return true;
  const angle = syntax === 'angle' ? value.indexOf('<') : -1;
  return angle >= 0 && angle < end;
}

function isVerbatim(part: TemplatePart): boolean {
  return part.value.length === part.span.end - part.span.start;
}

/** Every query parameter name after its first use; `name[]` (a list, by convention) may repeat. */
function repeatedQueryNames(document: TextDocument, url: TemplatePart, l10n: L10n): Diagnostic[] {
  const seen = new Set<string>();
  const diagnostics: Diagnostic[] = [];
  for (const name of queryNames(url)) {
    const key = decoded(name.text);
    if (key === '' || key.endsWith('[]')) continue;
    if (seen.has(key)) {
      const message = problemText(l10n, ProblemCode.RepeatedQueryParameter, [key]);
      diagnostics.push(makeDiagnostic(document, documentSpan(url, name), ProblemCode.RepeatedQueryParameter, message));
    }
    seen.add(key);
  }
  return isVerbatim(url) ? diagnostics : diagnostics.slice(0, 1);
}

/** The names of the query's `name=value` pairs, as offsets into the value. */
function queryNames(url: TemplatePart): (Span & { text: string })[] {
  const value = url.value;
  const query = urlReadingOf(url).parts.query;
  if (!query) return [];
  const names: (Span & { text: string })[] = [];
  let start = query.start;
  for (const pair of value.slice(query.start, query.end).split('&')) {
    const length = pair.includes('=') ? pair.indexOf('=') : pair.length;
    names.push({ start, end: start + length, text: pair.slice(0, length) });
    start += pair.length + 1;
  }
  return names;
}

function decoded(name: string): string {
  if (!name.includes('%') && !name.includes('+')) return name;
  try {
    return decodeURIComponent(name.replace(/\+/g, ' '));
  } catch {
    return name;
  }
}

/** `http://` to a host other than this machine; a placeholder host cannot be judged. */
function insecureHttp(document: TextDocument, url: TemplatePart, l10n: L10n): Diagnostic[] {
  const { scheme, authority } = urlReadingOf(url).parts;
  if (!scheme || !authority || url.value.slice(scheme.start, scheme.end).toLowerCase() !== 'http') return [];
  const host = hostnameOf(url.value.slice(authority.start, authority.end));
  if (host === undefined || isLoopbackHost(host)) return [];
  const message = problemText(l10n, ProblemCode.InsecureHttp, []);
  return [makeDiagnostic(document, documentSpan(url, scheme), ProblemCode.InsecureHttp, message)];
}

/** The host of an authority as the URL parser normalises it; undefined when it holds a placeholder or does not parse. */
export function hostnameOf(authority: string): string | undefined {
  if (/[{}<>\s]/.test(authority)) return undefined;
  const host = parseUrl(`http://${authority}/`)?.hostname;
  return host === '' ? undefined : host;
}
