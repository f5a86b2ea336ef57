// One reading of a request's URL template, made once per URL part and shared by the URL checks, partner macros,
// expansion and the receiver checks.
//
// Each of them needs the URL's parts or its receiver reading (placeholders masked); reading them again per check
// was most of the URL checks' time. Everything in a reading is an offset into the part's value, so it is kept per
// part object and computed on first use. (Which receiver a reading is for is kept beside it, in receivers/.)
import { readReceiverUrl, type ReceiverUrl } from './read-url';
import type { ParsedTemplate, TemplatePart } from '../base/types';
import { urlTemplateParts, type UrlTemplateParts } from './url-template-parts';

export class UrlReading {
  private partsRead?: UrlTemplateParts;
  private receiverUrlRead?: ReceiverUrl | null;

  constructor(readonly value: string) {}

  get parts(): UrlTemplateParts {
    return (this.partsRead ??= urlTemplateParts(this.value));
  }

  /** The URL as a receiver reads it; undefined without `scheme://`. */
  get receiverUrl(): ReceiverUrl | undefined {
    if (this.receiverUrlRead === undefined) this.receiverUrlRead = readReceiverUrl(this.value) ?? null;
    return this.receiverUrlRead ?? undefined;
  }
}

const readings = new WeakMap<TemplatePart, UrlReading>();

/** The reading of a URL part, made on first request. */
export function urlReadingOf(part: TemplatePart): UrlReading {
  let reading = readings.get(part);
  if (!reading) readings.set(part, (reading = new UrlReading(part.value)));
  return reading;
}

/**
 * Gives the URL parts of a parse that are written alike one reading: scripts repeat a postback URL over many
 * steps, and a reading holds only offsets into the value, so it serves every part with that value.
 */
export function shareUrlReadings(parsed: ParsedTemplate): ParsedTemplate {
  const byValue = new Map<string, UrlReading>();
  for (const { url } of parsed.requests) {
    if (!url || readings.has(url)) continue;
    let reading = byValue.get(url.value);
    if (!reading) byValue.set(url.value, (reading = new UrlReading(url.value)));
    readings.set(url, reading);
  }
  return parsed;
}
