// Document links on the scheme and host of each request URL, never the whole URL.
//
// Opening a postback URL in a browser sends a GET that a tracker records as a conversion, so the
// link covers `https://host` only and opens `https://host/`.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { DocumentLink } from 'vscode-languageserver-types';
import { toRange } from '../base/positions';
import type { ParsedTemplate, TemplatePart } from '../base/types';
import { hostnameOf } from '../check/url-checks';
import { urlReadingOf } from '../read/url-reading';
import type { L10n } from '../base/l10n';

export function documentLinks(document: TextDocument, parsed: ParsedTemplate, l10n: L10n): DocumentLink[] {
  const text = document.getText();
  // A script repeats a handful of hosts over thousands of steps: each origin is worked out once.
  const origins = new Map<string, Origin | undefined>();
  return parsed.requests.flatMap((request) => (request.url ? originLink(document, text, request.url, origins, l10n) : []));
}

/** Where a link to `scheme://authority` opens, and what it says; undefined when the host is not valid. */
interface Origin {
  target: string;
  tooltip: string;
}

function originLink(document: TextDocument, text: string, url: TemplatePart, origins: Map<string, Origin | undefined>, l10n: L10n): DocumentLink[] {
  const { scheme, authority } = urlReadingOf(url).parts;
  if (!scheme || !authority) return [];
  const schemeText = url.value.slice(scheme.start, scheme.end).toLowerCase();
  if (schemeText !== 'http' && schemeText !== 'https') return [];
  // Quoting that changes the text before the path (escapes) would misplace the link.
  const written = url.value.slice(0, authority.end);
  if (text.slice(url.span.start, url.span.start + written.length) !== written) return [];
  const authorityText = url.value.slice(authority.start, authority.end);
  const key = `${schemeText}://${authorityText}`;
  if (!origins.has(key)) origins.set(key, originFor(schemeText, authorityText, l10n));
  const origin = origins.get(key);
  if (!origin) return [];
  const span = { start: url.span.start + scheme.start, end: url.span.start + authority.end };
  return [{ range: toRange(document, span), target: origin.target, tooltip: origin.tooltip }];
}

function originFor(schemeText: string, authorityText: string, l10n: L10n): Origin | undefined {
  if (hostnameOf(authorityText) === undefined) return undefined;
  const target = originOf(`${schemeText}://${authorityText}/`);
  return target ? { target, tooltip: l10n.t('Open {0} — the path and query are not opened: a postback URL would record a conversion', target) } : undefined;
}

/** `scheme://host[:port]/` as the URL parser writes it (user and password left out). */
function originOf(url: string): string | undefined {
  try {
    const parsed = new URL(url);
    return `${parsed.protocol}//${parsed.host}/`;
  } catch {
    return undefined;
  }
}
