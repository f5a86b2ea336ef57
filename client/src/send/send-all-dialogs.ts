// The questions "Send All Webhooks" asks, each once for the whole run and before the first send: which flow of a
// script file, whether to send requests with empty values, and whether to send to hosts not confirmed yet. Enter
// never sends what a question is about.
import * as vscode from 'vscode';
import type { RequestFlow } from '../../../server/src/core';
import type { RunItem } from '../../../send/src/send-all';
import { doubtsOf, doubtsQuestion, hostsQuestion, newHosts, type RunQuestion } from '../../../send/src/send-all-questions';
import { resourceSetting } from '../config';
import { l10n } from '../l10n';
import { ask, confirmedHosts, rememberHosts } from './send-dialogs';

/** The flow chosen (its key), every flow (`null`), or the user's cancel (undefined). */
export type FlowChoice = string | null | undefined;

/** Asks which flow when the file has several with webhook steps: the flow at the cursor first, then the others, then all. */
export async function chooseFlow(flows: readonly RequestFlow[], cursorLine: number | undefined): Promise<FlowChoice> {
  if (flows.length <= 1) return null;
  const atCursor = flows.find((flow) => cursorLine !== undefined && flow.startLine <= cursorLine && cursorLine <= flow.endLine);
  const ordered = atCursor ? [atCursor, ...flows.filter((flow) => flow !== atCursor)] : flows;
  const items = ordered.map((flow) => ({
    label: flow.key,
    description: [flow.title, flow === atCursor ? l10n.t('at the cursor') : undefined].filter(Boolean).join(' · '),
    detail: l10n.count('{0} webhook step|{0} webhook steps', flow.requests),
    flow: flow.key as string | null,
  }));
  const total = flows.reduce((sum, flow) => sum + flow.requests, 0);
  const all = { label: l10n.t('All flows'), description: '', detail: l10n.count('{0} webhook step|{0} webhook steps', total), flow: null };
  const picked = await vscode.window.showQuickPick([...items, all], { placeHolder: l10n.t('Which flow to send the webhooks of?') });
  return picked ? picked.flow : undefined;
}

async function askQuestion<Action extends string>(question: RunQuestion<Action>): Promise<Action | undefined> {
  const answer = await ask('warning', question.message, question.detail, question.buttons.map((button) => button.label));
  return question.buttons.find((button) => button.label === answer)?.action;
}

/** Requests with empty values asked about once: left out (refused, with why) or sent; undefined when the user cancelled. */
export async function settleDoubts(items: readonly RunItem[]): Promise<RunItem[] | undefined> {
  const doubtful = items.flatMap((item) => {
    const doubts = item.refusal === undefined ? doubtsOf(item.request, l10n) : undefined;
    return doubts ? [{ item, request: item.request, doubts }] : [];
  });
  if (doubtful.length === 0) return [...items];
  const action = await askQuestion(doubtsQuestion(doubtful, l10n));
  if (action === undefined) return undefined;
  if (action === 'send') return [...items];
  const skipped = new Map(doubtful.map(({ item, doubts }) => [item, doubts]));
  return items.map((item) => (skipped.has(item) ? { ...item, refusal: l10n.t('skipped: {0}', skipped.get(item)!) } : item));
}

/**
 * Every host of the run that is not this machine and not confirmed yet, in one question; on "send" they are all
 * remembered, like a single send's. Requests that are refused anyway do not count.
 */
export async function confirmHosts(items: readonly RunItem[], memento: vscode.Memento, scope: vscode.Uri): Promise<'send' | 'preview' | 'cancel'> {
  if (!resourceSetting('send.confirmNonLoopbackHosts', scope)) return 'send';
  const sent = items.filter((item) => item.refusal === undefined).map((item) => item.request);
  const hosts = newHosts(sent, confirmedHosts(memento));
  if (hosts.size === 0) return 'send';
  const action = await askQuestion(hostsQuestion(hosts, sent[0]?.profile, l10n));
  if (action !== 'send') return action ?? 'cancel';
  await rememberHosts(memento, [...hosts.keys()]);
  return 'send';
}
