// Helpers for the whole-workspace protocol tests: a generated 500-file workspace, a session with settings per section, and the extra LSP calls.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  ConfigurationRequest,
  DidChangeConfigurationNotification,
  DocumentLinkRequest,
  DocumentSymbolRequest,
  FoldingRangeRequest,
  InlayHintRequest,
  NotificationType,
  PrepareRenameRequest,
  ReferencesRequest,
  RenameRequest,
  type ConfigurationItem,
  type DocumentLink,
  type DocumentSymbol,
  type FoldingRange,
  type InlayHint,
  type Location,
  type Position,
  type PrepareRenameResult,
  type Range,
  type SymbolInformation,
  type TextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver-protocol';
import { LspClient, fileUri, type TestSettings } from './lsp-client';
import { applyEdits, makeWorkspace } from './workspace';

/** The client's `webhookTemplates/activeProfile` notification, as an editor sends it (see server/src/protocol.ts). */
const ActiveProfileNotification = new NotificationType<{ profile?: string }>('webhookTemplates/activeProfile');

export const WEBHOOK_COUNT = 300;
export const SCRIPT_COUNT = 200;
/** Every 10th webhook writes `{tracker.clikid}` instead of `{tracker.clickid}`. */
export const isBrokenWebhook = (index: number) => index % 10 === 0;
/** Every 3rd webhook also sends `{deposit_amount}`. */
export const usesAmount = (index: number) => index % 3 === 0;
/** Every 8th script writes `{{fields.gio}}` instead of `{{fields.geo}}` in its message. */
export const isBrokenScript = (index: number) => index % 8 === 0;

export const FIELDS_TEXT = `{
  "placeholderSyntax": "braces",
  "customFields": {
    "geo": { "type": "select", "items": ["KZ", "UZ", "AZ"], "description": "Country", "example": "KZ" },
    "deposit_amount": { "type": "number", "description": "First deposit, in USD", "example": 150 },
    "orphan_field": { "type": "text", "description": "Nobody uses this one", "example": "x" }
  },
  "trackerFields": {
    "clickid": { "description": "Click id the tracker gave this user", "example": "7f3a9c01" },
    "sub1": { "description": "Campaign sub-id", "example": "fb_ads" }
  },
  "botVariables": {
    "regLink": { "value": "https://partner.example.com/reg?c={{tracker.clickid}}", "description": "Registration link" }
  },
  "profiles": {
    "lead": { "tracker.clickid": "LEAD-CLICK-1", "geo": "UZ", "chatId": 482913377, "deposit_amount": "" },
    "sale": { "tracker.clickid": "SALE-CLICK-2", "deposit_amount": 250 }
  }
}
`;

export function webhookPath(index: number): string {
  return `hooks/group-${index % 10}/hook-${index}.webhook`;
}

export function scriptPath(index: number): string {
  return `flows/set-${index % 5}/flow-${index}.script.yaml`;
}

export function webhookText(index: number): string {
  const clickid = isBrokenWebhook(index) ? 'tracker.clikid' : 'tracker.clickid';
  const amount = usesAmount(index) ? '&amount={deposit_amount}' : '';
  return `### Lead ${index}\nGET https://tracker.example.com/postback?subid={${clickid}}&geo={geo}&n=${index}${amount}\n`;
}

export function scriptText(index: number): string {
  const geo = isBrokenScript(index) ? 'fields.gio' : 'fields.geo';
  return [
    'flows:',
    '  - key: main',
    '    title: Main',
    '    steps:',
    '      - key: welcome',
    '        type: message',
    `        text: "Hi from {{${geo}}} via {{tracker.sub1}}: {{variables.regLink}}"`,
    '      - key: lead_postback',
    '        type: webhook',
    `        url: "https://tracker.example.com/postback?subid={tracker.clickid}&geo={geo}&f=${index}"`,
    '',
  ].join('\n');
}

