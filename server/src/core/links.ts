// Document links on the scheme and host of each request URL, never the whole URL.
//
// Opening a postback URL in a browser sends a GET that a tracker records as a conversion, so the
// link covers `https://host` only and opens `https://host/`.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { DocumentLink } from 'vscode-languageserver-types';
import { toRange } from './positions';
import type { ParsedTemplate, TemplatePart } from './types';
import { hostnameOf } from './url-checks';
import { urlTemplateParts } from './url-template-parts';
import { t } from './l10n';

export function documentLinks(document: TextDocument, parsed: ParsedTemplate): DocumentLink[] {
  const text = document.getText();
  return parsed.requests.flatMap((request) => (request.url ? originLink(document, text, request.url) : []));
}

function originLink(document: TextDocument, text: string, url: TemplatePart): DocumentLink[] {
  const { scheme, authority } = urlTemplateParts(url.value);
  if (!scheme || !authority) return [];
  const schemeText = url.value.slice(scheme.start, scheme.end).toLowerCase();
  if (schemeText !== 'http' && schemeText !== 'https') return [];
  const host = hostnameOf(url.value.slice(authority.start, authority.end));
  // Quoting that changes the text before the path (escapes) would misplace the link.
  const written = url.value.slice(0, authority.end);
  if (host === undefined || text.slice(url.span.start, url.span.start + written.length) !== written) return [];
  const target = originOf(`${schemeText}://${url.value.slice(authority.start, authority.end)}/`);
  if (!target) return [];
  const span = { start: url.span.start + scheme.start, end: url.span.start + authority.end };
  const tooltip = t('Open {0} — the path and query are not opened: a postback URL would record a conversion', target);
  return [{ range: toRange(document, span), target, tooltip }];
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
