// "Send Test Webhook": expand the request under the cursor, check it is safe to send, send it, show what came back.
import * as vscode from 'vscode';
import type { ExpandedRequest, ExpansionIssue } from '../../../server/src/core';
import type { RequestTarget } from '../../../server/src/protocol';
import { isLoopbackUrl } from '../../../server/src/core';
import { SendError, sendRequest, type SendResult } from '../../../send/src/http';
import { redact } from '../../../send/src/curl';
import { formatResponse } from '../../../send/src/response-text';
import type { ClientHandle } from '../client';
import { resourceSetting } from '../config';
import type { ProfileState } from '../profile-state';
import { requestAtTarget, runningClient } from './request-at-target';
import type { SendHistory } from './history';
import type { ResponseViews } from './response-view';
import { l10n } from '../l10n';
import type { TourDeps } from '../tour/tour-deps';

export interface SendDeps {
  handle: () => ClientHandle | undefined;
  profiles: ProfileState;
  history: SendHistory;
  views: ResponseViews;
  /** Hosts the user already agreed to send to, kept for the workspace. */
  confirmedHosts: vscode.Memento;
  log: vscode.LogOutputChannel;
  /** What the first-run tour's commands use (the local receiver, the bundled command line). */
  tour: TourDeps;
}

/** What the command returns to a caller (keybinding, test): what was sent and what came back. */
export interface SendOutcome {
  url: string;
  method: string;
  status: number;
  body: string;
}

const CONFIRMED_HOSTS = 'webhookTemplates.confirmedHosts';

function listIssues(issues: readonly ExpansionIssue[]): string {
  return issues.map((issue) => `${issue.text} (${issue.reason})`).join('; ');
}

/** Stops the command with a message for the user (the command table shows it, or hands it to a scripted caller). */
function refuse(message: string): never {
  throw new Error(message);
}

async function confirmEmptyValues(request: ExpandedRequest, interactive: boolean): Promise<boolean> {
  if (request.empty.length === 0 || !interactive) return true;
  const send = l10n.t('Send anyway');
  const answer = await vscode.window.showWarningMessage(
    l10n.t('These placeholders are empty for this profile: {0}. The receiver gets empty values.', listIssues(request.empty)),
    { modal: true },
    send,
  );
  return answer === send;
}

async function confirmHost(request: ExpandedRequest, deps: SendDeps, interactive: boolean, scope: vscode.Uri): Promise<boolean> {
  if (!interactive || isLoopbackUrl(request.url) || !resourceSetting('send.confirmNonLoopbackHosts', scope)) return true;
  const host = new URL(request.url).host;
  const confirmed = deps.confirmedHosts.get<string[]>(CONFIRMED_HOSTS, []);
  if (confirmed.includes(host)) return true;
  const send = l10n.t('Send to {0}', host);
  const answer = await vscode.window.showWarningMessage(
    l10n.t('Send a test webhook to {0}? A live tracker records it as a real conversion.', host),
    { modal: true },
    send,
  );
  if (answer !== send) return false;
  await deps.confirmedHosts.update(CONFIRMED_HOSTS, [...confirmed, host]);
  return true;
}

async function sendWithProgress(request: ExpandedRequest, scope: vscode.Uri): Promise<SendResult> {

  return vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: l10n.t('Sending {0} {1}', request.method, request.name), cancellable: true },
    (_progress, token) => {
      const controller = new AbortController();
      token.onCancellationRequested(() => controller.abort());
      return sendRequest(request, {
        timeoutMs: resourceSetting('send.timeoutSeconds', scope) * 1000,
        maxRedirects: resourceSetting('send.maxRedirects', scope),
        maxResponseBytes: resourceSetting('send.maxResponseKB', scope) * 1024,
        signal: controller.signal,
        l10n,
      });
    },
  );
}

export async function sendTestWebhook(target: RequestTarget, deps: SendDeps): Promise<SendOutcome | undefined> {
  const interactive = target.confirm !== false;
  if (!vscode.workspace.isTrusted) refuse(l10n.t('Sending test webhooks is off in an untrusted workspace. Trust the workspace to send.'));
  const expanded = await requestAtTarget(runningClient(deps.handle()), target, deps.profiles);
  if (!expanded) return undefined;
  if (!expanded.request) refuse(expanded.error ?? l10n.t('Nothing to send here.'));
  const request = expanded.request;
  if (request.unresolved.length > 0) refuse(l10n.t('Not sent: unresolved placeholders: {0}.', listIssues(request.unresolved)));
  const scope = vscode.Uri.parse(target.uri);
  if (!(await confirmEmptyValues(request, interactive)) || !(await confirmHost(request, deps, interactive, scope))) return undefined;
  return deliver(request, target, deps, scope);
}

async function deliver(request: ExpandedRequest, target: RequestTarget, deps: SendDeps, scope: vscode.Uri): Promise<SendOutcome> {
  const id = `${Date.now()}`;
  const time = new Date().toISOString();
  try {
    const result = await sendWithProgress(request, scope);
    const view = formatResponse(result, request, l10n);
    deps.log.info(`Sent ${request.method} ${request.name}: ${result.status} in ${Math.round(result.timeMs)} ms`);
    await deps.history.add({ id, time, target, request, status: result.status, timeMs: result.timeMs, view });
    await deps.views.show(`${request.name}-${result.status}`, view);
    return { url: result.url, method: result.method, status: result.status, body: result.body };
  } catch (error) {
    const message = redact(error instanceof SendError ? error.message : String(error), request.secrets);
    deps.log.warn(`Send of ${request.name} failed: ${message}`);
    await deps.history.add({ id, time, target, request, error: message, view: message });
    return refuse(l10n.t('Test webhook not delivered: {0}', message));
  }
}
