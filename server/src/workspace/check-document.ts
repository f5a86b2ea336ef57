// Checks one document the same way for every host (the language server and `webhook-templates check`): a template
// against the fields file it finds, with a note when the configured one is missing; a fields file on its own.
import type { Diagnostic } from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { isFieldsKind, isTemplateKind, type FieldsContext, type TemplateService } from '../core';
import type { FieldsRegistry } from './fields-registry';
import type { Settings } from '../settings/settings';

export interface CheckHost {
  service: TemplateService;
  registry: FieldsRegistry;
}

export interface CheckOptions {
  /** The profile whose values judge text fields (the editor's active one); the command line has none. */
  profile?: string;
  /** Hint on every field of a fields file that the usage index has no use of (once the workspace is indexed). */
  unusedHints?: boolean;
}

export interface DocumentCheck {
  diagnostics: Diagnostic[];
  /** What the document was checked against: a template's fields, or a fields file's own last good reading. */
  fields: FieldsContext;
}

/** The document's problems; undefined when it is neither a template nor a fields file. */
export function checkDocument(host: CheckHost, document: TextDocument, settings: Settings, options: CheckOptions = {}): DocumentCheck | undefined {
  const kind = host.service.kindOf(document);
  if (isFieldsKind(kind)) return checkFieldsFile(host, document, options);
  return isTemplateKind(kind) ? checkTemplate(host, document, settings, options) : undefined;
}

/**
 * When the setting `webhookTemplates.fieldsFile` names a file that is not there, a note on the first line says so:
 * otherwise the user would only see every custom key reported unknown.
 */
export function checkTemplate(host: CheckHost, document: TextDocument, settings: Settings, options: CheckOptions): DocumentCheck {
  const found = host.registry.contextFor(document.uri, settings);
  const fields = options.profile !== undefined && host.service.profileNames(found).includes(options.profile) ? { ...found, profile: options.profile } : found;
  const diagnostics = host.service.templateDiagnostics(document, fields);
  const missing = host.registry.missingSettingFile(document.uri, settings);
  return { diagnostics: missing ? [host.service.missingFieldsFileNote(missing), ...diagnostics] : diagnostics, fields };
}

export function checkFieldsFile(host: CheckHost, document: TextDocument, options: CheckOptions): DocumentCheck {
  const diagnostics = host.service.fieldsFileDiagnostics(document, host.registry.displayName(document.uri), options.unusedHints);
  return { diagnostics, fields: { source: host.registry.load(document.uri)?.lastGood } };
}
