// The CLI's view of a workspace: the core service and a fields registry rooted at the folders it was given.
import { dirname, relative } from 'node:path';
import { createTemplateService, type TemplateService } from '../core';
import { FieldsRegistry } from '../fields-registry';
import { WorkspaceFolders, pathToUri } from '../workspace-folders';

const NO_OPEN_EDITORS = { get: () => undefined };

export interface CliWorkspace {
  service: TemplateService;
  registry: FieldsRegistry;
}

/** Fields files are searched up to these roots, as an editor searches up to its workspace folder. */
export function createCliWorkspace(roots: readonly string[]): CliWorkspace {
  const service = createTemplateService();
  const folders = new WorkspaceFolders();
  folders.set(roots.map((root) => ({ uri: pathToUri(root), name: root })));
  return { service, registry: new FieldsRegistry(NO_OPEN_EDITORS, service, folders) };
}

/** The root for a single file: the working folder when the file is inside it, else the file's own folder. */
export function rootForFile(path: string, cwd: string): string {
  return relative(cwd, path).startsWith('..') ? dirname(path) : cwd;
}
