// Partner macros: in a Chatterfy inbound link, query values belong to the partner network's macro language.
//
// A partner network (not Chatterfy) fills `{sub1}`, `{amount}`, `[subid]`, `#s2#` before it calls the link,
// so they are never checked against our fields and are sent as written. The query values of such a URL
// become regions of their own marked `partnerMacros`; there a braced token is still Chatterfy's placeholder
// when it names something Chatterfy knows (a round trip from a webhook step: `chatId={chatId}`), has a
// namespace (`{tracker.clickid}`), or differs from a known key only in case (`{chatid}`, a typo) — see
// isPartnerMacro in resolve-placeholder.ts. Only the built-in tables are read here: parses are cached
// per document, independent of settings.
import { splitAtPartnerMacros } from '../resolve/partner-regions';
import type { ParsedTemplate, Region, Span, TemplatePart } from '../base/types';
import { recognisedUrlOf } from './index';

/** The query values of an inbound link (offsets into the URL's value); none for any other URL. */
function partnerMacroSpans(url: TemplatePart): Span[] {
  const recognised = recognisedUrlOf(url);
  if (!recognised?.receiver.partnerMacros) return [];
  return recognised.url.pairs.filter((pair) => pair.hasEquals).map((pair) => pair.valueSpan);
}

function isVerbatim(url: TemplatePart): boolean {
  return url.value.length === url.span.end - url.span.start;
}

/**
 * The parse with the URL regions of inbound links split and their parts' `partnerMacros` set, for expansion. The
 * parse is fresh from a reader, so its parts are marked in place: the URL readings shared between them stay shared.
 */
export function markPartnerMacros(parsed: ParsedTemplate): ParsedTemplate {
  const urlRegions = new Map<number, Region>();
  for (const region of parsed.regions) if (region.place === 'url') urlRegions.set(region.start, region);
  const splits = new Map<number, Region[]>();
  for (const { url } of parsed.requests) {
    const spans = url ? partnerMacroSpans(url) : [];
    if (!url || spans.length === 0) continue;
    url.partnerMacros = spans;
    // Where quoting moved offsets, the document's region cannot be cut at the value's offsets: it stays whole.
    const region = isVerbatim(url) ? urlRegions.get(url.span.start) : undefined;
    if (region) splits.set(region.start, splitAtPartnerMacros(region, spans, region.start));
  }
  if (splits.size === 0) return parsed;
  const regions = parsed.regions.flatMap((region) => (region.place === 'url' && splits.get(region.start)) || [region]);
  return { ...parsed, regions };
}
