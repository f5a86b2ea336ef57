// What the commands are handed: what activation made (StartupDeps), and what the part that runs the commands adds.
import type * as vscode from 'vscode';
import type { ClientHandle } from './client';
import type { CommandPlatform } from './platform';
import type { ProfileState } from './profile-state';
import type { SendHistory } from './send/history';
import type { ResponseViews } from './send/response-view';
import type { ServerRequests } from './server-requests';
import type { TourDeps } from './tour/tour-deps';

/** What activation hands every command: the language client and the server's requests, the active profile, the log. */
export interface StartupDeps {
  handle: () => ClientHandle | undefined;
  /** The running server's requests; throws, saying why, when it is not running. */
  server: () => ServerRequests;
  profiles: ProfileState;
  log: vscode.LogOutputChannel;
}

/** What the on-demand part's commands use, besides what activation made (the client, the active profile, the log). */
export interface SendDeps extends StartupDeps {
  history: SendHistory;
  views: ResponseViews;
  /** Hosts the user already agreed to send to, kept for the workspace. */
  confirmedHosts: vscode.Memento;
  /** What differs between Node.js and a browser: how a request is sent (undici with kept Agents, or fetch), among others. */
  platform: CommandPlatform;
  /** What the first-run tour's commands use (the local receiver, the bundled command line). */
  tour: TourDeps;
}
