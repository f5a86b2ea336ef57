// What a document is (webhook file, script file, fields file), decided by its file name.
import type { DocumentKind } from '../base/types';

/** The language of `.webhook` files, which an editor may also give a document of any other name. */
export const WEBHOOK_LANGUAGE_ID = 'webhook-template';

/**
 * The names a project's fields file may have, searched in this order (a new file gets the first). Written exactly:
 * the search on disk, the editor's file watchers and the kind of an open document all use these names as they are.
 */
export const FIELDS_FILE_NAMES: readonly string[] = ['webhook-fields.json', 'webhook-fields.yaml', 'webhook-fields.yml'];

/** Extensions name template files whatever their case (`Lead.WEBHOOK` from a Windows share is still one). */
const TEMPLATE_NAMES: readonly [RegExp, DocumentKind][] = [
  [/\.webhook$/i, 'webhook'],
  [/\.script\.ya?ml$/i, 'script-yaml'],
  [/\.script\.json$/i, 'script-json'],
];

function fieldsKindOfName(base: string): DocumentKind | undefined {
  if (!FIELDS_FILE_NAMES.includes(base)) return undefined;
  return base.endsWith('.json') ? 'fields-json' : 'fields-yaml';
}

/** Whether the URI or path names a fields file. */
export function isFieldsFileName(uriOrPath: string): boolean {
  const path = normalizedPath(uriOrPath);
  return fieldsKindOfName(path.slice(path.lastIndexOf('/') + 1)) !== undefined;
}

/**
 * The kind of the document at `uriOrPath` (a `file:` URI or a plain POSIX/Windows path).
 * `extraScriptGlobs` (setting `webhookTemplates.scriptFiles`) name more script files; a glob
 * without a slash matches the base name, one with a slash matches the end of the path.
 */
export function documentKindOf(uriOrPath: string, extraScriptGlobs: readonly string[] = []): DocumentKind | undefined {
  const path = normalizedPath(uriOrPath);
  const base = path.slice(path.lastIndexOf('/') + 1);
  const named = fieldsKindOfName(base) ?? TEMPLATE_NAMES.find(([pattern]) => pattern.test(base))?.[1];
  if (named) return named;
  if (!extraScriptGlobs.some((glob) => globMatches(glob, path, base))) return undefined;
  if (/\.json$/i.test(base)) return 'script-json';
  return /\.ya?ml$/i.test(base) ? 'script-yaml' : undefined;
}

export function isTemplateKind(kind: DocumentKind | undefined): boolean {
  return kind === 'webhook' || kind === 'script-yaml' || kind === 'script-json';
}

export function isFieldsKind(kind: DocumentKind | undefined): boolean {
  return kind === 'fields-json' || kind === 'fields-yaml';
}

/** A path with `/` separators: URI scheme, authority, query and fragment dropped, percent-escapes undone. */
function normalizedPath(uriOrPath: string): string {
  // A scheme has two or more characters, so a drive letter (`C:\`) is not taken for one.
  const uri = /^[a-z][a-z0-9+.-]+:/i.exec(uriOrPath);
  if (!uri) return uriOrPath.replace(/\\/g, '/');
  let rest = uriOrPath.slice(uri[0].length).replace(/[?#].*$/s, '');
  if (rest.startsWith('//')) {
    const pathStart = rest.indexOf('/', 2);
    rest = pathStart < 0 ? '' : rest.slice(pathStart);
  }
  return safeDecode(rest).replace(/\\/g, '/');
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

export function globMatches(glob: string, path: string, base: string): boolean {
  const normalized = glob.trim().replace(/\\/g, '/').replace(/^\.\//, '');
  if (normalized === '') return false;
  if (!normalized.includes('/')) return globRegExp(normalized, '^').test(base);
  return globRegExp(normalized, normalized.startsWith('/') ? '^' : '(?:^|/)').test(path);
}

const compiled = new Map<string, RegExp>();

/** `**` any path, `*` and `?` within one segment, `{a,b}` alternatives; everything else literal. */
function globRegExp(glob: string, anchor: string): RegExp {
  const cacheKey = anchor + glob;
  let regExp = compiled.get(cacheKey);
  if (!regExp) {
    regExp = new RegExp(`${anchor}${globSource(glob)}$`);
    compiled.set(cacheKey, regExp);
  }
  return regExp;
}

const GLOB_TOKENS: Readonly<Record<string, string>> = {
  '**/': '(?:.*/)?',
  '**': '.*',
  '*': '[^/]*',
  '?': '[^/]',
  '{': '(?:',
  '}': ')',
  ',': '|',
};

function globSource(glob: string): string {
  let braceDepth = 0;
  const source = glob.replace(/\*\*\/|\*\*|[*?{},]|[^*?{},]+/g, (token) => {
    // Outside braces, `}` and `,` are plain characters.
    if ((token === '}' || token === ',') && braceDepth === 0) return escapeRegExp(token);
    if (token === '{') braceDepth++;
    if (token === '}') braceDepth--;
    return GLOB_TOKENS[token] ?? escapeRegExp(token);
  });
  return source + ')'.repeat(braceDepth);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}
