// What every feature of the server shares: the connection, open documents, the core service and the workspace state.
import type { Connection, TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { FieldsContext, TemplateService } from './core';
import type { FileLimits } from './file-limits';
import type { FieldsRegistry } from './fields-registry';
import type { SettingsCache } from './settings';
import type { WorkspaceFolders } from './workspace-folders';
import type { WorkspaceIndex } from './workspace-index';

export interface ServerContext {
  connection: Connection;
  /** Every open document, whatever its size: for knowing what is open. */
  documents: TextDocuments<TextDocument>;
  /**
   * The open document a request is about, or undefined when it is not open or is over the size limit: the one
   * lookup every handler uses, so no feature reads a document the limit keeps out.
   */
  openDocument(uri: string): TextDocument | undefined;
  service: TemplateService;
  registry: FieldsRegistry;
  settings: SettingsCache;
  folders: WorkspaceFolders;
  index: WorkspaceIndex;
  /** The size above which a file is not read (per workspace folder). */
  limits: FileLimits;
  /** Resolves when the workspace has been checked and indexed once (references need every file). */
  indexed: () => Promise<void>;
  /** The profile chosen in the editor's status bar (`webhookTemplates/activeProfile`), if any. */
  activeProfile: { name?: string };
}

/** The fields a template is checked against, honouring its resource's settings, with the active profile. */
export async function fieldsContextOf(context: ServerContext, uri: string): Promise<FieldsContext> {
  return withActiveProfile(context, context.registry.contextFor(uri, await context.settings.forResource(uri)));
}

/** The fields with the active profile when their fields file has it (another folder's file may not: then examples serve). */
export function withActiveProfile(context: ServerContext, fields: FieldsContext): FieldsContext {
  const name = context.activeProfile.name;
  return name !== undefined && context.service.profileNames(fields).includes(name) ? { ...fields, profile: name } : fields;
}
