// Where fields are used and defined: the data behind references, rename and "unused field" hints.
import { botVariableRegions } from '../fields/fields-file';
import { resolveContextOf } from './fields-context';
import { analyzePlaceholder, type ResolveContext, type Target } from './resolve-placeholder';
import { scanRegions } from './scan-placeholders';
import type { FieldsContext, FieldsModel, ParsedTemplate, Region, Span } from '../base/types';

export type FieldKind = 'custom' | 'tracker' | 'variable';

/** A field of the fields file, named by its section and key. */
export interface FieldRef {
  kind: FieldKind;
  key: string;
}

/** One placeholder naming a field: `nameSpan` covers only the field's key (`clickid` in `{tracker.clickid}`). */
export interface Usage extends FieldRef {
  nameSpan: Span;
  placeholderSpan: Span;
}

export const SECTION_OF: Record<FieldKind, 'customFields' | 'trackerFields' | 'botVariables'> = {
  custom: 'customFields',
  tracker: 'trackerFields',
  variable: 'botVariables',
};

export function refOfTarget(target: Target): FieldRef | undefined {
  if (target.kind === 'custom' || target.kind === 'tracker') return { kind: target.kind, key: target.field.key };
  return target.kind === 'variable' ? { kind: 'variable', key: target.variable.key } : undefined;
}

export function sameRef(a: FieldRef, b: FieldRef): boolean {
  return a.kind === b.kind && a.key === b.key;
}

export function refId(ref: FieldRef): string {
  return `${ref.kind}:${ref.key}`;
}

function usagesIn(text: string, regions: readonly Region[], context: ResolveContext): Usage[] {
  const usages: Usage[] = [];
  for (const placeholder of scanRegions(text, regions, context.syntax)) {
    const target = analyzePlaceholder(placeholder, context)?.target;
    const ref = target && refOfTarget(target);
    if (!ref) continue;
    usages.push({ kind: ref.kind, key: ref.key, nameSpan: { start: placeholder.keyEnd - ref.key.length, end: placeholder.keyEnd }, placeholderSpan: placeholder });
  }
  return usages;
}

/** Every field a template names, where it names it. */
export function templateUsages(text: string, parsed: ParsedTemplate, fields: FieldsContext): Usage[] {
  return usagesIn(text, parsed.regions, resolveContextOf(fields));
}

/** Fields named inside the fields file itself: bot-variable values are message text. */
export function fieldsFileUsages(text: string, model: FieldsModel, displayName: string): Usage[] {
  return usagesIn(text, botVariableRegions(model), { model, fieldsName: displayName, syntax: model.placeholderSyntax });
}

/** The definition whose key spans the offset, or a profile key naming a field. */
export function fieldRefAt(model: FieldsModel, offset: number): { ref: FieldRef; span: Span } | undefined {
  for (const kind of ['custom', 'tracker', 'variable'] as const) {
    for (const definition of sectionOf(model, kind).values()) {
      if (definition.keySpan.start <= offset && offset <= definition.keySpan.end) return { ref: { kind, key: definition.key }, span: definition.keySpan };
    }
  }
  return profileKeys(model).find((entry) => entry.span.start <= offset && offset <= entry.span.end);
}

export function sectionOf(model: FieldsModel, kind: FieldKind): Map<string, { key: string; keySpan: Span }> {
  return kind === 'custom' ? model.customFields : kind === 'tracker' ? model.trackerFields : model.botVariables;
}

/**
 * Where the fields file names a field besides its uses: the definition's key and the profile keys that set it.
 * Find All References adds these when asked for the declaration; the definition hover counts the profiles apart.
 */
export function declarationsOf(model: FieldsModel, ref: FieldRef): { definition?: Span; profiles: Span[] } {
  const definition = sectionOf(model, ref.kind).get(ref.key)?.keySpan;
  const profiles = profileKeys(model).filter((entry) => sameRef(entry.ref, ref)).map((entry) => entry.span);
  return { definition, profiles };
}

/** Profile keys that name a custom or tracker field; the span covers the field's key only. */
export function profileKeys(model: FieldsModel): { ref: FieldRef; span: Span }[] {
  const found: { ref: FieldRef; span: Span }[] = [];
  for (const profile of model.profiles.values()) {
    for (const [key, span] of profile.keySpans) {
      const tracker = key.startsWith('tracker.') ? key.slice('tracker.'.length) : undefined;
      if (tracker !== undefined && model.trackerFields.has(tracker)) found.push({ ref: { kind: 'tracker', key: tracker }, span: { start: span.end - tracker.length, end: span.end } });
      else if (model.customFields.has(key)) found.push({ ref: { kind: 'custom', key }, span });
    }
  }
  return found;
}
