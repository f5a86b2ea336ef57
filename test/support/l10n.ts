// Translators for tests that call the core's message builders directly: English, and Russian where a test reads it.
import { createL10n, type Arg } from '../../server/src/core/base/l10n';

export const EN = createL10n('en');
export const RU = createL10n('ru');

/** Arguments of a problem as they read in English (phrases said, values as they are). */
export function said(args: readonly Arg[]): string[] {
  return args.map((arg) => EN.say(arg));
}