/** A template with a mistake that must never be reported: it lies in node_modules, a dot folder or an excluded folder. */
const HIDDEN_TEXT = 'GET https://tracker.example.com/postback?subid={tracker.nope}\n';
export const HIDDEN_PATHS = [
  'node_modules/pkg/hidden.webhook',
  'node_modules/pkg/flow.script.yaml',
  '.cache/hidden.webhook',
  'excluded/hidden.webhook',
  'excluded/deep/flow.script.yaml',
  'hooks/skip-me.webhook',
];
/** What the session answers for `files.exclude`: a folder glob (as VS Code writes them) and a file glob. */
export const EXCLUDE = { '**/excluded': true, '**/skip-*.webhook': true, '**/not-really': false };

export interface GeneratedWorkspace {
  root: string;
  fieldsPath: string;
  fieldsUri: string;
  webhookUris: string[];
  scriptUris: string[];
  /** Every template URI that must get a publication. */
  templateUris: string[];
  hiddenUris: string[];
}

/** 300 webhooks, 200 scripts, one fields file, and files the scan must skip. */
export function generateWorkspace(): GeneratedWorkspace {
  const files: Record<string, string> = { 'webhook-fields.json': FIELDS_TEXT };
  for (let index = 0; index < WEBHOOK_COUNT; index++) files[webhookPath(index)] = webhookText(index);
  for (let index = 0; index < SCRIPT_COUNT; index++) files[scriptPath(index)] = scriptText(index);
  for (const path of HIDDEN_PATHS) files[path] = path.endsWith('.webhook') ? HIDDEN_TEXT : `flows:\n  - key: m\n    steps:\n      - key: w\n        type: message\n        text: "{{fields.nope}}"\n`;
  const root = makeWorkspace(files);
  const uri = (path: string) => fileUri(join(root, path));
  const webhookUris = Array.from({ length: WEBHOOK_COUNT }, (_, index) => uri(webhookPath(index)));
  const scriptUris = Array.from({ length: SCRIPT_COUNT }, (_, index) => uri(scriptPath(index)));
  const fieldsPath = join(root, 'webhook-fields.json');
  return { root, fieldsPath, fieldsUri: fileUri(fieldsPath), webhookUris, scriptUris, templateUris: [...webhookUris, ...scriptUris], hiddenUris: HIDDEN_PATHS.map(uri) };
}

/** What the session answers to workspace/configuration, by section. */
export interface SessionSettings {
  exclude: Record<string, boolean>;
  sampleValues: boolean;
  /** `inlayHints.maxLength` per resource URI (absent: not set, the server's default). */
  hintLength: Record<string, number>;
}

export interface Session {
  client: LspClient;
  settings: SessionSettings;
  /** Sections the server asked for, in order. */
  asked: (string | undefined)[];
  /** When the client sent `initialized` (performance.now()). */
  startedAt: number;
}

function answer(settings: SessionSettings, item: ConfigurationItem): unknown {
  if (item.section === 'files.exclude') return settings.exclude;
  return { fieldsFile: '', scriptFiles: [], inlayHints: { sampleValues: settings.sampleValues, maxLength: settings.hintLength[item.scopeUri ?? ''] } };
}

/** Starts the server on the folders; `files.exclude` and `webhookTemplates` are answered per section. */
export async function startSession(folders: string[], settings: Partial<SessionSettings> = {}): Promise<Session> {
  const session = { settings: { exclude: EXCLUDE, sampleValues: true, hintLength: {}, ...settings }, asked: [] as (string | undefined)[] } as Session;
  // Until the section-aware handler below is installed, one object answers both sections the same way.
  const early = () => ({ ...(answer(session.settings, {}) as object), ...session.settings.exclude }) as unknown as TestSettings;
  session.startedAt = performance.now();
  session.client = await LspClient.start({ folders, settings: early });
  session.client.connection.onRequest(ConfigurationRequest.type, (params) => {
    session.asked.push(...params.items.map((item) => item.section));
    return params.items.map((item) => answer(session.settings, item));
  });
  return session;
}

/** Changes the answered settings and tells the server (didChangeConfiguration). */
export async function changeSettings(session: Session, settings: Partial<SessionSettings>): Promise<void> {
  Object.assign(session.settings, settings);
  await session.client.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
}

