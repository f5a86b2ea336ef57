// Reads a `.webhook` file into its requests (`###` blocks) and the template regions they hold.
//
// A block is: comment (`#`, `//`) and blank lines, a request line `METHOD URL` or `URL`, header
// lines `Name: value`, one blank line, then the body up to the next `###` line. A line in the
// header block that is not `Name: value` (name a token, no spaces) starts the body, as if the
// blank line were missing: its placeholders are then still checked. A block without a request
// line (only comments, or a trailing `###`) is not a request. A request line ending in
// ` HTTP/1.1` (as pasted from other HTTP clients) keeps that suffix out of the URL.
import type { ParsedTemplate, Region, RequestHeader, Span, TemplatePart, TemplateRequest } from '../base/types';

interface Line extends Span {
  text: string;
}

interface Block {
  /** The `###` line that opens the block; none for the text before the first one. */
  title?: Line;
  lines: Line[];
}

// No two parts of these can match the same characters, so they never backtrack: a megabyte line of blanks is read in
// linear time. `[^]` rather than `.`: a line may hold U+2028, which is not a line break here.
const HEADER = /^([!#$%&'*+.^_`|~0-9A-Za-z-]+)(:[ \t]*)([^]*)$/;
const METHOD_AND_URL = /^([A-Za-z]+)([ \t]+)([^]*)$/;
const HTTP_VERSION = /^HTTP\/\d+(?:\.\d+)?$/i;

export function parseWebhookFile(text: string): ParsedTemplate {
  const requests: TemplateRequest[] = [];
  const regions: Region[] = [];
  for (const block of splitBlocks(splitLines(text))) {
    const request = readRequest(block, text);
    if (!request) continue;
    requests.push(request);
    addRegions(request, regions);
  }
  return { kind: 'webhook', regions, requests, steps: [], problems: [] };
}

// Regions and requests are built field by field: spreading a span into a new object literal costs V8 ten times as
// much, and a file holds thousands of them.
function addRegions(request: TemplateRequest, regions: Region[]): void {
  if (request.url) regions.push(regionOf(request.url.span, 'url'));
  for (const header of request.headers) regions.push(regionOf(header.value.span, 'header'));
  if (request.body) regions.push(regionOf(request.body.span, 'body'));
}

function regionOf(span: Span, place: Region['place']): Region {
  return { start: span.start, end: span.end, dialect: 'webhook', place };
}

/** Lines without their terminators (`\r\n`, `\r` or `\n`). */
function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  const terminator = /\r\n|\r|\n/g;
  let start = 0;
  for (let match = terminator.exec(text); match; match = terminator.exec(text)) {
    lines.push({ start, end: match.index, text: text.slice(start, match.index) });
    start = match.index + match[0].length;
  }
  lines.push({ start, end: text.length, text: text.slice(start) });
  return lines;
}

function splitBlocks(lines: Line[]): Block[] {
  const blocks: Block[] = [{ lines: [] }];
  for (const line of lines) {
    if (line.text.startsWith('###')) blocks.push({ title: line, lines: [] });
    else blocks[blocks.length - 1].lines.push(line);
  }
  return blocks;
}

function readRequest(block: Block, text: string): TemplateRequest | undefined {
  const { lines } = block;
  const index = lines.findIndex((line) => !isBlank(line) && !isComment(line));
  if (index < 0) return undefined;
  const requestLine = trimmed(lines[index]);
  const { headers, bodyStart } = readHeaders(lines, index + 1);
  const start = block.title?.start ?? lines[0].start;
  const end = lastContentLine(lines)?.end ?? requestLine.end;
  const name = nameOf(block.title, requestLine);
  const { method, methodSpan, url } = readRequestLine(requestLine);
  return {
    name: name.text,
    nameSpan: { start: name.start, end: name.end },
    method,
    methodSpan,
    url,
    span: { start, end },
    headers,
    body: bodyOf(lines, bodyStart, text),
  };
}

/** The `###` line's title when it has one, else the request line. */
function nameOf(title: Line | undefined, requestLine: Line): Line {
  const titleText = title?.text.slice(3).trim();
  return title && titleText ? { start: title.start, end: title.end, text: titleText } : requestLine;
}

function readRequestLine(line: Line): Pick<TemplateRequest, 'method' | 'methodSpan' | 'url'> {
  const match = METHOD_AND_URL.exec(line.text);
  if (!match) return { method: 'GET', methodSpan: undefined, url: partOf(withoutHttpVersion(line)) };
  const [, method, gap, url] = match;
  const urlStart = line.start + method.length + gap.length;
  return {
    method: method.toUpperCase(),
    methodSpan: { start: line.start, end: line.start + method.length },
    url: partOf(withoutHttpVersion({ start: urlStart, end: line.end, text: url })),
  };
}

function withoutHttpVersion(line: Line): Line {
  const lastBlank = Math.max(line.text.lastIndexOf(' '), line.text.lastIndexOf('\t'));
  if (lastBlank < 0 || !HTTP_VERSION.test(line.text.slice(lastBlank + 1))) return line;
  const text = line.text.slice(0, endOfText(line.text, lastBlank));
  return { start: line.start, end: line.start + text.length, text };
}

/** Where the text before `end` stops, leaving out the blanks (spaces, tabs) right before `end`. */
function endOfText(text: string, end: number): number {
  let to = end;
  while (to > 0 && (text[to - 1] === ' ' || text[to - 1] === '\t')) to--;
  return to;
}

/** Header lines from `from` on, and where the body starts: after the blank line, or at the first non-header line. */
function readHeaders(lines: Line[], from: number): { headers: RequestHeader[]; bodyStart: number } {
  const headers: RequestHeader[] = [];
  let index = from;
  for (; index < lines.length && !isBlank(lines[index]); index++) {
    const header = readHeader(lines[index]);
    if (!header) return { headers, bodyStart: index };
    headers.push(header);
  }
  return { headers, bodyStart: index + 1 };
}

function readHeader(line: Line): RequestHeader | undefined {
  const match = HEADER.exec(line.text);
  if (!match) return undefined;
  const [, name, colon, rest] = match;
  const value = rest.slice(0, endOfText(rest, rest.length));
  const valueStart = line.start + name.length + colon.length;
  return {
    name,
    nameSpan: { start: line.start, end: line.start + name.length },
    value: partOf({ start: valueStart, end: valueStart + value.length, text: value }),
  };
}

/** The body: every line from `from` to the block's end, trailing blank lines left out; none when all are blank. */
function bodyOf(lines: Line[], from: number, text: string): TemplatePart | undefined {
  const last = lastContentLine(lines, from);
  if (!last) return undefined;
  const span = { start: lines[from].start, end: last.end };
  return { span, value: text.slice(span.start, span.end) };
}

function lastContentLine(lines: Line[], from = 0): Line | undefined {
  for (let i = lines.length - 1; i >= from; i--) if (!isBlank(lines[i])) return lines[i];
  return undefined;
}

function trimmed(line: Line): Line {
  const text = line.text.trim();
  const start = line.start + line.text.indexOf(text);
  return { start, end: start + text.length, text };
}

function partOf(line: Line): TemplatePart {
  return { span: { start: line.start, end: line.end }, value: line.text };
}

function isBlank(line: Line): boolean {
  return line.text.trim() === '';
}

function isComment(line: Line): boolean {
  const text = line.text.trimStart();
  return text.startsWith('#') || text.startsWith('//');
}
