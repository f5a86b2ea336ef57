// Explains a delivered webhook: finds the template it came from among the workspace's requests, lines up each
// placeholder with what arrived, names what was lost on the way with the checker's own codes, and says what the
// receiver recorded from the request as it arrived.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { DeliveredInput, ExplainedTemplate, Explanation, ExplainFinding } from '../base/explanation';
import { phrase, type L10n } from '../base/l10n';
import type { FieldsContext, ParsedTemplate } from '../base/types';
import { recogniseReceiver } from '../receivers/index';
import { receiverRecord } from '../receivers/record';
import { valueScopeOf } from '../receivers/value-types';
import { resolveContextOf } from '../resolve/fields-context';
import type { ResolveContext } from '../resolve/resolve-placeholder';
import { readDelivered, type DeliveredRequest } from './delivered';
import { jsonLeaves, type JsonLeaf } from './json-leaves';
import { lineUp, undecodable, type PendingFinding } from './line-up';
import { byFit, fitOf, isTaken, NEAR, type Fit } from './match';
import { templateShape, type TemplateShape } from './template-shape';

/** A template document of the workspace, read, with the fields it is checked against. */
export interface TemplateCandidate {
  document: TextDocument;
  parsed: ParsedTemplate;
  fields: FieldsContext;
}

/** Others listed beside the chosen template, at most. */
const MAX_OTHERS = 5;

interface Weighed {
  candidate: TemplateCandidate;
  context: ResolveContext;
  shape: TemplateShape;
  fit: Fit;
}

export function explainDelivered(input: DeliveredInput, candidates: readonly TemplateCandidate[], l10n: L10n): Explanation {
  const reading = readDelivered(input);
  if ('error' in reading) return { error: l10n.say(reading.error), others: [], ambiguous: false, placeholders: [], findings: [], lost: false };
  const delivered = reading.request;
  const leaves = delivered.body === undefined ? undefined : jsonLeaves(delivered.body);
  const { weighed, requests } = weigh(candidates, delivered, leaves);
  const [best, ...rest] = weighed;
  const others = best ? rest.filter((item) => item.fit.score >= best.fit.score - NEAR).slice(0, MAX_OTHERS) : [];
  const fields = best?.candidate.fields ?? candidates[0]?.fields ?? {};
  const record = receiverRecord(delivered.url, fields.receivers ?? [], l10n);
  const explanation = {
    delivered: { method: delivered.method, url: delivered.url, ...(delivered.body === undefined ? {} : { body: delivered.body }) },
    others: others.map(templateOf),
    ambiguous: best !== undefined && others[0] !== undefined && byFit(best.fit, others[0].fit) === 0,
    ...(record ? { record } : {}),
  };
  if (!best) {
    const noMatch = requests === 0
      ? l10n.t('The workspace has no request with a URL to line this one up with.')
      : l10n.t('No request of the workspace ({0} with a URL) has the host or path of this one and enough of its parameters.', requests);
    const findings = undecodable(delivered).map((finding) => said(finding, l10n));
    return { ...explanation, noMatch, placeholders: [], findings, lost: isLost(findings, explanation) };
  }
  const recognised = recogniseReceiver(delivered.url, fields.receivers ?? []);
  const lined = lineUp({ shape: best.shape, context: best.context, delivered, leaves, recognised, scope: valueScopeOf(best.candidate.fields) });
  const findings = [...lined.findings, ...methodFinding(best, delivered)].map((finding) => said(finding, l10n));
  return { ...explanation, template: templateOf(best), placeholders: lined.placeholders, findings, lost: isLost(findings, explanation) };
}

/** Every request with a URL weighed against the delivered one; those taken, best first (workspace order on a tie). */
function weigh(candidates: readonly TemplateCandidate[], delivered: DeliveredRequest, leaves: Map<string, JsonLeaf> | undefined): { weighed: Weighed[]; requests: number } {
  const weighed: Weighed[] = [];
  let requests = 0;
  for (const candidate of candidates) {
    const context = resolveContextOf(candidate.fields);
    for (const request of candidate.parsed.requests) {
      const shape = templateShape(request, context);
      if (!shape) continue;
      requests++;
      const fit = fitOf(shape, delivered, leaves);
      if (isTaken(fit)) weighed.push({ candidate, context, shape, fit });
    }
  }
  // Array.prototype.sort is stable: equal fits keep the workspace's order.
  return { weighed: weighed.sort((a, b) => byFit(a.fit, b.fit)), requests };
}

function templateOf({ candidate, shape, fit }: Weighed): ExplainedTemplate {
  const { request } = shape;
  const url = request.url!;
  return { uri: candidate.document.uri, request: request.name, line: candidate.document.positionAt(url.span.start).line, method: request.method, url: url.value, score: fit.score };
}

function methodFinding({ shape }: Weighed, delivered: DeliveredRequest): PendingFinding[] {
  const sent = shape.request.method || 'GET';
  if (!delivered.methodGiven || delivered.method === sent) return [];
  return [{ kind: 'method-differs', severity: 'information', message: phrase('It arrived as {0}; the template sends {1}.', delivered.method, sent) }];
}

function said(finding: PendingFinding, l10n: L10n): ExplainFinding {
  const { message, ...rest } = finding;
  const defined = Object.fromEntries(Object.entries(rest).filter(([, value]) => value !== undefined)) as Omit<ExplainFinding, 'message'>;
  return { ...defined, message: l10n.say(message) };
}

/** Something was lost: a finding worse than information, or a record the receiver cannot make. */
function isLost(findings: readonly ExplainFinding[], explanation: Pick<Explanation, 'record'>): boolean {
  return findings.some((finding) => finding.severity === 'error' || finding.severity === 'warning') || (explanation.record?.problems.length ?? 0) > 0;
}
