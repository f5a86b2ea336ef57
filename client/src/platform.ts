// What differs between the two hosts the extension runs in: Node.js (the desktop, a VS Code server; dist/extension.js
// and dist/on-demand.js) and a browser's web worker (vscode.dev, github.dev; dist/web/extension.js). Everything else
// is the same code. Two halves, as the desktop's bundles are: what activation needs, and what commands need.
import type * as vscode from 'vscode';
import type { BaseLanguageClient, LanguageClientOptions } from 'vscode-languageclient';
import type { ExpandedRequest } from '../../server/src/core';
import type { SendOptions, SendResult } from '../../send/src/outgoing';
import type { LocalReceiver } from './tour/local-receiver';

/** Where the extension runs: 'node' (the desktop or a VS Code server), 'browser' (no program runs, no port listens). */
export type HostKind = 'node' | 'browser';

/** What activation needs of the host. */
export interface ClientPlatform {
  readonly kind: HostKind;
  /**
   * A language client on the bundled server (dist/server.js in a process, dist/web/server.js in a worker), not started:
   * at once in Node.js (activation does not wait), or once a browser has the server's script when it must read it first.
   */
  createClient(context: vscode.ExtensionContext, options: LanguageClientOptions): BaseLanguageClient | Promise<BaseLanguageClient>;
}

/** What the commands need of the host (the desktop's on-demand part makes its own, with undici and node:fs). */
export interface CommandPlatform {
  readonly kind: HostKind;
  /** Sends one expanded request: with undici, or with the browser's fetch (which may not read a receiver's answer). */
  send(request: ExpandedRequest, options: SendOptions): Promise<SendResult>;
  /** Writes a file that is not there yet; fails, writing nothing, when one is. */
  writeNewFile(uri: vscode.Uri, text: string): Promise<void>;
  /** The tour's echo receiver on 127.0.0.1, made once; a browser tab cannot listen for requests. */
  localReceiver(context: vscode.ExtensionContext, log: vscode.LogOutputChannel): LocalReceiver | undefined;
}
