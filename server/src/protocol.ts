// Custom requests between the extension and the server, declared once and typed; both sides import this file.
import { NotificationType, RequestType } from 'vscode-languageserver-protocol';
import type { TextEdit } from 'vscode-languageserver-types';
import type { DeliveredInput, ExpandedRequest, Explanation, ProfileImportOptions, ProfileImportPlan, ProfileSummary, RequestFlow } from './core';

export interface ExpandParams {
  uri: string;
  /** A zero-based line inside the request or step to expand. */
  line: number;
  /** Profile of the fields file to take values from; none means examples and built-in samples only. */
  profile?: string;
}

export interface ExpandResult {
  /** The expanded request, or undefined when no request or webhook step stands at that line. */
  request?: ExpandedRequest;
  /** The profiles the fields file defines, in file order. */
  profiles: string[];
  /** The fields file the values came from (workspace-relative), if any. */
  fieldsFile?: string;
  /** Why nothing could be expanded, for the user. */
  error?: string;
}

export const ExpandRequest = new RequestType<ExpandParams, ExpandResult, void>('webhookTemplates/expand');

export interface ExpandAllParams {
  uri: string;
  /** Only the webhook steps of this flow of a script file (its key, as the outline names it); none: every request. */
  flow?: string;
  profile?: string;
}

/** One request of the file, expanded, with the line its name stands on and (script files) its flow. */
export interface ExpandedInFile {
  line: number;
  flow?: string;
  request: ExpandedRequest;
}

export interface ExpandAllResult {
  /** In document order; empty with `error` when nothing could be expanded. */
  requests: ExpandedInFile[];
  /** Script files: every flow that holds webhook steps, with its lines (whatever `flow` asked for). */
  flows: RequestFlow[];
  profiles: string[];
  fieldsFile?: string;
  error?: string;
}

/** Every request of a file (or of one flow of a script file) expanded with a profile: what "Send All Webhooks" sends. */
export const ExpandAllRequest = new RequestType<ExpandAllParams, ExpandAllResult, void>('webhookTemplates/expandAll');

export interface ProfilesParams {
  uri: string;
}

/** The profiles of the fields file a document uses, each with what it sets (secrets shown as `***`). */
export const ProfilesRequest = new RequestType<ProfilesParams, ProfileSummary[], void>('webhookTemplates/profiles');

/** Commands the server's CodeLenses run; the client registers them. */
export { PREVIEW_COMMAND, SEND_ALL_COMMAND, SEND_COMMAND } from './core';

/** The argument the send and preview commands take (from a CodeLens, a keybinding or a test). */
export interface RequestTarget {
  uri: string;
  line: number;
  profile?: string;
  /** false: ask nothing (no confirmation of hosts or empty values). */
  confirm?: boolean;
}

/** The argument "Send All Webhooks" takes (from a CodeLens, a keybinding or a test). */
export interface SendAllTarget {
  uri: string;
  /** A flow of a script file; none: the flow is asked for when there are several. */
  flow?: string;
  profile?: string;
  /** false: ask nothing and show nothing; the results are returned. */
  confirm?: boolean;
}

export interface ActiveProfileParams {
  /** The profile the user chose in the status bar; undefined for examples and built-in samples only. */
  profile?: string;
}

/** The client tells the server which profile is active, for the sample values shown as inlay hints. */
export const ActiveProfileNotification = new NotificationType<ActiveProfileParams>('webhookTemplates/activeProfile');

/**
 * A delivered webhook (a URL, or a request line, headers and a body, as Chatterfy's Logs → Webhooks or a tracker's log
 * shows it) explained against the workspace's templates, open or not. Text that is no request gets `error`.
 */
export const ExplainDeliveredRequest = new RequestType<DeliveredInput, Explanation, void>('webhookTemplates/explainDelivered');
export interface ImportProfilesParams {
  /** A file (or a notional one) in the workspace: the profiles go into the fields file a template there would use. */
  uri: string;
  /** The CSV export's text. */
  csv: string;
  options: ProfileImportOptions;
}

export interface ImportProfilesResult {
  /** What the import writes (without the whole new text: `edit` carries it); absent when `error` says why. */
  plan?: Omit<ProfileImportPlan, 'text' | 'edit'>;
  /** The fields file's URI, and how the user knows it (workspace-relative). */
  fieldsUri?: string;
  fieldsFile?: string;
  /** The fields file is not there yet: the edit is its whole text. */
  creates?: boolean;
  /** One replacement in the fields file's current text (an open editor's unsaved text included). */
  edit?: TextEdit;
  /** Why nothing can be written, for the user. */
  error?: string;
}

/** Reads a CSV export of users and answers what importing its rows as sample profiles writes into the fields file. */
export const ImportProfilesRequest = new RequestType<ImportProfilesParams, ImportProfilesResult, void>('webhookTemplates/importProfiles');

// The editor's file system, asked by the server where it cannot read files itself: in a browser's web worker, and for
// workspace folders that are not on disk (a virtual workspace). The extension answers with `vscode.workspace.fs`.

/** What a file system entry is, as far as the scan cares. */
export type FileKind = 'file' | 'directory';

export interface FileStatParams {
  uris: string[];
}

/** The size in bytes of each file, in order; null where there is no file (nothing there, a folder, unreadable). */
export const FileStatRequest = new RequestType<FileStatParams, (number | null)[], void>('webhookTemplates/fs/stat');

export interface FileReadParams {
  /** `maxBytes`: a larger file is not read (its size is answered without its text); none means no limit. */
  files: { uri: string; maxBytes?: number }[];
}

/** A file's size and, when within its limit, its text (UTF-8, a byte order mark kept as U+FEFF). */
export interface FileReadAnswer {
  size: number;
  text?: string;
}

/** Each file's size and text, in order; null where there is no file. */
export const FileReadRequest = new RequestType<FileReadParams, (FileReadAnswer | null)[], void>('webhookTemplates/fs/read');

export interface ReadDirectoryParams {
  uri: string;
}

/** A folder's entries (name and kind; other kinds left out); null when it cannot be read. */
export const ReadDirectoryRequest = new RequestType<ReadDirectoryParams, [string, FileKind][] | null, void>('webhookTemplates/fs/readDirectory');
