// Property-based tests of the `.webhook` reader: any text gives requests whose every span lies inside it, in linear time.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { parseWebhookFile } from '../../server/src/core/read/webhook-file';
import { assertInside, assertLinear, fuzzText, params, templateSpans } from './fuzz-support';

/** A request in `.webhook` syntax with random pieces in its URL, headers and body. */
const requestText = fc
  .tuple(fc.constantFrom('', '### name\n', '###\r\n', '# comment\n'), fc.constantFrom('', 'GET ', 'POST ', 'get\t'), fuzzText, fc.array(fuzzText, { maxLength: 3 }), fc.constantFrom('\n', '\r\n', '\r'), fuzzText)
  .map(([title, method, url, headers, eol, body]) => `${title}${method}${url}${eol}${headers.map((value) => `X-H: ${value}`).join(eol)}${eol}${eol}${body}`);

describe('parseWebhookFile on hostile text', () => {
  test('never throws, and every span lies inside the text', () => {
    fc.assert(
      fc.property(fc.oneof(fuzzText, requestText, fc.array(requestText, { maxLength: 4 }).map((blocks) => blocks.join('\n'))), (text) => {
        for (const [what, span] of templateSpans(parseWebhookFile(text))) assertInside(text, span, what);
      }),
      params(2000),
    );
  });

  test('a URL part holds exactly the text its span covers', () => {
    fc.assert(
      fc.property(requestText, (text) => {
        for (const request of parseWebhookFile(text).requests) {
          if (request.url) assert.equal(request.url.value, text.slice(request.url.span.start, request.url.span.end));
        }
      }),
      params(500),
    );
  });
});

describe('parseWebhookFile takes time linear in the text', () => {
  const cases: [string, (size: number) => string][] = [
    ['a megabyte request line', (n) => 'GET https://t.test/?a=' + '{chatId}&'.repeat(n / 8)],
    ['blanks inside a request line', (n) => 'GET ' + ' '.repeat(n) + 'x'],
    ['blanks inside a header value', (n) => 'GET https://t.test/\nX-A: a' + ' '.repeat(n) + 'b\n'],
    ['blanks before a false HTTP version', (n) => 'GET https://t.test/' + ' \t'.repeat(n) + 'HTTP/x'],
    ['many short requests', (n) => '###\nGET https://t.test/{chatId}\n\n'.repeat(n / 32)],
    ['only line breaks of every kind', (n) => '\r\n\r\n\r'.repeat(n / 5)],
    ['blanks then a U+2028 in a request line', (n) => 'GET' + ' '.repeat(n) + '\u2028'],
    ['blanks then a U+2028 in a header line', (n) => 'GET https://t.test/\nX-A:' + ' '.repeat(n) + '\u2028'],
    ['a header block of many lines', (n) => 'GET https://t.test/\n' + 'X-A: {chatId}\n'.repeat(n / 14)],
  ];
  for (const [what, build] of cases) test(what, () => assertLinear(what, build, (text) => parseWebhookFile(text)));
});
