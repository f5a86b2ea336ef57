// Shared pieces of the property-based tests: hostile text generators, span checks and a size-doubling time check.
import assert from 'node:assert/strict';
import { performance } from 'node:perf_hooks';
import fc from 'fast-check';
import type { ParsedTemplate, Span } from '../../server/src/core/base/types';

/** Runs per property: `base` in `npm test`, FUZZ_RUNS (set by `npm run fuzz`) when given. */
export function runs(base: number): number {
  const wanted = Number(process.env.FUZZ_RUNS);
  return Number.isInteger(wanted) && wanted > 0 ? wanted : base;
}

/** fast-check parameters: the seed and path of a failure are in its error message, so a failure can be replayed. */
export function params(base: number): fc.Parameters<unknown> {
  return { numRuns: runs(base), endOnFailure: true };
}

/** Pieces real and broken templates are made of: delimiters, line breaks of every kind, BOMs, NULs, lone surrogates. */
const PIECES = [
  '{', '}', '{{', '}}', '{{{', '}}}', '<', '>', '<>', '{}', '{{}}', ' ', '\t', '\n', '\r', '\r\n', '\uFEFF', '\0',
  '\uD800', '\uDC00', '\uD83D\uDE00', '\u2028', '\u00A0', 'é', 'я', '"', "'", '\\', ':', ': ', ',', '[', ']', '-', '- ',
  '#', '###', '//', '&', '*a', '&a ', '!!str ', '|', '>-', '---', '...', '%', '%7B', '=', '?', '/', 'http://', 'https://',
  'GET ', 'POST ', 'HTTP/1.1', 'Authorization: ', 'chatId', 'username', 'tracker.', 'tracker.clickid', 'fields.',
  'variables.', 'geo', 'stepKey', 'chat-id', '0x', '1e999', 'null', 'true',
];

/** Words of the script and fields file formats, so generated text often reaches deep into the readers. */
const STRUCTURE = [
  'flows:', 'steps:', 'key: ', 'type: webhook', 'type: message', 'url: ', 'body: ', 'headers:', 'text: ', 'method: POST',
  '"flows": [', '"steps": [', '"key": ', '"type": "webhook"', '"url": ', '{"', '"}', 'customFields', 'trackerFields',
  'botVariables', 'profiles', 'placeholderSyntax', '"angle"', 'angle', 'description', 'example', 'items', 'value', '${env:X}',
];

/** Every UTF-16 code unit, lone surrogates included. */
const codeUnit = fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code));

/** Text of random code units. */
export const anyText = fc.string({ unit: codeUnit, maxLength: 200 });

/** Text assembled from the pieces above: the adversarial case. */
export const hostileText = fc.array(fc.oneof(fc.constantFrom(...PIECES), fc.constantFrom(...STRUCTURE), codeUnit), { maxLength: 120 }).map((parts) => parts.join(''));

/** A YAML-ish document: lines of random indentation built from pieces, with every kind of line break. */
export const yamlishText = fc
  .array(
    fc.tuple(fc.nat({ max: 12 }), fc.array(fc.oneof(fc.constantFrom(...STRUCTURE), fc.constantFrom(...PIECES)), { maxLength: 6 }), fc.constantFrom('\n', '\r\n', '\r')),
    { maxLength: 30 },
  )
  .map((lines) => lines.map(([indent, parts, eol]) => ' '.repeat(indent) + parts.join('') + eol).join(''));

/** Any of the three kinds of text. */
export const fuzzText = fc.oneof(anyText, hostileText, yamlishText);

/** Fails unless 0 ≤ start ≤ end ≤ length. */
export function assertInside(text: string, span: Span, what: string): void {
  const ok = Number.isInteger(span.start) && Number.isInteger(span.end) && span.start >= 0 && span.start <= span.end && span.end <= text.length;
  assert.ok(ok, `${what} [${span.start}, ${span.end}) lies outside the text of length ${text.length}`);
}

/** Every line/character of an LSP range is a position of the document (a converted span). */
export function assertRangeInside(lineCount: number, range: { start: { line: number; character: number }; end: { line: number; character: number } }, what: string): void {
  const { start, end } = range;
  const ok = start.line >= 0 && start.character >= 0 && end.line < lineCount && (start.line < end.line || (start.line === end.line && start.character <= end.character));
  assert.ok(ok, `${what} ${JSON.stringify(range)} is not a range of a ${lineCount}-line document`);
}

/** The fastest of `repeats` runs; one run slower than `enoughMs` already decides (a catastrophic case must fail, not hang). */
function fastest(work: () => void, repeats: number, enoughMs = Infinity): number {
  let best = Infinity;
  for (let i = 0; i < repeats; i++) {
    const started = performance.now();
    work();
    const took = performance.now() - started;
    best = Math.min(best, took);
    if (took > enoughMs) return took;
  }
  return best;
}

/**
 * Fails when quadrupling the input's size takes much more than four times as long. The machine is shared, so no
 * absolute limit: the smaller size grows until it takes a measurable time (a reader that never does is linear
 * enough), each size keeps its fastest of three
 * runs, and the bound (10×) sits between linear (4×) and quadratic (16×). A busy moment can spoil one measurement,
 * so it is taken up to three times: a quadratic reader fails all three.
 */
export function assertLinear(what: string, build: (size: number) => string, work: (text: string) => void): void {
  for (let attempt = 1; ; attempt++) {
    const failure = linearityFailure(what, build, work);
    if (!failure) return;
    assert.ok(attempt < 3, failure);
  }
}

function linearityFailure(what: string, build: (size: number) => string, work: (text: string) => void): string | undefined {
  // Small enough at first that even a cubic reader answers at once.
  let size = 256;
  let small = fastest(() => work(build(size)), 3);
  while (small < 15 && size < 1 << 20) {
    size *= 2;
    small = fastest(() => work(build(size)), 3);
  }
  // A million characters read in under 15 ms: no quadratic reader does that, and timings that small are mostly
  // the machine's noise (a collection, another process), which made this check fail on a busy machine.
  if (small < 15) return undefined;
  const bigText = build(size * 4);
  const smallText = build(size);
  small = fastest(() => work(smallText), 3);
  const big = fastest(() => work(bigText), 3, 40 * Math.max(small, 0.5));
  const ratio = big / Math.max(small, 0.5);
  if (ratio < 10) return undefined;
  return `${what}: ${smallText.length} chars took ${small.toFixed(1)} ms, ${bigText.length} chars ${big.toFixed(1)} ms (×${ratio.toFixed(1)}, linear would be ×4)`;
}

/** Every span the reader reports, named for the failure message. */
export function templateSpans(parsed: ParsedTemplate): [string, Span][] {
  const spans: [string, Span][] = [];
  parsed.regions.forEach((region, i) => spans.push([`region ${i}`, region]));
  parsed.problems.forEach((problem, i) => spans.push([`problem ${i} (${problem.code})`, problem.span]));
  parsed.steps.forEach((step, i) => spans.push([`step ${i}`, step.span], ...(step.keySpan ? [[`step ${i} key`, step.keySpan] as [string, Span]] : [])));
  for (const [i, request] of parsed.requests.entries()) {
    spans.push([`request ${i}`, request.span], [`request ${i} name`, request.nameSpan]);
    if (request.methodSpan) spans.push([`request ${i} method`, request.methodSpan]);
    if (request.url) spans.push([`request ${i} url`, request.url.span]);
    if (request.body) spans.push([`request ${i} body`, request.body.span]);
    for (const header of request.headers) spans.push([`request ${i} header name`, header.nameSpan], [`request ${i} header value`, header.value.span]);
  }
  return spans;
}
