// "Select Sample Profile" given `{ profile }`: set that profile without asking, when the fields file defines it.
import { l10n } from '../l10n';
import type { SendDeps } from '../command-deps';

export function profileArgument(argument: unknown): string | undefined {
  if (typeof argument !== 'object' || argument === null) return undefined;
  const { profile } = argument as Record<string, unknown>;
  return typeof profile === 'string' ? profile : undefined;
}

export async function setKnownProfile(deps: SendDeps, profile: string, profiles: readonly string[]): Promise<void> {
  if (!profiles.includes(profile)) throw new Error(l10n.t('The fields file has no profile "{0}"; it has: {1}.', profile, profiles.join(', ') || '—'));
  await deps.profiles.set(profile);
}
