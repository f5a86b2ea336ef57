// Checks one document the same way for every host (the language server and `webhook-templates check`): a template
// against the fields file it finds, with a note when the configured one is missing; a fields file on its own.
import type { Diagnostic } from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { isFieldsKind, isTemplateKind, type FieldsAbsence, type FieldsContext, type TemplateService } from '../core';
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
  /**
   * A note on a template that found no fields file at all (the editor's open templates). The command line leaves
   * it out: every unknown-key message there already says "no fields file", and a project without one would get
   * the same note on every file.
   */
  noFieldsFileNote?: boolean;
}

export interface DocumentCheck {
  diagnostics: Diagnostic[];
  /** What the document was checked against: a template's fields, or a fields file's own last good reading. */
  fields: FieldsContext;
}

/** The document's problems; undefined when it is neither a template nor a fields file. */
export function checkDocument(host: CheckHost, document: TextDocument, settings: Settings, options: CheckOptions = {}): DocumentCheck | undefined {
  const kind = host.service.kindOf(document);
  if (isFieldsKind(kind)) return checkFieldsFile(host, document, settings, options);
  return isTemplateKind(kind) ? checkTemplate(host, document, settings, options) : undefined;
}

/**
 * When the setting `webhookTemplates.fieldsFile` names a file that is not there, a note on the first line says so:
 * otherwise the user would only see every custom key reported unknown. With `noFieldsFileNote`, so does a template
 * that found no fields file at all.
 */
export function checkTemplate(host: CheckHost, document: TextDocument, settings: Settings, options: CheckOptions): DocumentCheck {
  const found = host.registry.contextFor(document.uri, settings);
  const fields = options.profile !== undefined && host.service.profileNames(found).includes(options.profile) ? { ...found, profile: options.profile } : found;
  const absence = absenceOf(host, document, settings, options);
  return { diagnostics: host.service.templateDiagnostics(document, absence ? { ...fields, absence } : fields), fields };
}

function absenceOf(host: CheckHost, document: TextDocument, settings: Settings, options: CheckOptions): FieldsAbsence | undefined {
  const missing = host.registry.missingSettingFile(document.uri, settings);
  if (missing) return { settingNames: missing };
  const searched = options.noFieldsFileNote ? host.registry.searchedInVain(document.uri, settings) : undefined;
  return searched === undefined ? undefined : { searchedUpTo: searched };
}

/** A fields file's problems, with the severities its own `severity` and the host's choices give them. */
export function checkFieldsFile(host: CheckHost, document: TextDocument, settings: Settings, options: CheckOptions): DocumentCheck {
  const diagnostics = host.service.fieldsFileDiagnostics(document, host.registry.displayName(document.uri), options.unusedHints, settings.severity);
  return { diagnostics, fields: { source: host.registry.load(document.uri)?.lastGood } };
}
