// Completion of placeholder keys after `{`, `{{`, `<` and after a namespace such as `{tracker.`; receiver snippets in empty URLs and bodies.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { CompletionItemKind, MarkupKind, type CompletionItem, type CompletionList, type Position } from 'vscode-languageserver-types';
import { describeTarget, targetDetail } from './describe';
import { resolveContextOf } from '../resolve/fields-context';
import { regionsAround } from '../read/incremental';
import { toRange } from '../base/positions';
import { textBetween, textWindow } from '../base/text-window';
import { regionsAt } from '../resolve/regions-at';
import { delimiterFor, keyFormOf, targetsOf, type Target } from '../resolve/resolve-placeholder';
import { closerOf } from '../resolve/scan-placeholders';
import { refId, refOfTarget } from '../resolve/usages';
import type { UsageCounts } from './usage-index';
import type { Delimiter, Dialect, FieldsContext, ParsedTemplate, PlaceholderSyntax, Region, Span } from '../base/types';
import type { L10n } from '../base/l10n';

const KEY_CHAR = /[A-Za-z0-9_.]/;
const NAMESPACES: Record<Dialect, string[]> = { webhook: ['tracker'], message: ['fields', 'tracker', 'variables'] };

/** Where the cursor stands inside a placeholder being typed. */
export interface CompletionSite {
  region: Region;
  delimiter: Delimiter;
  /** The namespace already typed (`tracker`), or '' at the top level. */
  namespace: string;
  /** The part of the key the completion replaces: after the namespace dot, through the rest of the key. */
  replace: Span;
  /** The closer written after the key so far (`}`, or `}` of `}}`), which accepting a key writes over. */
  closerSpan: Span;
  /** The whole closer of the delimiter (`}`, `}}`, `>`). */
  closer: string;
}

function regionAt(regions: readonly Region[], offset: number): Region | undefined {
  return regionsAt(regions, offset)[0];
}

function delimiterBefore(text: string, at: number, region: Region, syntax: PlaceholderSyntax): Delimiter | undefined {
  const expected = delimiterFor(region.dialect, syntax);
  if (at - expected.length < region.start || !text.startsWith(expected, at - expected.length)) return undefined;
  // `{{` seen from a webhook's `{`, or `{{{`, is another dialect or not a placeholder.
  const before = text[at - expected.length - 1];
  return expected !== '<' && before === '{' && at - expected.length - 1 >= region.start ? undefined : expected;
}

/**
 * How much of the closer already stands after the key (1 when `{{key}` has one brace). Accepting a key writes over it
 * and writes the whole closer, so the cursor lands after the placeholder, not before a brace the user typed.
 */
function closerPresent(text: string, keyEnd: number, closer: string): number {
  for (let present = closer.length; present > 0; present--) {
    if (text.startsWith(closer.slice(0, present), keyEnd)) return present;
  }
  return 0;
}

/** The longest closer a site reads after its region (`}}`). */
const MAX_CLOSER = 2;

/** Where the cursor stands in a placeholder; the region and the closer after it are all it reads of the document. */
export function completionSite(document: TextDocument, offset: number, regions: readonly Region[], syntax: PlaceholderSyntax): CompletionSite | undefined {
  const region = regionAt(regions, offset);
  if (!region) return undefined;
  const { text, base } = textWindow(document, region.start, region.end + MAX_CLOSER);
  const local = { start: region.start - base, end: region.end - base, dialect: region.dialect, place: region.place };
  const site = siteInWindow(text, offset - base, local, syntax);
  if (!site) return undefined;
  const moved = (span: Span) => ({ start: span.start + base, end: span.end + base });
  return { region, delimiter: site.delimiter, namespace: site.namespace, replace: moved(site.replace), closerSpan: moved(site.closerSpan), closer: site.closer };
}

/** The site in a window of the text, in the window's offsets. */
function siteInWindow(text: string, offset: number, region: Region, syntax: PlaceholderSyntax): CompletionSite | undefined {
  let keyStart = offset;
  while (keyStart > region.start && KEY_CHAR.test(text[keyStart - 1])) keyStart--;
  const delimiter = delimiterBefore(text, keyStart, region, syntax);
  if (!delimiter) return undefined;
  let keyEnd = offset;
  while (keyEnd < region.end && KEY_CHAR.test(text[keyEnd])) keyEnd++;
  const typed = text.slice(keyStart, offset);
  const dot = typed.indexOf('.');
  const namespace = dot < 0 ? '' : typed.slice(0, dot);
  const replace = { start: dot < 0 ? keyStart : keyStart + dot + 1, end: keyEnd };
  const closer = closerOf(delimiter);
  const closerSpan = { start: keyEnd, end: keyEnd + closerPresent(text, keyEnd, closer) };
  return { region, delimiter, namespace, replace, closerSpan, closer };
}

