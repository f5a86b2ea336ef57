// "Check Workspace with the Command Line": runs the command line the extension ships, as a task, in a folder.
import * as vscode from 'vscode';
import { l10n } from '../l10n';
import { cliInstructions, installedFolderName } from './cli-instructions';
import { currentWorkspaceFolder, tourArgument } from './tour-arguments';
import type { TourDeps } from './tour-deps';

/** The task type contributed in package.json (`taskDefinitions`). */
export const CHECK_TASK_TYPE = 'webhook-templates';

export interface CliCheckOutcome {
  /** The program and its arguments, as the task's terminal shows them. */
  commandLine: string[];
  cwd: string;
}

/** In a browser: the note that says how to run it elsewhere, opened beside the templates. */
export interface CliInstructionsOutcome {
  instructions: string;
}

async function showInstructions(deps: TourDeps, interactive: boolean): Promise<CliInstructionsOutcome> {
  const { publisher, name, version } = deps.extension();
  const instructions = cliInstructions(installedFolderName(publisher, name, version), version, l10n);
  if (interactive) await vscode.window.showTextDocument(await vscode.workspace.openTextDocument({ language: 'markdown', content: instructions }), { preview: false });
  deps.log.info('Showed how to check the workspace from the command line (a browser runs no programs).');
  return { instructions };
}

/**
 * The bundled `dist/cli.js` run by the editor's own runtime: `process.execPath` is Node.js in a VS Code server and
 * Electron on the desktop, where ELECTRON_RUN_AS_NODE makes it Node.js; so no Node.js install is needed.
 */
function checkExecution(deps: TourDeps, cwd: string): vscode.ProcessExecution {
  const cli = vscode.Uri.joinPath(deps.extensionUri, 'dist', 'cli.js').fsPath;
  return new vscode.ProcessExecution(process.execPath, [cli, 'check', '.'], { cwd, env: { ELECTRON_RUN_AS_NODE: '1' } });
}

export async function checkWithCli(argument: unknown, deps: TourDeps): Promise<CliCheckOutcome | CliInstructionsOutcome | undefined> {
  if (deps.host === 'browser') return showInstructions(deps, tourArgument(argument).confirm !== false);
  const given = tourArgument(argument).folder;
  const folder = given ? undefined : await currentWorkspaceFolder(true);
  const cwd = given?.fsPath ?? folder?.uri.fsPath;
  if (!cwd) throw new Error(l10n.t('Open a folder to check it from the command line.'));
  const execution = checkExecution(deps, cwd);
  const scope = (given && vscode.workspace.getWorkspaceFolder(given)) || folder || vscode.TaskScope.Workspace;
  const task = new vscode.Task({ type: CHECK_TASK_TYPE, command: 'check' }, scope, l10n.t('check'), CHECK_TASK_TYPE, execution, []);
  task.presentationOptions = { reveal: vscode.TaskRevealKind.Always, panel: vscode.TaskPanelKind.Dedicated, clear: true };
  await vscode.tasks.executeTask(task);
  deps.log.info(`Checking ${cwd} from the command line: ${execution.process} ${execution.args.join(' ')}`);
  return { commandLine: [execution.process, ...execution.args], cwd };
}
