// Custom requests between the extension and the server, declared once and typed; both sides import this file.
import { NotificationType, RequestType } from 'vscode-languageserver-protocol';
import type { ExpandedRequest, ProfileSummary } from './core';

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

export interface ProfilesParams {
  uri: string;
}

/** The profiles of the fields file a document uses, each with what it sets (secrets shown as `***`). */
export const ProfilesRequest = new RequestType<ProfilesParams, ProfileSummary[], void>('webhookTemplates/profiles');

/** Commands the server's CodeLenses run; the client registers them. */
export { PREVIEW_COMMAND, SEND_COMMAND } from './core';

/** The argument the send and preview commands take (from a CodeLens, a keybinding or a test). */
export interface RequestTarget {
  uri: string;
  line: number;
  profile?: string;
  /** false: ask nothing (no confirmation of hosts or empty values). */
  confirm?: boolean;
}

export interface ActiveProfileParams {
  /** The profile the user chose in the status bar; undefined for examples and built-in samples only. */
  profile?: string;
}

/** The client tells the server which profile is active, for the sample values shown as inlay hints. */
export const ActiveProfileNotification = new NotificationType<ActiveProfileParams>('webhookTemplates/activeProfile');
