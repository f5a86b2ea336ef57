// `webhook-templates explain URL|- [--body FILE|-] [--format text|json] [PATH...]`: a delivered webhook (as Chatterfy's
// Logs → Webhooks or a tracker's log shows it) matched back to the templates under the paths (default: the current
// folder), each placeholder lined up with what arrived. Exit 0: nothing lost; 1: something lost; 2: bad usage, input
// that is no request, or no template to line it up with.
import { readFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { isTemplateKind, type WorkspaceTemplate } from '../core';
import { formatExplanation } from '../../../send/src/explanation-text';
import { pathToUri, uriToPath } from '../documents/file-uris';
import { expandPaths } from './check';
import { createCliWorkspace } from './cli-workspace';
import type { ExplainArguments } from './explain-arguments';

export interface ExplainIo {
  cwd: string;
  locale: string;
  readStdin: () => Promise<string>;
  out: (text: string) => void;
  err: (text: string) => void;
}

/** A usage problem: exit code 2 with a message. */
class UsageError extends Error {}

export async function runExplain(args: ExplainArguments, io: ExplainIo): Promise<number> {
  try {
    const text = args.request === '-' ? await io.readStdin() : args.request;
    const body = args.body === undefined ? undefined : args.body === '-' ? await io.readStdin() : readBody(args.body, io.cwd);
    const { service, templates } = workspaceTemplates(args.paths, io);
    const explanation = service.explainDelivered({ text, body }, templates);
    const nameOf = (uri: string) => relative(io.cwd, uriToPath(uri)) || uriToPath(uri);
    if (args.format === 'json') io.out(`${JSON.stringify(explanation, null, 2)}\n`);
    if (explanation.error !== undefined) return refuse(io, explanation.error);
    if (args.format === 'text') io.out(formatExplanation(explanation, service.l10n, { nameOf }));
    if (!explanation.template) return refuse(io, explanation.noMatch ?? '');
    return explanation.lost ? 1 : 0;
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    return refuse(io, error.message);
  }
}

function refuse(io: ExplainIo, message: string): number {
  io.err(`webhook-templates: ${message}\n`);
  return 2;
}

function readBody(file: string, cwd: string): string {
  try {
    return readFileSync(resolve(cwd, file), 'utf8');
  } catch {
    throw new UsageError(`Cannot read the body from ${file}.`);
  }
}

/** Every template under the paths, with the fields and settings its folder gives it (as `check` finds them). */
function workspaceTemplates(paths: readonly string[], io: ExplainIo) {
  const found = expandPaths(paths, io.cwd);
  if ('error' in found) throw new UsageError(found.error);
  const host = createCliWorkspace(found.roots, io.locale);
  const templates = found.files.flatMap((path): WorkspaceTemplate[] => {
    const document = TextDocument.create(pathToUri(path), 'plaintext', 1, readFileSync(path, 'utf8'));
    if (!isTemplateKind(host.service.kindOf(document))) return [];
    return [{ document, fields: host.registry.contextFor(document.uri, host.settingsFor(path)) }];
  });
  return { service: host.service, templates };
}
