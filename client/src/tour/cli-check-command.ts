// "Check Workspace with the Command Line": runs the command line the extension ships, as a task, in a folder.
import * as vscode from 'vscode';
import { l10n } from '../l10n';
import { currentWorkspaceFolder, tourArgument } from './tour-arguments';
import type { TourDeps } from './tour-deps';

/** The task type contributed in package.json (`taskDefinitions`). */
export const CHECK_TASK_TYPE = 'webhook-templates';

export interface CliCheckOutcome {
  /** The program and its arguments, as the task's terminal shows them. */
  commandLine: string[];
  cwd: string;
}

/**
 * The bundled `dist/cli.js` run by the editor's own runtime: `process.execPath` is Node.js in a VS Code server and
 * Electron on the desktop, where ELECTRON_RUN_AS_NODE makes it Node.js; so no Node.js install is needed.
 */
function checkExecution(deps: TourDeps, cwd: string): vscode.ProcessExecution {
  const cli = vscode.Uri.joinPath(deps.extensionUri, 'dist', 'cli.js').fsPath;
  return new vscode.ProcessExecution(process.execPath, [cli, 'check', '.'], { cwd, env: { ELECTRON_RUN_AS_NODE: '1' } });
}

export async function checkWithCli(argument: unknown, deps: TourDeps): Promise<CliCheckOutcome | undefined> {
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
