// Diagnostics of every request URL whose receiver is recognised, with their quick fixes written out.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic } from 'vscode-languageserver-types';
import { makeDiagnostic, type QuickFixData } from '../check/diagnostics';
import { documentSpan } from '../expand/expand';
import { toRange } from '../base/positions';
import { problemPhrase } from '../base/problems';
import type { L10n } from '../base/l10n';
import type { FieldsContext, ParsedTemplate, TemplatePart } from '../base/types';
import { urlReadingOf, type UrlReading } from '../read/url-reading';
import type { ReceiverFinding } from './finding';
import { recognisedUrlOf } from './index';
import { receiverFindings } from './receiver-findings';
import { valueScopeOf } from './value-types';

export function receiverDiagnostics(document: TextDocument, parsed: ParsedTemplate, fields: FieldsContext, l10n: L10n): Diagnostic[] {
  const scope = valueScopeOf(fields);
  // URLs written alike share a reading (url-reading.ts), and so their findings.
  const findingsOf = new Map<UrlReading, ReceiverFinding[]>();
  return parsed.requests.flatMap((request) => {
    const url = request.url;
    const reading = url && urlReadingOf(url);
    const recognised = reading && recognisedUrlOf(url, fields.receivers);
    if (!url || !reading || !recognised) return [];
    let findings = findingsOf.get(reading);
    if (!findings) findingsOf.set(reading, (findings = receiverFindings(url.value, recognised, scope)));
    // When quoting moved offsets every finding would mark the whole part: say the first only, without fixes.
    if (!isVerbatim(url)) return findings.slice(0, 1).map((finding) => diagnosticOf(document, url, { ...finding, fixes: [] }, l10n));
    return findings.map((finding) => diagnosticOf(document, url, finding, l10n));
  });
}

function isVerbatim(part: TemplatePart): boolean {
  return part.value.length === part.span.end - part.span.start;
}

function diagnosticOf(document: TextDocument, url: TemplatePart, finding: ReceiverFinding, l10n: L10n): Diagnostic {
  const message = l10n.say(problemPhrase(finding.code, finding.args)) + (finding.hint ? l10n.say(finding.hint) : '');
  const fixes: QuickFixData[] = finding.fixes.map((fix) => ({
    title: l10n.say(fix.title),
    edits: fix.edits.map((edit) => ({ range: toRange(document, documentSpan(url, edit.span)), newText: edit.newText })),
    ...(fix.preferred ? { preferred: true } : {}),
  }));
  const data = fixes.length || finding.missing ? { ...(fixes.length ? { fixes } : {}), ...(finding.missing ? { missing: finding.missing } : {}) } : undefined;
  return makeDiagnostic(document, documentSpan(url, finding.span), finding.code, message, data);
}
