// Regions split where a URL part's value belongs to a partner network's macros (see receivers/partner-macros.ts).
import type { Region, Span, TemplatePart } from '../base/types';

/**
 * The region split so that each span of partner macros (offsets from `base`) stands alone, marked `partnerMacros`;
 * the stretches between keep the region's own reading.
 */
export function splitAtPartnerMacros(region: Region, spans: readonly Span[], base: number): Region[] {
  const pieces: Region[] = [];
  let from = region.start;
  for (const span of spans) {
    const start = base + span.start;
    const end = base + span.end;
    pieces.push({ ...region, start: from, end: start }, { ...region, start, end, partnerMacros: true });
    from = end;
  }
  pieces.push({ ...region, start: from, end: region.end });
  return pieces;
}

/** A part's value as regions of its own (offsets into the value), its partner macros apart. */
export function regionsOfPart(part: TemplatePart, region: Region): Region[] {
  return part.partnerMacros?.length ? splitAtPartnerMacros(region, part.partnerMacros, 0) : [region];
}
