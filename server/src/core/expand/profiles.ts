// Sample values for "Send test webhook": a profile's value, else the field's example, else the built-in sample.
//
// Profile values are keyed as written in the fields file: built-ins by name (`chatId`), custom fields by
// bare key (`deposit_amount`), tracker fields as `tracker.clickid`. A value `${env:NAME}` (the whole value)
// is read from the environment handed in and marked secret. `""` and `null` are empty values, not missing
// ones: a profile that writes the key means "this user has nothing here" (a user without a username).
// With an unknown profile name every lookup is missing, so a send stops and names the profile.
import type { Target } from '../resolve/resolve-placeholder';
import type { FieldsModel, Profile } from '../base/types';
import { phrase, type Arg, type Phrase } from '../base/l10n';

export interface SampleValue {
  value: string;
  secret: boolean;
  source: 'profile' | 'example' | 'builtin' | 'step';
}

export type SampleLookup = { value: SampleValue } | { missing: Phrase };

export type Environment = Readonly<Record<string, string | undefined>>;

const ENV_REFERENCE = /^\$\{env:([^}]+)\}$/;

/** The profiles of a fields file, in file order. */
export function profileNames(model: FieldsModel | undefined): string[] {
  return model ? [...model.profiles.keys()] : [];
}

/** A profile as a picker shows it: its name and what it sets, `${env:…}` values shown as `***`, never read. */
export interface ProfileSummary {
  name: string;
  values: { key: string; value: string }[];
}

export function profileSummaries(model: FieldsModel | undefined): ProfileSummary[] {
  if (!model) return [];
  return [...model.profiles.values()].map((profile) => ({
    name: profile.name,
    values: [...profile.values].map(([key, raw]) => ({ key, value: typeof raw === 'string' && ENV_REFERENCE.test(raw) ? '***' : sampleText(raw) })),
  }));
}

/**
 * Builds the lookup for one request. `stepKey` is the request's own step key (script steps): it wins over
 * the profile for `{stepKey}`. `fieldsName` names the fields file in reasons.
 */
export function createSampleContext(
  model: FieldsModel | undefined,
  profile: string | undefined,
  env: Environment,
  stepKey?: string,
  fieldsName: Arg = phrase('the fields file'),
): (target: Target) => SampleLookup {
  const chosen = profile === undefined ? undefined : model?.profiles.get(profile);
  if (profile !== undefined && !chosen) {
    const missing = phrase('no profile "{0}" in {1}', profile, fieldsName);
    return () => ({ missing });
  }
  return (target) => lookupSample(target, { profile: chosen, env, stepKey, fieldsName });
}

interface LookupScope {
  profile: Profile | undefined;
  env: Environment;
  stepKey?: string;
  fieldsName: Arg;
}

function lookupSample(target: Target, scope: LookupScope): SampleLookup {
  if (target.kind === 'builtin' && target.builtin.key === 'stepKey' && scope.stepKey !== undefined) {
    return { value: { value: scope.stepKey, secret: false, source: 'step' } };
  }
  const key = profileKeyOf(target);
  if (scope.profile?.values.has(key)) return profileValue(scope.profile.values.get(key), scope.env);
  const fallback = fallbackOf(target);
  if (fallback) return { value: fallback };
  return { missing: missingReason(scope) };
}

/** How a target is keyed in a profile. */
export function profileKeyOf(target: Target): string {
  switch (target.kind) {
    case 'builtin':
      return target.builtin.key;
    case 'custom':
      return target.field.key;
    case 'tracker':
      return `tracker.${target.field.key}`;
    case 'variable':
      return `variables.${target.variable.key}`;
  }
}

function profileValue(raw: unknown, env: Environment): SampleLookup {
  const reference = typeof raw === 'string' ? ENV_REFERENCE.exec(raw) : null;
  if (!reference) return { value: { value: sampleText(raw), secret: false, source: 'profile' } };
  const name = reference[1];
  const value = env[name];
  if (value === undefined) return { missing: phrase('environment variable {0} is not set', name) };
  return { value: { value, secret: true, source: 'profile' } };
}

/** The field's example, the bot variable's value, or the built-in sample; undefined when there is none. */
function fallbackOf(target: Target): SampleValue | undefined {
  if (target.kind === 'builtin') return { value: sampleText(target.builtin.example), secret: false, source: 'builtin' };
  const example = target.kind === 'variable' ? target.variable.value : target.field.example;
  if (example === undefined || example === null) return undefined;
  return { value: sampleText(example), secret: false, source: 'example' };
}

function missingReason(scope: LookupScope): Phrase {
  if (!scope.profile) return phrase('no value (no profile chosen) and no example in {0}', scope.fieldsName);
  return phrase('no value in profile "{0}" and no example in {1}', scope.profile.name, scope.fieldsName);
}

/** A sample as the platform would write it: numbers never in exponent form, a multiselect as `a,b`. */
export function sampleText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return numberText(value);
  if (Array.isArray(value)) return value.map(sampleText).join(',');
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** `482913377`, never `4.82913377e8`; integers past 2^53 as their exact digits (1e21 gives 22 digits). */
export function numberText(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  if (Number.isInteger(value)) return BigInt(value).toString();
  const text = String(value);
  if (!/e/i.test(text)) return text;
  return value.toLocaleString('en-US', { useGrouping: false, maximumFractionDigits: 20 });
}
