// Edits of a fields file: adding a key, or the text of a new file ("add to fields file" quick fixes), and removing keys
// ("Remove field"); everything else in the file (layout, comments) stays as written.
import { findNodeAtLocation, modify, parseTree, type Edit, type Node as JsonNode } from 'jsonc-parser';
import { isMap, isScalar, parseDocument, type Pair, type YAMLMap } from 'yaml';
import type { FieldsSection } from '../resolve/resolve-placeholder';

export type { Edit } from 'jsonc-parser';

export interface MissingKey {
  section: FieldsSection;
  key: string;
}

/** The entry a new key gets: what the user fills in next. */
export function newEntry(section: FieldsSection): Record<string, string> {
  if (section === 'customFields') return { type: 'text', description: '' };
  if (section === 'trackerFields') return { description: '' };
  return { value: '', description: '' };
}

function eolOf(text: string): string {
  return text.includes('\r\n') ? '\r\n' : '\n';
}

/** The file's own indentation unit: a tab, or the smallest run of leading spaces. */
function indentUnit(text: string): string {
  if (/^\t/m.test(text)) return '\t';
  const widths = [...text.matchAll(/^( +)\S/gm)].map((match) => match[1].length);
  return ' '.repeat(widths.length > 0 ? Math.min(...widths, 8) : 2);
}

