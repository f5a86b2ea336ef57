// Text for adding keys to a fields file, or for a new one: what the "add to fields file" quick fixes write.
import { modify, type Edit } from 'jsonc-parser';
import { parseDocument } from 'yaml';
import type { FieldsSection } from './resolve-placeholder';

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

function detectIndent(text: string): number {
  const match = /^( +)\S/m.exec(text);
  return match ? Math.min(match[1].length, 8) : 2;
}

/** Offset edits that add a key to a JSON fields file, keeping its formatting and comments. */
export function addKeyToJson(text: string, missing: MissingKey): Edit[] {
  const formattingOptions = { insertSpaces: true, tabSize: detectIndent(text), eol: text.includes('\r\n') ? '\r\n' : '\n' };
  return modify(text, [missing.section, missing.key], newEntry(missing.section), { formattingOptions });
}

/** The whole YAML fields file with a key added (the YAML library keeps comments). */
export function addKeyToYaml(text: string, missing: MissingKey): string {
  const document = parseDocument(text);
  document.setIn([missing.section, missing.key], document.createNode(newEntry(missing.section)));
  return document.toString();
}

/** A new fields file holding the given keys. */
export function newFieldsFileText(missing: readonly MissingKey[]): string {
  const file: Record<string, Record<string, Record<string, string>>> = { customFields: {}, trackerFields: {} };
  for (const { section, key } of missing) (file[section] ??= {})[key] = newEntry(section);
  return JSON.stringify({ placeholderSyntax: 'braces', ...file }, null, 2) + '\n';
}
