// Partner macros: in a Chatterfy inbound link, query values belong to the partner network's macro language.
//
// A partner network (not Chatterfy) fills `{sub1}`, `{amount}`, `[subid]`, `#s2#` before it calls the link,
// so they are never checked against our fields and are sent as written. The query values of such a URL
// become regions of their own marked `partnerMacros`; there a braced token is still Chatterfy's placeholder
// when it names something Chatterfy knows (a round trip from a webhook step: `chatId={chatId}`), has a
// namespace (`{tracker.clickid}`), or differs from a known key only in case (`{chatid}`, a typo) — see
// isPartnerMacro in resolve-placeholder.ts. Only the built-in tables are read here: parses are cached
// per document, independent of settings.
import type { ParsedTemplate, Region, TemplatePart, TemplateRequest } from '../types';
import { urlReadingOf } from '../url-reading';

/** The region of a URL part's value split so that each query value of an inbound link stands alone, marked. */
export function urlRegionsOf(url: TemplatePart, region: Region): Region[] {
  const recognised = urlReadingOf(url).recognise();
  if (!recognised?.receiver.partnerMacros) return [region];
  const pieces: Region[] = [];
  let from = region.start;
  for (const pair of recognised.url.pairs) {
    if (!pair.hasEquals) continue;
    const start = region.start + pair.valueSpan.start;
    const end = region.start + pair.valueSpan.end;
    pieces.push({ ...region, start: from, end: start }, { ...region, start, end, partnerMacros: true });
    from = end;
  }
  pieces.push({ ...region, start: from, end: region.end });
  return pieces;
}

function isVerbatimUrl(request: TemplateRequest): boolean {
  const url = request.url;
  return url !== undefined && url.value.length === url.span.end - url.span.start;
}

/** The parsed template with the URL regions of inbound links split (see the header comment). */
export function markPartnerMacros(parsed: ParsedTemplate): ParsedTemplate {
  const urlRegions = new Map<number, Region>();
  for (const region of parsed.regions) if (region.place === 'url') urlRegions.set(region.start, region);
  const splits = new Map<number, Region[]>();
  for (const request of parsed.requests) {
    if (!isVerbatimUrl(request)) continue;
    const region = urlRegions.get(request.url!.span.start);
    const pieces = region && urlRegionsOf(request.url!, region);
    if (pieces && pieces.length > 1) splits.set(region!.start, pieces);
  }
  if (splits.size === 0) return parsed;
  const regions = parsed.regions.flatMap((region) => (region.place === 'url' && splits.get(region.start)) || [region]);
  return { ...parsed, regions };
}