function lineStartOf(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

function lineEndOf(text: string, offset: number): number {
  const end = text.indexOf('\n', offset);
  return end < 0 ? text.length : text[end - 1] === '\r' ? end - 1 : end;
}

function indentationAt(text: string, offset: number): string {
  return /^[ \t]*/.exec(text.slice(lineStartOf(text, offset)))![0];
}

/** The new entry, on one line like `"geo": { "type": "text" }` or spread over lines, as its neighbour is written. */
function jsonEntry(missing: MissingKey, layout: { multiline: boolean; indent: string; unit: string; eol: string }): string {
  const members = Object.entries(newEntry(missing.section)).map(([name, value]) => `${JSON.stringify(name)}: ${JSON.stringify(value)}`);
  const key = JSON.stringify(missing.key);
  if (!layout.multiline) return `${key}: { ${members.join(', ')} }`;
  const inner = layout.indent + layout.unit;
  return `${key}: {${layout.eol}${members.map((member) => inner + member).join(',' + layout.eol)}${layout.eol}${layout.indent}}`;
}

/**
 * Offset edits that add a key to a JSON fields file after the section's last entry, on a line of its own
 * and in the file's indentation; everything else (formatting, comments) stays as written.
 */
export function addKeyToJson(text: string, missing: MissingKey): Edit[] {
  const root = parseTree(text);
  const section = root && findNodeAtLocation(root, [missing.section]);
  const eol = eolOf(text);
  const unit = indentUnit(text);
  if (!section || section.type !== 'object') {
    return modify(text, [missing.section, missing.key], newEntry(missing.section), { formattingOptions: { insertSpaces: unit !== '\t', tabSize: unit.length, eol } });
  }
  const properties = section.children ?? [];
  if (properties.length === 0) {
    const indent = indentationAt(text, section.offset);
    const entry = jsonEntry(missing, { multiline: true, indent: indent + unit, unit, eol });
    return [{ offset: section.offset, length: section.length, content: `{${eol}${indent}${unit}${entry}${eol}${indent}}` }];
  }
  const last = properties[properties.length - 1];
  const lastEnd = last.offset + last.length;
  const indent = indentationAt(text, last.offset);
  const entry = jsonEntry(missing, { multiline: text.slice(last.offset, lastEnd).includes('\n'), indent, unit, eol });
  const comma = /^\s*,/.exec(text.slice(lastEnd))?.[0] ?? '';
  const afterComma = lastEnd + comma.length;
  const restOfLine = text.slice(afterComma, lineEndOf(text, afterComma));
  if (!/^\s*(\/\/.*|\/\*.*\*\/\s*)?$/.test(restOfLine)) return [{ offset: afterComma, length: 0, content: `${comma ? '' : ','} ${entry}${comma ? ',' : ''}` }];
  const newLine = { offset: lineEndOf(text, afterComma), length: 0, content: `${eol}${indent}${entry}` };
  return comma ? [newLine] : [{ offset: lastEnd, length: 0, content: ',' }, newLine];
}

function yamlEntryLines(missing: MissingKey, indent: string, unit: string, eol: string): string {
  const fields = Object.entries(newEntry(missing.section)).map(([name, value]) => `${indent}${unit}${name}: ${value === '' ? '""' : value}`);
  return [`${indent}${missing.key}:`, ...fields].join(eol);
}

/** Offset edits that add a key to a YAML fields file below the section's last entry; comments and layout stay. */
export function addKeyToYaml(text: string, missing: MissingKey): Edit[] {
  const document = parseDocument(text);
  const eol = eolOf(text);
  const unit = indentUnit(text) === '\t' ? '  ' : indentUnit(text);
  const pair = isMap(document.contents) ? (document.contents.items as Pair[]).find((item) => isScalar(item.key) && item.key.value === missing.section) : undefined;
  if (!pair) {
    const separator = text === '' || text.endsWith('\n') ? '' : eol;
    return [{ offset: text.length, length: 0, content: `${separator}${missing.section}:${eol}${yamlEntryLines(missing, unit, unit, eol)}${eol}` }];
  }
  const keyStart = (pair.key as { range?: number[] }).range?.[0] ?? 0;
  const sectionIndent = indentationAt(text, keyStart);
  const value = pair.value;
  if (isMap(value) && value.flow) return wholeYaml(text, missing);
  const items = isMap(value) ? (value.items as Pair[]) : [];
  const last = items[items.length - 1];
  const anchor = last ? ((last.value as { range?: number[] } | null)?.range?.[1] ?? (last.key as { range?: number[] }).range?.[1] ?? keyStart) : keyStart;
  const indent = last ? indentationAt(text, (last.key as { range?: number[] }).range?.[0] ?? keyStart) : sectionIndent + unit;
  const end = lineEndOf(text, Math.max(anchor - 1, keyStart));
  return [{ offset: end, length: 0, content: `${eol}${yamlEntryLines(missing, indent, unit, eol)}` }];
}

/** A flow-style section (`customFields: {}`) is rewritten by the YAML library, which keeps comments. */
function wholeYaml(text: string, missing: MissingKey): Edit[] {
  const document = parseDocument(text);
  document.setIn([missing.section, missing.key], document.createNode(newEntry(missing.section)));
  return [{ offset: 0, length: text.length, content: document.toString() }];
}

/** A new fields file holding the given keys. */
export function newFieldsFileText(missing: readonly MissingKey[]): string {
  const file: Record<string, Record<string, Record<string, string>>> = { customFields: {}, trackerFields: {} };
  for (const { section, key } of missing) (file[section] ??= {})[key] = newEntry(section);
  return JSON.stringify({ placeholderSyntax: 'braces', ...file }, null, 2) + '\n';
}

// ---- Removing keys ---------------------------------------------------------------------------------

/** The next line's start after an offset (the text's end on the last line). */
function nextLineStart(text: string, offset: number): number {
  const newline = text.indexOf('\n', offset);
  return newline < 0 ? text.length : newline + 1;
}

/** Whether only blanks stand before `start` on its line, and only blanks, a comma or a line comment after `end`. */
function standsOnItsOwnLines(text: string, start: number, end: number): boolean {
  return text.slice(lineStartOf(text, start), start).trim() === '' && /^[ \t]*,?[ \t]*(?:(?:\/\/|#).*)?$/.test(text.slice(end, lineEndOf(text, end)));
}

/** A member of an object or map: its span, and its neighbours' within the same braces. */
interface Member extends Span {
  previous?: Span;
  next?: Span;
  /** The object's braces, when it is written inline (`{ … }`): the only member removed leaves `{}`. */
  braces?: Span;
  /** Members are separated by commas (JSON, YAML flow maps), not by lines alone (YAML block maps). */
  commas: boolean;
}

type Span = { start: number; end: number };

/**
 * The edits that remove one member. On lines of its own, its lines go (and the comma before it, when it was last);
 * written inline, it goes with the comma and blanks between it and its neighbour.
 */
function memberRemoval(text: string, member: Member): Edit[] {
  const cut = (start: number, end: number): Edit => ({ offset: start, length: end - start, content: '' });
  if (!member.braces && standsOnItsOwnLines(text, member.start, member.end)) {
    const lines = cut(lineStartOf(text, member.start), nextLineStart(text, member.end));
    const comma = member.commas && member.previous && !member.next ? text.indexOf(',', member.previous.end) : -1;
    return comma >= 0 && comma < member.start ? [cut(comma, comma + 1), lines] : [lines];
  }
  if (member.next) return [cut(member.start, member.next.start)];
  if (member.previous) return [cut(member.previous.end, member.end)];
  return member.braces ? [cut(member.braces.start + 1, member.braces.end - 1)] : [cut(member.start, member.end)];
}

function jsonMember(text: string, property: JsonNode): Member {
  const siblings = property.parent?.children ?? [];
  const index = siblings.indexOf(property);
  const span = (node: JsonNode | undefined) => node && { start: node.offset, end: node.offset + node.length };
  const object = property.parent;
  const inline = object !== undefined && !text.slice(object.offset, object.offset + object.length).includes('\n');
  return { ...span(property)!, previous: span(siblings[index - 1]), next: span(siblings[index + 1]), braces: inline ? span(object) : undefined, commas: true };
}

/** Offset edits that remove keys (each a path such as `['profiles', 'lead', 'geo']`) from a JSON fields file. */
export function removeKeysFromJson(text: string, paths: readonly (readonly string[])[]): Edit[] {
  const root = parseTree(text);
  if (!root) return [];
  return paths.flatMap((path) => {
    const property = findNodeAtLocation(root, [...path])?.parent;
    return property?.type === 'property' ? memberRemoval(text, jsonMember(text, property)) : [];
  });
}

/** A pair's span: from its key to the end of its value (the key's end when it has none), line breaks after it left out. */
function pairSpan(text: string, pair: Pair): Span {
  const key = (pair.key as { range?: number[] }).range ?? [0, 0];
  const value = (pair.value as { range?: number[] } | null)?.range;
  let end = value ? value[1] : key[1];
  while (end > key[0] && /\s/.test(text[end - 1])) end--;
  return { start: key[0], end };
}

/** Offset edits that remove keys (each a path such as `['profiles', 'lead', 'geo']`) from a YAML fields file. */
export function removeKeysFromYaml(text: string, paths: readonly (readonly string[])[]): Edit[] {
  const document = parseDocument(text);
  return paths.flatMap((path) => {
    const map = path.length > 1 ? document.getIn(path.slice(0, -1), true) : document.contents;
    if (!isMap(map)) return [];
    const pairs = map.items as Pair[];
    const index = pairs.findIndex((pair) => isScalar(pair.key) && pair.key.value === path[path.length - 1]);
    if (index < 0) return [];
    const span = (at: number) => pairs[at] && pairSpan(text, pairs[at]);
    const member: Member = { ...span(index), previous: span(index - 1), next: span(index + 1), commas: map.flow === true };
    if (map.flow) return memberRemoval(text, { ...member, braces: flowBraces(map) });
    // The only entry of a block map: its key is left with `{}`, not with no value (which reads as null).
    if (pairs.length === 1 && path.length > 1) return [...memberRemoval(text, member), ...emptyMapAfterKey(text, document, path.slice(0, -1))];
    return memberRemoval(text, member);
  });
}

function flowBraces(map: YAMLMap): Span {
  const range = (map as { range?: number[] }).range ?? [0, 0];
  return { start: range[0], end: range[1] };
}

/** ` {}` right after the colon of the key at `path`. */
function emptyMapAfterKey(text: string, document: ReturnType<typeof parseDocument>, path: readonly string[]): Edit[] {
  const parent = path.length > 1 ? document.getIn(path.slice(0, -1), true) : document.contents;
  if (!isMap(parent)) return [];
  const pair = (parent.items as Pair[]).find((candidate) => isScalar(candidate.key) && candidate.key.value === path[path.length - 1]);
  const keyEnd = (pair?.key as { range?: number[] } | undefined)?.range?.[1];
  const colon = keyEnd === undefined ? -1 : text.indexOf(':', keyEnd);
  return colon < 0 ? [] : [{ offset: colon + 1, length: 0, content: ' {}' }];
}
