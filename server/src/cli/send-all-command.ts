// `webhook-templates send --all FILE|DIR...`: every request of every template there, expanded with the profile and
// sent in turn with the single send's rules (unresolved values and header line breaks refused, empty values refused
// unless --allow-empty), then a summary table per file and, with --junit, a JUnit report. As a plain `send`, it asks
// nothing about hosts: naming the files on the command line is the consent.
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { L10n } from '../core';
import { pathToUri } from '../documents/file-uris';
import { passed, refusalOf, sendAll, type RunItem, type RunResult } from '../../../send/src/send-all';
import { sendRequest } from '../../../send/src/http';
import { formatRunSummary, runCounts } from '../../../send/src/send-all-text';
import { SendAgents } from '../../../send/src/send-agents';
import type { RequestArguments } from './arguments';
import { expandPaths } from './check';
import { createCliWorkspace, type CliWorkspace } from './cli-workspace';
import { sendAllJunit, type FileRun } from './report-junit-send';
import type { CliIo } from './cli-io';

type Planned = { runs: { file: string; items: RunItem[] }[] } | { error: string };

/** The file as printed: relative to the working folder, with forward slashes. */
function shownPath(path: string, cwd: string): string {
  return (relative(cwd, path) || path).split('\\').join('/');
}

/** The requests of one template, expanded; undefined for a file that is no template. */
function planFile(path: string, host: CliWorkspace, args: RequestArguments, io: CliIo): { items: RunItem[] } | { error: string } | undefined {
  const uri = pathToUri(path);
  const document = TextDocument.create(uri, 'plaintext', 1, readFileSync(path, 'utf8'));
  const list = host.service.requestList(document);
  if (!list) return undefined;
  const fields = host.registry.contextFor(uri, host.settingsFor(path));
  const profiles = host.service.profileNames(fields);
  const file = shownPath(path, io.cwd);
  if (args.profile !== undefined && !profiles.includes(args.profile)) {
    return { error: `No profile "${args.profile}" in ${fields.source?.displayName ?? 'the fields file (none found)'} of ${file}; profiles: ${profiles.join(', ') || 'none'}.` };
  }
  const items = list.requests.map(({ request, line, flow }): RunItem => {
    const expanded = host.service.expandedRequestOf(request, fields, args.profile, io.env);
    return { request: expanded, file, line, flow, refusal: refusalOf(expanded, host.service.l10n, args.allowEmpty) };
  });
  return { items };
}

/** Every template under the paths planned; a file named on the command line must be a template. */
function plan(args: RequestArguments, io: CliIo, host: CliWorkspace, files: readonly string[]): Planned {
  const named = new Set(args.paths.map((path) => resolve(io.cwd, path)).filter((path) => existsSync(path) && statSync(path).isFile()));
  const runs: { file: string; items: RunItem[] }[] = [];
  for (const path of files) {
    const planned = planFile(path, host, args, io);
    if (planned && 'error' in planned) return planned;
    if (!planned && named.has(path)) return { error: `${shownPath(path, io.cwd)} is not a template: expected a .webhook or *.script.yaml|yml|json file.` };
    if (planned && planned.items.length > 0) runs.push({ file: shownPath(path, io.cwd), items: planned.items });
  }
  if (runs.length === 0) return { error: `No request or webhook step to send in ${args.paths.join(', ')}.` };
  return { runs };
}

/** One table per file, and the total over all of them when there are several. */
function summaries(runs: readonly FileRun[], l10n: L10n): string {
  const tables = runs.map((run) => formatRunSummary(run.results, l10n, { title: run.file }));
  const all = runs.flatMap((run) => run.results);
  return tables.join('\n') + (runs.length > 1 ? `\n# ${l10n.t('Total: {0}', runCounts(all, l10n))}\n` : '');
}

export async function runSendAll(args: RequestArguments, io: CliIo): Promise<number> {
  const expanded = expandPaths(args.paths, io.cwd);
  if ('error' in expanded) return usage(io, expanded.error);
  const host = createCliWorkspace(expanded.roots, io.locale);
  const planned = plan(args, io, host, expanded.files);
  if ('error' in planned) return usage(io, planned.error);
  // One pool for the run: sends to the same receiver reuse its connection; closed before the command returns.
  const agents = new SendAgents();
  const sendOptions = { timeoutMs: args.timeoutSeconds * 1000, maxRedirects: args.maxRedirects, maxResponseBytes: args.maxResponseKB * 1024, l10n: host.service.l10n, agents };
  const results = await sendAll(planned.runs.flatMap((run) => run.items), { send: sendOptions, sender: sendRequest, stop: io.stop }).finally(() => agents.close());
  const runs = planned.runs.map((run): FileRun => ({ file: run.file, results: results.filter((result) => run.items.includes(result.item)) }));
  io.out(summaries(runs, host.service.l10n));
  if (args.junit !== undefined && !writeJunit(args.junit, sendAllJunit(runs, host.service.l10n), io)) return 2;
  return results.every((result: RunResult) => passed(result)) ? 0 : 1;
}

function writeJunit(path: string, text: string, io: CliIo): boolean {
  try {
    writeFileSync(resolve(io.cwd, path), text);
    return true;
  } catch (error) {
    io.err(`webhook-templates: cannot write the JUnit report to ${path}: ${error instanceof Error ? error.message : String(error)}\n`);
    return false;
  }
}

function usage(io: CliIo, message: string): number {
  io.err(`webhook-templates: ${message}\n`);
  return 2;
}