/** The key a completion item inserts after the namespace typed (`clickid` after `{tracker.`). */
function nameAt(site: CompletionSite, target: Target): string {
  const full = keyFormOf(target, site.region.dialect);
  return site.namespace ? full.slice(site.namespace.length + 1) : full;
}

function keyItem(document: TextDocument, site: CompletionSite, target: Target, fields: FieldsContext, rank: number, l10n: L10n): CompletionItem {
  const { dialect } = site.region;
  const name = nameAt(site, target);
  return {
    label: name,
    kind: target.kind === 'builtin' ? CompletionItemKind.Constant : target.kind === 'variable' ? CompletionItemKind.Variable : CompletionItemKind.Field,
    detail: targetDetail(target, l10n),
    documentation: { kind: MarkupKind.Markdown, value: describeTarget(target, dialect, site.delimiter, fields.source, l10n) },
    sortText: `${rank}_${name}`,
    filterText: name,
    // Through the closer already typed: VS Code leaves the cursor at the end of the inserted text, after the `}`.
    textEdit: { range: toRange(document, { start: site.replace.start, end: site.closerSpan.end }), newText: name + site.closer },
  };
}

function namespaceItem(document: TextDocument, site: CompletionSite, namespace: string, l10n: L10n): CompletionItem {
  // In `{tra|cker.clickid}` only the namespace is replaced; the key after its dot stays.
  const dot = textBetween(document, site.replace.start, site.replace.end).indexOf('.');
  const end = dot >= 0 ? site.replace.start + dot + 1 : site.replace.end;
  return {
    label: `${namespace}.`,
    kind: CompletionItemKind.Module,
    detail: l10n.t('{0} namespace', namespace),
    sortText: `3_${namespace}`,
    filterText: namespace,
    textEdit: { range: toRange(document, { start: site.replace.start, end }), newText: `${namespace}.` },
    command: { title: l10n.t('Suggest'), command: 'editor.action.triggerSuggest' },
  };
}

const RANKS: Record<Target['kind'], number> = { builtin: 1, custom: 2, tracker: 2, variable: 2 };

/** The targets that fit after the namespace typed so far. */
function targetsAt(site: CompletionSite, fields: FieldsContext): Target[] {
  const { dialect } = site.region;
  return targetsOf(dialect, fields.source?.model).filter((target) => {
    const full = keyFormOf(target, dialect);
    const dot = full.indexOf('.');
    return (dot < 0 ? '' : full.slice(0, dot)) === site.namespace;
  });
}

/** The field of the list used most in the workspace, ties to the first name; none when no field of it is used. */
function mostUsed(site: CompletionSite, targets: readonly Target[], counts: UsageCounts): Target | undefined {
  let best: { target: Target; places: number; name: string } | undefined;
  for (const target of targets) {
    const ref = refOfTarget(target);
    const places = ref ? (counts.get(refId(ref))?.places ?? 0) : 0;
    const name = nameAt(site, target);
    if (places > 0 && (!best || places > best.places || (places === best.places && name < best.name))) best = { target, places, name };
  }
  return best?.target;
}

/**
 * The keys that fit the placeholder being typed at the cursor; undefined when the cursor is in no placeholder.
 * `usageCounts` (the workspace's counts of the fields file's uses, read only inside a placeholder) preselects the field used most.
 */
export function keyCompletions(
  document: TextDocument,
  position: Position,
  parsed: ParsedTemplate,
  fields: FieldsContext,
  l10n: L10n,
  usageCounts: () => UsageCounts = () => new Map(),
): CompletionList | undefined {
  const { syntax } = resolveContextOf(fields);
  const offset = document.offsetAt(position);
  const site = completionSite(document, offset, regionsAround(parsed, offset), syntax);
  if (!site) return undefined;
  const targets = targetsAt(site, fields);
  const preselected = mostUsed(site, targets, usageCounts());
  const items = targets.map((target) => {
    const item = keyItem(document, site, target, fields, RANKS[target.kind], l10n);
    return target === preselected ? { ...item, preselect: true } : item;
  });
  if (site.namespace === '') items.push(...NAMESPACES[site.region.dialect].map((namespace) => namespaceItem(document, site, namespace, l10n)));
  return { isIncomplete: false, items };
}
