// What "Send All Webhooks" asks before the run, once for the whole run, free of the editor API: the requests with
// empty values, and the hosts other than this machine not confirmed yet. The first button (the one Enter takes)
// never sends what the question is about.
import { isLoopbackUrl, type ExpandedRequest, type L10n } from '../../server/src/core';
import { redact } from './curl';
import { headerProblemText, headerProblems, issueSummary } from './send-checks';

export interface RunQuestion<Action extends string> {
  message: string;
  detail: string;
  /** In the order shown; the first is the dialog's default. */
  buttons: { label: string; action: Action }[];
}

/** Why a request that can be sent still deserves a question: empty values, header values outside ASCII; none: no question. */
export function doubtsOf(request: ExpandedRequest, l10n: L10n): string | undefined {
  const nonAscii = headerProblems(request).filter((problem) => problem.kind === 'non-ascii');
  const said = [
    ...(request.empty.length > 0 ? [l10n.t('empty: {0}', issueSummary(request.empty, l10n, false))] : []),
    ...(nonAscii.length > 0 ? [headerProblemText(nonAscii, l10n)] : []),
  ];
  return said.length > 0 ? said.join(' ') : undefined;
}

/** One question for every request with doubts: leave them out (Enter), or send them as they are. */
export function doubtsQuestion(doubtful: readonly { request: ExpandedRequest; doubts: string }[], l10n: L10n): RunQuestion<'skip' | 'send'> {
  const lines = doubtful.map(({ request, doubts }) => redact(`${request.name}: ${doubts}`, request.secrets));
  return {
    message: l10n.t('Some values are empty for this profile: the receiver gets them empty.'),
    detail: lines.join('\n'),
    buttons: [
      { label: l10n.t('Skip these requests'), action: 'skip' },
      { label: l10n.t('Send anyway'), action: 'send' },
    ],
  };
}

/** The hosts other than this machine that the requests go to and that `confirmed` does not hold, each with its requests' names. */
export function newHosts(requests: readonly ExpandedRequest[], confirmed: readonly string[]): Map<string, string[]> {
  const hosts = new Map<string, string[]>();
  for (const request of requests) {
    const host = hostOf(request.url);
    if (host === undefined || isLoopbackUrl(request.url) || confirmed.includes(host)) continue;
    hosts.set(host, [...(hosts.get(host) ?? []), request.name]);
  }
  return hosts;
}

function hostOf(url: string): string | undefined {
  try {
    return new URL(url).host;
  } catch {
    return undefined;
  }
}

/** Every new host of the run in one question: preview the run (Enter), or send to all of them. */
export function hostsQuestion(hosts: ReadonlyMap<string, readonly string[]>, profile: string | undefined, l10n: L10n): RunQuestion<'preview' | 'send'> {
  const names = [...hosts.keys()];
  const lines = [...hosts].map(([host, requests]) => `${host}: ${requests.join(', ')}`);
  return {
    message: l10n.t('Send test webhooks to {0}? A live tracker records each as a real conversion.', names.join(', ')),
    detail: [...lines, '', profile ? l10n.t('Profile: {0}', profile) : l10n.t('Profile: examples only')].join('\n'),
    buttons: [
      { label: l10n.t('Preview all'), action: 'preview' },
      { label: names.length === 1 ? l10n.t('Send to {0}', names[0]) : l10n.count('Send to {0} host|Send to {0} hosts', names.length), action: 'send' },
    ],
  };
}
