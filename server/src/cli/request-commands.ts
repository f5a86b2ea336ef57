// `webhook-templates expand` and `send`: the editor's expansion and sender, for scripts and CI.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { ExpandedRequest, ExpansionIssue, L10n, TemplateRequest } from '../core';
import { isFile } from '../documents/disk-documents';
import { formatExpandedRequest } from '../../../send/src/request-text';
import { formatResponse } from '../../../send/src/response-text';
import { SendError, sendRequest } from '../../../send/src/http';
import { headerProblemText, headerProblems } from '../../../send/src/send-checks';
import { DEFAULT_SETTINGS } from '../settings/settings';
import { pathToUri } from '../documents/file-uris';
import type { RequestArguments } from './arguments';
import type { CliIo } from './cli-io';
import { createCliWorkspace, rootForFile } from './cli-workspace';
import { runSendAll } from './send-all-command';

/** A usage problem: exit code 2 with a message. */
class UsageError extends Error {}

function issueList(issues: readonly ExpansionIssue[]): string {
  return issues.map((issue) => `  ${issue.text}: ${issue.reason}`).join('\n');
}

function pickRequests(all: readonly TemplateRequest[], name: string | undefined, file: string): TemplateRequest[] {
  if (all.length === 0) throw new UsageError(`${file} holds no request or webhook step.`);
  if (name === undefined) return [...all];
  const picked = all.filter((request) => request.name === name);
  if (picked.length === 0) throw new UsageError(`No request named "${name}" in ${file}; requests: ${all.map((request) => request.name).join(', ')}.`);
  return picked;
}

/** Reads the file and expands the requests the arguments pick. */
function expandFromArguments(args: RequestArguments, io: CliIo): { requests: ExpandedRequest[]; l10n: L10n } {
  const path = resolve(io.cwd, args.file);
  if (!isFile(path)) throw new UsageError(`No such file: ${args.file}`);
  const { service, registry } = createCliWorkspace([rootForFile(path, io.cwd)], io.locale);
  const uri = pathToUri(path);
  const parsed = service.parseTemplate(TextDocument.create(uri, 'plaintext', 1, readFileSync(path, 'utf8')));
  if (!parsed) throw new UsageError(`${args.file} is not a template: expected a .webhook or *.script.yaml|yml|json file.`);
  const fields = registry.contextFor(uri, DEFAULT_SETTINGS);
  const profiles = service.profileNames(fields);
  if (args.profile !== undefined && !profiles.includes(args.profile)) {
    throw new UsageError(`No profile "${args.profile}" in ${fields.source?.displayName ?? 'the fields file (none found)'}; profiles: ${profiles.join(', ') || 'none'}.`);
  }
  const requests = pickRequests(parsed.requests, args.request, args.file).map((request) => service.expandedRequestOf(request, fields, args.profile, io.env));
  return { requests, l10n: service.l10n };
}

function runExpand(requests: readonly ExpandedRequest[], args: RequestArguments, io: CliIo, l10n: L10n): number {
  io.out(requests.map((request) => formatExpandedRequest(request, l10n, { explain: args.explain })).join('\n'));
  const unresolved = requests.flatMap((request) => request.unresolved);
  if (unresolved.length > 0) io.err(`Unresolved placeholders:\n${issueList(unresolved)}\n`);
  return unresolved.length > 0 ? 1 : 0;
}

async function runSend(requests: readonly ExpandedRequest[], args: RequestArguments, io: CliIo, l10n: L10n): Promise<number> {
  if (requests.length > 1) throw new UsageError(`${args.file} holds ${requests.length} requests; pick one with --request NAME: ${requests.map((request) => request.name).join(', ')}.`);
  const request = requests[0];
  if (request.unresolved.length > 0) return refuse(io, `Not sent: unresolved placeholders:\n${issueList(request.unresolved)}`);
  // HTTP cannot carry a line break in a header: say so rather than let the value be cut or the request fail.
  const lineBreaks = headerProblems(request).filter((problem) => problem.kind === 'line-break');
  if (lineBreaks.length > 0) return refuse(io, l10n.t('Not sent. {0}', headerProblemText(lineBreaks, l10n)));
  if (request.empty.length > 0 && !args.allowEmpty) return refuse(io, `Not sent: these placeholders are empty for this profile (add --allow-empty to send anyway):\n${issueList(request.empty)}`);
  try {
    const result = await sendRequest(request, { timeoutMs: args.timeoutSeconds * 1000, maxRedirects: args.maxRedirects, maxResponseBytes: args.maxResponseKB * 1024, l10n });
    io.out(formatResponse(result, request, l10n));
    return result.status >= 200 && result.status < 300 ? 0 : 1;
  } catch (error) {
    if (!(error instanceof SendError)) throw error;
    return refuse(io, `Not delivered: ${error.message}`);
  }
}

function refuse(io: CliIo, message: string): number {
  io.err(message + '\n');
  return 1;
}

export async function runRequestCommand(args: RequestArguments, io: CliIo): Promise<number> {
  if (args.all) return runSendAll(args, io);
  try {
    const { requests, l10n } = expandFromArguments(args, io);
    return args.command === 'expand' ? runExpand(requests, args, io, l10n) : await runSend(requests, args, io, l10n);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.err(`webhook-templates: ${error.message}\n`);
    return 2;
  }
}
