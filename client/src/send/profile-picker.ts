// The profile picker: each profile with what it sets (secrets as ***), the current one marked, and "examples only".
import * as vscode from 'vscode';
import type { ProfileSummary } from '../../../server/src/core';
import { l10n } from '../l10n';
import type { ProfileState } from '../profile-state';

/** How many of a profile's values the picker shows. */
const SHOWN_VALUES = 4;

interface ProfileItem extends vscode.QuickPickItem {
  profile: string | undefined;
}

function detailOf(summary: ProfileSummary): string {
  const shown = summary.values.slice(0, SHOWN_VALUES).map(({ key, value }) => `${key}=${value === '' ? '""' : value}`);
  const more = summary.values.length - SHOWN_VALUES;
  return more > 0 ? l10n.t('{0} and {1} more', shown.join(' · '), more) : shown.join(' · ') || l10n.t('sets nothing: examples fill in');
}

/** The picker's items: the current choice marked with a check and first. */
export function profileItems(summaries: readonly ProfileSummary[], current: string | undefined, chosen: boolean): ProfileItem[] {
  const mark = (selected: boolean) => (selected ? '$(check) ' : '');
  const items: ProfileItem[] = summaries.map((summary) => ({
    label: `${mark(chosen && summary.name === current)}${summary.name}`,
    description: chosen && summary.name === current ? l10n.t('current') : undefined,
    detail: detailOf(summary),
    profile: summary.name,
  }));
  const examples: ProfileItem = {
    label: `${mark(chosen && current === undefined)}${l10n.t('Examples only')}`,
    description: chosen && current === undefined ? l10n.t('current') : undefined,
    detail: l10n.t("each field's example, then built-in samples"),
    profile: undefined,
  };
  const all = [...items, examples];
  return [...all.filter((item) => item.description), ...all.filter((item) => !item.description)];
}

/** Asks for a profile and makes it the active one; false when the user cancelled. */
export async function pickProfile(summaries: readonly ProfileSummary[], state: ProfileState, placeHolder: string): Promise<boolean> {
  const picked = await vscode.window.showQuickPick(profileItems(summaries, state.active, state.chosen), { placeHolder, matchOnDetail: true });
  if (!picked) return false;
  await state.set(picked.profile);
  return true;
}
