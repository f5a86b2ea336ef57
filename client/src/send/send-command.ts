// "Send Test Webhook": expand the request under the cursor, ask what needs asking, send it, show what came back.
import * as vscode from 'vscode';
import type { ExpandedRequest } from '../../../server/src/core';
import type { RequestTarget } from '../../../server/src/protocol';
import { SendError, type SendOptions, type SendResult } from '../../../send/src/outgoing';
import { formatExpandedRequest } from '../../../send/src/request-text';
import type { SendDeps } from '../command-deps';
import { resourceSetting } from '../config';
import { pickProfile } from './profile-picker';
import { requestAtTarget } from './request-at-target';
import { checkBeforeSend, refuse } from './send-dialogs';
import { noteAnswer, noteFailure, noteHiddenAnswer } from './sent';
import { l10n } from '../l10n';
import type { CommandPlatform } from '../platform';

/** What the command returns to a caller (keybinding, test): what was sent and what came back. */
export interface SendOutcome {
  url: string;
  method: string;
  status: number;
  body: string;
  /**
   * Only from a browser: the receiver's CORS policy kept its answer from the page (`status` 0, no body). The request
   * may have arrived and been recorded; the response view and a warning say so.
   */
  answerHidden?: 'cors';
}

async function sendWithProgress(request: ExpandedRequest, scope: vscode.Uri, platform: CommandPlatform): Promise<SendResult> {
  return vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: l10n.t('Sending {0} {1}', request.method, request.name), cancellable: true },
    (_progress, token) => {
      const controller = new AbortController();
      token.onCancellationRequested(() => controller.abort());
      return platform.send(request, sendOptions(scope, controller.signal));
    },
  );
}

/** How a send goes, from the settings of the file it is sent from. */
export function sendOptions(scope: vscode.Uri, signal?: AbortSignal): SendOptions {
  return {
    timeoutMs: resourceSetting('send.timeoutSeconds', scope) * 1000,
    maxRedirects: resourceSetting('send.maxRedirects', scope),
    maxResponseBytes: resourceSetting('send.maxResponseKB', scope) * 1024,
    signal,
    l10n,
  };
}

/** The profile picker, opened from a refused send: the pick becomes the active profile. */
async function pickAnotherProfile(target: RequestTarget, deps: SendDeps): Promise<boolean> {
  const profiles = await deps.server().profiles({ uri: target.uri });
  if (profiles.length === 0) {
    void vscode.window.showInformationMessage(l10n.t('The fields file defines no profiles; examples and built-in samples are used.'));
    return false;
  }
  return pickProfile(profiles, deps.profiles, l10n.t('Sample profile for this webhook (it becomes the active one)'));
}

export async function sendTestWebhook(target: RequestTarget, deps: SendDeps): Promise<SendOutcome | undefined> {
  const interactive = target.confirm !== false;
  if (!vscode.workspace.isTrusted) refuse(l10n.t('Sending test webhooks is off in an untrusted workspace. Trust the workspace to send.'));
  const scope = vscode.Uri.parse(target.uri);
  let current = target;
  for (;;) {
    const expanded = await requestAtTarget(deps.server(), current, deps.profiles);
    if (!expanded) return undefined;
    if (!expanded.request) refuse(expanded.error ?? l10n.t('Nothing to send here.'));
    const request = expanded.request;
    const verdict = await checkBeforeSend(request, deps.confirmedHosts, interactive, scope);
    if (verdict === 'send') return deliver(request, target, deps, scope);
    if (verdict === 'preview') await deps.views.show({ source: target.uri, name: request.name }, formatExpandedRequest(request, l10n));
    if (verdict !== 'other-profile' || !(await pickAnotherProfile(target, deps))) return undefined;
    // The picked profile is the active one now; the request is expanded again with it.
    current = { ...target, profile: undefined };
  }
}

async function deliver(request: ExpandedRequest, target: RequestTarget, deps: SendDeps, scope: vscode.Uri): Promise<SendOutcome> {
  const sent = new Date();
  try {
    const result = await sendWithProgress(request, scope, deps.platform);
    const view = await noteAnswer(deps, target, request, sent, result);
    await deps.views.show({ source: target.uri, name: request.name }, view);
    return { url: result.url, method: result.method, status: result.status, body: result.body };
  } catch (error) {
    if (error instanceof SendError && error.kind === 'cors') return reportHiddenAnswer(request, target, deps, error, sent);
    const message = await noteFailure(deps, target, request, sent, error instanceof SendError ? error.message : String(error));
    return refuse(l10n.t('Test webhook not delivered: {0}', message));
  }
}

/**
 * A browser sent the request (or asked the receiver first) but may not show the answer: not a failure, and not a
 * success either. The view and a warning say whether the request may have been recorded, so nobody sends twice blind.
 */
async function reportHiddenAnswer(request: ExpandedRequest, target: RequestTarget, deps: SendDeps, error: SendError, sent: Date): Promise<SendOutcome> {
  const { view, why } = await noteHiddenAnswer(deps, target, request, sent, error.message);
  await deps.views.show({ source: target.uri, name: request.name }, view);
  if (target.confirm !== false) void vscode.window.showWarningMessage(l10n.t('Sent from the browser; the answer is hidden: {0}', why));
  return { url: request.url, method: request.method.toUpperCase(), status: 0, body: '', answerHidden: 'cors' };
}
