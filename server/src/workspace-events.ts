// What the editor tells the server as the workspace changes: documents edited and closed, files changed on disk,
// folders added, settings changed, the active profile chosen.
import { DidChangeWatchedFilesNotification, FileChangeType, type ClientCapabilities, type FileEvent } from 'vscode-languageserver';
import { isFieldsFileName } from './core';
import { ActiveProfileNotification } from './protocol';
import type { Session } from './session';

const WATCHED_GLOBS = ['**/webhook-fields.{json,yaml,yml}', '**/*.webhook', '**/*.script.{yaml,yml,json}'];

/** Reads the settings every check depends on again, then checks the open documents and the whole workspace. */
async function reloadAndScan({ context, checks, scriptGlobs }: Session): Promise<void> {
  scriptGlobs.clear();
  for (const folder of context.folders.all()) scriptGlobs.set(folder.uri, (await context.settings.forResource(folder.uri)).scriptFiles);
  await context.limits.reload(context.settings);
  for (const document of context.documents.all()) checks.schedule(document.uri);
  await checks.scanWorkspace();
}

export function followWorkspace(session: Session, capabilities: ClientCapabilities): void {
  const { context, checks } = session;
  const { connection, documents, registry, service } = context;
  connection.onInitialized(async () => {
    if (capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true) {
      await connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: WATCHED_GLOBS.map((globPattern) => ({ globPattern })) });
    }
    if (capabilities.workspace?.workspaceFolders === true) {
      connection.workspace.onDidChangeWorkspaceFolders((event) => {
        context.folders.add(event.added, event.removed);
        registry.invalidateAll();
        void reloadAndScan(session);
      });
    }
    await reloadAndScan(session);
  });
  documents.onDidChangeContent(({ document }) => {
    checks.schedule(document.uri);
    if (isFieldsFileName(document.uri)) checks.fieldsChanged(document.uri);
  });
  documents.onDidClose(({ document }) => {
    service.forget(document.uri);
    context.publisher.forget(document.uri);
    if (isFieldsFileName(document.uri)) {
      registry.invalidate(document.uri);
      checks.fieldsChanged(document.uri);
    }
    checks.closed(document.uri);
  });
  connection.onDidChangeWatchedFiles(({ changes }) => onDiskChanges(session, changes));
  // Inlay hints show the profile's values and receiver checks judge them: both follow a change.
  connection.onNotification(ActiveProfileNotification, ({ profile }) => {
    if (profile === context.activeProfile.name) return;
    context.activeProfile.name = profile;
    void connection.languages.inlayHint.refresh().catch(() => undefined);
    checks.profileChanged();
  });
  connection.onDidChangeConfiguration(() => {
    context.settings.clear();
    registry.invalidateAll();
    void reloadAndScan(session);
  });
}

/** A fields file appearing or disappearing changes which file each template uses: everything is checked again. */
function onDiskChanges({ context, checks }: Session, changes: readonly FileEvent[]): void {
  const { documents, registry } = context;
  let rescan = false;
  context.files.changed(changes.map((change) => change.uri));
  for (const change of changes) {
    if (!isFieldsFileName(change.uri)) {
      if (!documents.get(change.uri)) checks.diskChanged(change.uri);
      continue;
    }
    registry.invalidate(change.uri);
    if (change.type === FileChangeType.Changed) checks.fieldsChanged(change.uri);
    else rescan = true;
    if (change.type === FileChangeType.Deleted && !documents.get(change.uri)) context.publisher.publish(change.uri, undefined, []);
  }
  if (rescan) {
    for (const document of documents.all()) checks.schedule(document.uri);
    void checks.scanWorkspace();
  }
}
