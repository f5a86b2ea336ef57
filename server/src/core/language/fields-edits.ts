// Edits that add a key to a fields file, or the text of a new one: what the "add to fields file" quick fixes write.
import { findNodeAtLocation, modify, parseTree, type Edit } from 'jsonc-parser';
import { isMap, isScalar, parseDocument, type Pair } from 'yaml';
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
