// "Send All Webhooks in File": every request of a file (or of one flow of a script file) expanded with the active
// profile and sent in turn, with the single send's safety rules asked once for the whole run, then a summary table.
import * as vscode from 'vscode';
import type { ExpandAllResult, RequestTarget } from '../../../server/src/protocol';
import { redact } from '../../../send/src/curl';
import { formatExpandedRequest } from '../../../send/src/request-text';
import { refusalOf, sendAll, type RunItem, type RunOutcome, type RunResult } from '../../../send/src/send-all';
import { formatRunSummary } from '../../../send/src/send-all-text';
import { l10n } from '../l10n';
import { chooseProfile } from './request-at-target';
import type { SendDeps } from '../command-deps';
import { sendOptions } from './send-command';
import { chooseFlow, confirmHosts, settleDoubts } from './send-all-dialogs';
import { refuse } from './send-dialogs';
import { SUMMARY_EXTENSION } from './response-view';
import { noteAnswer, noteFailure, noteHiddenAnswer } from './sent';
import { sendAllTarget, type SendAllRequestTarget } from './target';

/** What the command returns (to a keybinding or a test): each request's result, and the summary shown. */
export interface SendAllOutcome {
  file: string;
  flow?: string;
  profile?: string;
  results: { name: string; line: number; flow?: string; outcome: RunOutcome; status?: number; timeMs?: number; recorded?: string; reason?: string }[];
  summary: string;
}

export async function sendAllWebhooks(deps: SendDeps, argument: unknown): Promise<SendAllOutcome | undefined> {
  if (!vscode.workspace.isTrusted) refuse(l10n.t('Sending test webhooks is off in an untrusted workspace. Trust the workspace to send.'));
  const target = sendAllTarget(argument);
  if (!target) refuse(l10n.t('Open a .webhook or script file to send all its webhooks.'));
  const interactive = target.confirm !== false;
  const expanded = await expandAll(target, deps);
  if (!expanded) return undefined;
  const flow = target.flow ?? (interactive ? await chooseFlow(expanded.flows, target.cursorLine) : null);
  if (flow === undefined) return undefined;
  const file = vscode.workspace.asRelativePath(vscode.Uri.parse(target.uri), false);
  const chosen = expanded.requests.filter((listed) => flow === null || listed.flow === flow);
  if (chosen.length === 0) refuse(l10n.t('No request or webhook step to send in {0}.', file));
  const what = flow === null ? baseName(file) : l10n.t('{0}, flow {1}', baseName(file), flow);
  const title = l10n.t('Send all: {0}', what);
  const items = await settled(chosen.map((listed) => ({ request: listed.request, file, line: listed.line, flow: listed.flow, refusal: refusalOf(listed.request, l10n, true) })), target, deps, what);
  if (!items) return undefined;
  const results = await runWithProgress(items, target, deps, title);
  const summary = formatRunSummary(results, l10n, {
    title,
    sentAt: new Date().toLocaleString(vscode.env.language),
    notes: [l10n.t('Each answer is kept in Send History (Webhook Templates: Show Send History).')],
  });
  await deps.views.show({ source: target.uri, name: title }, summary, SUMMARY_EXTENSION);
  return { file, ...(flow === null ? {} : { flow }), profile: chosen[0].request.profile, results: results.map(resultData), summary };
}

function baseName(path: string): string {
  return path.split('/').pop() ?? path;
}

/** Every request of the file, expanded with the profile the user expects (asked only as a single send asks). */
async function expandAll(target: SendAllRequestTarget, deps: SendDeps): Promise<ExpandAllResult | undefined> {
  const server = deps.server();
  const choice = await chooseProfile(server, { uri: target.uri, line: 0, profile: target.profile, confirm: target.confirm }, deps.profiles);
  if (choice === 'cancelled') return undefined;
  const expanded = await server.expandAll({ uri: target.uri, flow: target.flow, profile: choice.profile });
  if (expanded.error !== undefined) refuse(expanded.error);
  return expanded;
}

/**
 * The run's questions asked (a scripted run asks none); undefined when the user cancelled or chose the preview, which
 * opens in a tab of its own (`what`: the file, and the flow).
 */
async function settled(items: RunItem[], target: SendAllRequestTarget, deps: SendDeps, what: string): Promise<RunItem[] | undefined> {
  if (target.confirm === false) return items;
  const decided = await settleDoubts(items);
  if (!decided) return undefined;
  const hosts = await confirmHosts(decided, deps.confirmedHosts, vscode.Uri.parse(target.uri));
  if (hosts === 'send') return decided;
  if (hosts === 'preview') await deps.views.show({ source: target.uri, name: l10n.t('Preview all: {0}', what) }, decided.map((item) => formatExpandedRequest(item.request, l10n)).join(''));
  return undefined;
}

/** The run under a cancellable progress notification; cancelling stops it after the request in flight. */
async function runWithProgress(items: readonly RunItem[], target: SendAllRequestTarget, deps: SendDeps, title: string): Promise<RunResult[]> {
  const scope = vscode.Uri.parse(target.uri);
  return vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title, cancellable: true }, (progress, token) => {
    const stop = new AbortController();
    token.onCancellationRequested(() => {
      stop.abort();
      progress.report({ message: l10n.t('stopping after the request in flight…') });
    });
    let sent = new Date();
    return sendAll(items, {
      send: sendOptions(scope),
      sender: deps.platform.send,
      stop: stop.signal,
      onSend: (item, index) => {
        sent = new Date();
        if (!stop.signal.aborted) progress.report({ message: `${index + 1}/${items.length} · ${item.request.name}` });
      },
      onResult: async (result) => {
        progress.report({ increment: 100 / items.length });
        const sentTarget: RequestTarget = { uri: target.uri, line: result.item.line, profile: result.item.request.profile };
        if (result.response) await noteAnswer(deps, sentTarget, result.item.request, sent, result.response);
        else if (result.outcome === 'failed') await noteFailure(deps, sentTarget, result.item.request, sent, result.reason ?? '');
        else if (result.outcome === 'hidden') await noteHiddenAnswer(deps, sentTarget, result.item.request, sent, result.reason ?? '');
      },
    });
  });
}

function resultData(result: RunResult): SendAllOutcome['results'][number] {
  const { item, outcome, response, timeMs, reason } = result;
  return {
    name: item.request.name,
    line: item.line,
    ...(item.flow === undefined ? {} : { flow: item.flow }),
    outcome,
    ...(response ? { status: response.status } : {}),
    ...(timeMs === undefined ? {} : { timeMs }),
    ...(response && item.request.record ? { recorded: redact(item.request.record.summary, item.request.secrets) } : {}),
    ...(reason === undefined ? {} : { reason }),
  };
}