export function references(client: LspClient, uri: string, position: Position, includeDeclaration: boolean): Promise<Location[] | null> {
  return client.connection.sendRequest(ReferencesRequest.type, { textDocument: { uri }, position, context: { includeDeclaration } });
}

export function prepareRename(client: LspClient, uri: string, position: Position): Promise<PrepareRenameResult | null> {
  return client.connection.sendRequest(PrepareRenameRequest.type, { textDocument: { uri }, position });
}

export function rename(client: LspClient, uri: string, position: Position, newName: string): Promise<WorkspaceEdit | null> {
  return client.connection.sendRequest(RenameRequest.type, { textDocument: { uri }, position, newName });
}

export function inlayHints(client: LspClient, uri: string, range: Range): Promise<InlayHint[] | null> {
  return client.connection.sendRequest(InlayHintRequest.type, { textDocument: { uri }, range });
}

export function documentSymbols(client: LspClient, uri: string): Promise<DocumentSymbol[] | SymbolInformation[] | null> {
  return client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } });
}

export function foldingRanges(client: LspClient, uri: string): Promise<FoldingRange[] | null> {
  return client.connection.sendRequest(FoldingRangeRequest.type, { textDocument: { uri } });
}

export function documentLinks(client: LspClient, uri: string): Promise<DocumentLink[] | null> {
  return client.connection.sendRequest(DocumentLinkRequest.type, { textDocument: { uri } });
}

export function setActiveProfile(client: LspClient, profile: string | undefined): Promise<void> {
  return client.connection.sendNotification(ActiveProfileNotification, { profile });
}

/** The text edits of a WorkspaceEdit per URI, whether it uses `changes` or `documentChanges`. */
export function editsByUri(edit: WorkspaceEdit): Map<string, TextEdit[]> {
  const byUri = new Map<string, TextEdit[]>();
  for (const [uri, edits] of Object.entries(edit.changes ?? {})) byUri.set(uri, [...edits]);
  for (const change of edit.documentChanges ?? []) {
    if ('textDocument' in change) byUri.set(change.textDocument.uri, [...(byUri.get(change.textDocument.uri) ?? []), ...(change.edits as TextEdit[])]);
  }
  return byUri;
}

/** Writes a WorkspaceEdit into the files on disk; returns the URIs it changed. */
export function applyToDisk(edit: WorkspaceEdit): string[] {
  const byUri = editsByUri(edit);
  for (const [uri, edits] of byUri) {
    const path = fileURLToPath(uri);
    writeFileSync(path, applyEdits(readFileSync(path, 'utf8'), edits));
  }
  return [...byUri.keys()];
}

/** Polls `condition` every 20 ms; fails with `what` after `timeoutMs`. */
export async function waitUntil(condition: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (!condition()) {
    if (performance.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Resolves once every URI has had at least one publication; returns when the last of them first arrived (performance.now()). */
export async function waitForAllPublished(client: LspClient, uris: readonly string[], timeoutMs: number): Promise<number> {
  const pending = new Set(uris);
  let lastAt = 0;
  let seen = 0;
  const deadline = performance.now() + timeoutMs;
  while (pending.size > 0) {
    for (; seen < client.published.length; seen++) {
      if (pending.delete(client.published[seen].params.uri)) lastAt = performance.now();
    }
    if (pending.size === 0) break;
    if (performance.now() > deadline) throw new Error(`${pending.size} of ${uris.length} files got no diagnostics within ${timeoutMs} ms, e.g. ${[...pending][0]}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return lastAt;
}

/** URIs whose newest publication lists at least one problem. */
export function urisWithProblems(client: LspClient): string[] {
  const newest = new Map<string, number>();
  for (const { params } of client.published) newest.set(params.uri, params.diagnostics.length);
  return [...newest].filter(([, count]) => count > 0).map(([uri]) => uri);
}

/** A location as `relative/path line:start-end`, for readable comparisons. */
export function where(root: string, location: Location): string {
  const path = fileURLToPath(location.uri).slice(root.length + 1);
  const { start, end } = location.range;
  return `${path} ${start.line}:${start.character}-${end.line === start.line ? '' : `${end.line}:`}${end.character}`;
}
