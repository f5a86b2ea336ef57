// Publishes diagnostics: for a template when it changes, for fields files, and for every open template when fields change.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { fieldsContextOf, type ServerContext } from '../context';
import { fieldsFileDiagnostics } from '../core/fields-diagnostics';
import { isFieldsKind, isTemplateKind } from '../core';

export interface Validator {
  /** Checks a document soon; edits in a burst are checked once. */
  schedule(uri: string): void;
  /** Checks every open template (the fields they use changed). */
  scheduleAllTemplates(): void;
  clear(uri: string): void;
}

export function registerDiagnostics(context: ServerContext): Validator {
  const { connection, documents, service, registry } = context;
  const pending = new Map<string, NodeJS.Immediate>();
  /** The disk reads of fields files whose diagnostics were published, so each is published once. */
  const publishedFields = new WeakSet<object>();

  async function validateTemplate(document: TextDocument): Promise<void> {
    const fields = await fieldsContextOf(context, document.uri);
    if (documents.get(document.uri)?.version !== document.version) return;
    connection.sendDiagnostics({ uri: document.uri, version: document.version, diagnostics: service.doValidation(document, fields) });
    if (fields.source) publishClosedFieldsFile(fields.source.uri);
  }

  /** A fields file nobody opened still shows its problems, once per read from disk. */
  function publishClosedFieldsFile(uri: string): void {
    const loaded = registry.load(uri);
    if (!loaded || loaded.open || publishedFields.has(loaded.result)) return;
    publishedFields.add(loaded.result);
    connection.sendDiagnostics({ uri, diagnostics: fieldsFileDiagnostics(loaded.document, loaded.result, registry.displayName(uri)) });
  }

  function validateFieldsFile(document: TextDocument): void {
    registry.load(document.uri);
    connection.sendDiagnostics({ uri: document.uri, version: document.version, diagnostics: service.validateFieldsFile(document, registry.displayName(document.uri)) });
  }

  async function validate(uri: string): Promise<void> {
    const document = documents.get(uri);
    if (!document) return;
    const kind = service.kindOf(document);
    if (isTemplateKind(kind)) await validateTemplate(document);
    else if (isFieldsKind(kind)) validateFieldsFile(document);
  }

  function schedule(uri: string): void {
    const waiting = pending.get(uri);
    if (waiting) clearImmediate(waiting);
    pending.set(uri, setImmediate(() => {
      pending.delete(uri);
      validate(uri).catch((error) => connection.console.error(`Checking ${uri} failed: ${error?.stack ?? error}`));
    }));
  }

  function scheduleAllTemplates(): void {
    for (const document of documents.all()) if (isTemplateKind(service.kindOf(document))) schedule(document.uri);
  }

  return { schedule, scheduleAllTemplates, clear: (uri) => connection.sendDiagnostics({ uri, diagnostics: [] }) };
}
