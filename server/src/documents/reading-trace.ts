// How each checked version of an open template was read, as a trace line when the editor asks for traces.
import type { Connection } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { documentLength, type DocumentReading, type TemplateService } from '../core';

/** E.g. `Read v7 of file:///…/bot.script.yaml: one step re-read (212 of 98000 characters); diagnostics carried.` */
export function readingText(uri: string, reading: DocumentReading, length: number): string {
  const { parse } = reading;
  const read = parse.kind === 'step' ? `one step re-read (${parse.reread.end - parse.reread.start} of ${length} characters)` : `read whole (${length} characters)`;
  return `Read v${reading.version} of ${uri}: ${read}; diagnostics ${reading.diagnostics ?? 'not made'}.`;
}

/**
 * Traces how the service read the document's current version: typing in a large script should re-read one step,
 * and the trace (webhookTemplates.trace.server) shows when it does not. Sent only while the editor traces.
 */
export function traceReading(connection: Connection, service: TemplateService, document: TextDocument): void {
  const reading = service.readingOf(document.uri);
  if (reading?.version === document.version) connection.tracer.log(readingText(document.uri, reading, documentLength(document)));
}
