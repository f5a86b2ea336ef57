// What differs between the two hosts the extension runs in: Node.js (the desktop, a VS Code server; dist/extension.js)
// and a browser's web worker (vscode.dev, github.dev; dist/web/extension.js). Everything else is the same code.
import type * as vscode from 'vscode';
import type { BaseLanguageClient, LanguageClientOptions } from 'vscode-languageclient';
import type { ExpandedRequest } from '../../server/src/core';
import type { SendOptions, SendResult } from '../../send/src/outgoing';
import type { LocalReceiver } from './tour/local-receiver';

export interface ClientPlatform {
  /** 'node': the desktop or a VS Code server; 'browser': a web worker, where no program runs and no port listens. */
  readonly kind: 'node' | 'browser';
  /** A language client on the bundled server (dist/server.js in a process, dist/web/server.js in a worker), not started. */
  createClient(context: vscode.ExtensionContext, options: LanguageClientOptions): BaseLanguageClient;
  /** Sends one expanded request: with undici, or with the browser's fetch (which may not read a receiver's answer). */
  send(request: ExpandedRequest, options: SendOptions): Promise<SendResult>;
  /** Writes a file that is not there yet; fails, writing nothing, when one is. */
  writeNewFile(uri: vscode.Uri, text: string): Promise<void>;
  /** The tour's echo receiver on 127.0.0.1, made once; a browser tab cannot listen for requests. */
  localReceiver(context: vscode.ExtensionContext, log: vscode.LogOutputChannel): LocalReceiver | undefined;
}
