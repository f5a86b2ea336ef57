// The questions a send asks before it goes, each a modal whose first button (the one Enter takes) does not send:
// values missing or empty for the profile, header values HTTP cannot carry, and the host that is not this machine.
import * as vscode from 'vscode';
import type { ExpandedRequest } from '../../../server/src/core';
import { isLoopbackUrl } from '../../../server/src/core';
import { hostConfirmation } from '../../../send/src/confirmation-text';
import { headerProblemText, headerProblems, issueSummary } from '../../../send/src/send-checks';
import { resourceSetting } from '../config';
import { l10n } from '../l10n';

/** What the user chose: go on, pick another profile and expand again, open the preview instead, or stop. */
export type SendVerdict = 'send' | 'other-profile' | 'preview' | 'cancel';

const CONFIRMED_HOSTS = 'webhookTemplates.confirmedHosts';

/** Stops the command with a message for the user (the command table shows it, or hands it to a scripted caller). */
export function refuse(message: string): never {
  throw new Error(message);
}

/** A modal question; the answer is the label of the button chosen, undefined for Cancel or Escape. */
export async function ask(kind: 'error' | 'warning', message: string, detail: string | undefined, labels: string[]): Promise<string | undefined> {
  const show = kind === 'error' ? vscode.window.showErrorMessage : vscode.window.showWarningMessage;
  const answer = await show(message, { modal: true, detail }, ...labels.map((title) => ({ title })));
  return answer?.title;
}

/** A request that cannot go as it is: placeholders without a value (unset `${env:…}` included), header line breaks. */
async function blockers(request: ExpandedRequest, interactive: boolean): Promise<SendVerdict> {
  const lineBreaks = headerProblems(request).filter((problem) => problem.kind === 'line-break');
  const message =
    request.unresolved.length > 0
      ? l10n.t('Not sent: no value for {0}.', issueSummary(request.unresolved, l10n))
      : lineBreaks.length > 0
        ? l10n.t('Not sent. {0}', headerProblemText(lineBreaks, l10n))
        : undefined;
  if (!message) return 'send';
  if (!interactive) refuse(message);
  const other = l10n.t('Choose another profile');
  return (await ask('error', message, undefined, [other])) === other ? 'other-profile' : 'cancel';
}

/** Values the receiver would get empty or garbled: the user may send anyway, or pick another profile. */
async function doubts(request: ExpandedRequest, interactive: boolean): Promise<SendVerdict> {
  if (!interactive) return 'send';
  const nonAscii = headerProblems(request).filter((problem) => problem.kind === 'non-ascii');
  const said = [
    ...(request.empty.length > 0 ? [l10n.t('Empty for this profile: {0}. The receiver gets empty values.', issueSummary(request.empty, l10n, false))] : []),
    ...(nonAscii.length > 0 ? [headerProblemText(nonAscii, l10n)] : []),
  ];
  if (said.length === 0) return 'send';
  const other = l10n.t('Choose another profile');
  const anyway = l10n.t('Send anyway');
  const answer = await ask('warning', said.join('\n\n'), undefined, [other, anyway]);
  return answer === anyway ? 'send' : answer === other ? 'other-profile' : 'cancel';
}

/** The send to a host other than this machine, confirmed once per host and workspace; Enter opens the preview. */
async function hostCheck(request: ExpandedRequest, memento: vscode.Memento, interactive: boolean, scope: vscode.Uri): Promise<SendVerdict> {
  if (!interactive || isLoopbackUrl(request.url) || !resourceSetting('send.confirmNonLoopbackHosts', scope)) return 'send';
  const host = new URL(request.url).host;
  if (confirmedHosts(memento).includes(host)) return 'send';
  const dialog = hostConfirmation(request, host, l10n);
  const answer = await ask('warning', dialog.message, dialog.detail, dialog.buttons.map((button) => button.label));
  const action = dialog.buttons.find((button) => button.label === answer)?.action;
  if (action !== 'send') return action ?? 'cancel';
  await rememberHosts(memento, [host]);
  return 'send';
}

/** The hosts the user agreed to send test webhooks to in this workspace. */
export function confirmedHosts(memento: vscode.Memento): string[] {
  return memento.get<string[]>(CONFIRMED_HOSTS, []);
}

export async function rememberHosts(memento: vscode.Memento, hosts: readonly string[]): Promise<void> {
  const confirmed = confirmedHosts(memento);
  await memento.update(CONFIRMED_HOSTS, [...confirmed, ...hosts.filter((host) => !confirmed.includes(host))]);
}

/** Every question in turn; the first answer other than "send" ends the round. */
export async function checkBeforeSend(request: ExpandedRequest, memento: vscode.Memento, interactive: boolean, scope: vscode.Uri): Promise<SendVerdict> {
  for (const check of [() => blockers(request, interactive), () => doubts(request, interactive), () => hostCheck(request, memento, interactive, scope)]) {
    const verdict = await check();
    if (verdict !== 'send') return verdict;
  }
  return 'send';
}
