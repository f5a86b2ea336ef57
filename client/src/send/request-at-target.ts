// The expanded request a command works on: the server running, the profile chosen the way the user expects, the
// request or step at the target expanded with it.
import type { ExpandResult, RequestTarget } from '../../../server/src/protocol';
import { l10n } from '../l10n';
import type { ProfileState } from '../profile-state';
import type { ServerRequests } from '../server-requests';
import { pickProfile } from './profile-picker';

/** The profile a command goes on with (undefined: examples and built-in samples only), or the user's cancel. */
export type ProfileChoice = { profile: string | undefined } | 'cancelled';

/**
 * The profile to use: the command's, else the active one. The user is asked only when the fields file defines
 * profiles and none was ever chosen in this workspace, and the answer becomes the active profile, in the status bar.
 */
export async function chooseProfile(server: ServerRequests, target: RequestTarget, state: ProfileState): Promise<ProfileChoice> {
  if (target.profile !== undefined) return { profile: target.profile };
  if (state.chosen || target.confirm === false) return { profile: state.active };
  const profiles = await server.profiles({ uri: target.uri });
  if (profiles.length === 0) return { profile: undefined };
  const picked = await pickProfile(profiles, state, l10n.t('Sample profile for this webhook (it becomes the active one)'));
  return picked ? { profile: state.active } : 'cancelled';
}

/** The expanded request at the target with the chosen profile; undefined when the user cancelled the choice. */
export async function requestAtTarget(server: ServerRequests, target: RequestTarget, state: ProfileState): Promise<ExpandResult | undefined> {
  const choice = await chooseProfile(server, target, state);
  if (choice === 'cancelled') return undefined;
  return server.expand({ uri: target.uri, line: target.line, profile: choice.profile });
}
