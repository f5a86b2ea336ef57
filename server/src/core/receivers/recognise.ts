// Recognises a URL's receiver by what identifies it: its service host, its characteristic parameters, its path.
//
// Every table whose path (and host filter) fits the URL is weighed by its evidence: its own service host outweighs
// any number of parameters; each signature entry present counts one (a numbered family like `param1…param5` once);
// a path no other service answers at (Keitaro's `/KEY/postback`, a user's table) counts one. The strongest evidence
// wins. No evidence, or a tie, recognises nothing: a wrong guess would report the real parameters as unknown.
import type { ReceiverUrl } from '../read/read-url';
import type { ReceiverDefinition } from '../base/receiver-table';

/** More than any URL has signature parameters, so a service host always wins. */
const SERVICE_HOST_WEIGHT = 1000;

/** The table with the strongest evidence for the URL; undefined when none has any or two tie. */
export function pickReceiver(receivers: readonly ReceiverDefinition[], url: ReceiverUrl): ReceiverDefinition | undefined {
  let best: ReceiverDefinition | undefined;
  let bestWeight = 0;
  let tied = false;
  for (const receiver of receivers) {
    const weight = evidenceFor(receiver, url);
    if (weight > bestWeight) [best, bestWeight, tied] = [receiver, weight, false];
    else if (weight > 0 && weight === bestWeight) tied = true;
  }
  return tied ? undefined : best;
}

/** How strongly the URL says it is for this receiver; 0 when its path or host filter does not fit. */
function evidenceFor(receiver: ReceiverDefinition, url: ReceiverUrl): number {
  if (!receiver.path.test(url.path) || (receiver.host && !receiver.host.test(url.host))) return 0;
  const host = receiver.serviceHosts?.test(url.host) ? SERVICE_HOST_WEIGHT : 0;
  const path = receiver.pathIsShared ? 0 : 1;
  return host + path + signatureCount(receiver, url);
}

function signatureCount(receiver: ReceiverDefinition, url: ReceiverUrl): number {
  const names = url.pairs.map((pair) => pair.name);
  const present = (entry: string | RegExp) => names.some((name) => (typeof entry === 'string' ? name === entry : entry.test(name)));
  return (receiver.signature ?? []).filter(present).length;
}
