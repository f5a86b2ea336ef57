// The extension's commands, every id registered at activation from one table; most run in the on-demand part
// (on-demand.ts, bundled as dist/on-demand.js), loaded on the first of them. Failures reach the user as one clear message.
import * as vscode from 'vscode';
import { l10n } from './l10n';
import type * as OnDemand from './on-demand';
import type { StartupDeps } from './command-deps';

/** The on-demand part's module, however the host loads it (Node: a require of its bundle). */
export type OnDemandModule = typeof OnDemand;

type Command = (deps: StartupDeps, argument: unknown) => unknown;

/** Commands that run here, needing nothing more than activation made. */
const STARTUP_COMMANDS: Record<string, Command> = {
  'webhookTemplates.restartServer': async (deps) => {
    const handle = deps.handle();
    if (!handle) throw new Error(l10n.t('The Webhook Templates language server is not running; see the log.'));
    deps.log.info('Restarting the language server.');
    await handle.restart();
  },
  'webhookTemplates.showLog': (deps) => deps.log.show(),
};

/** Commands of the on-demand part: its table names exactly these (the type holds the two equal). */
const ON_DEMAND: Record<OnDemand.OnDemandCommandId, true> = {
  'webhookTemplates.sendTestWebhook': true,
  'webhookTemplates.sendAllWebhooks': true,
  'webhookTemplates.previewWebhook': true,
  'webhookTemplates.copyAsCurl': true,
  'webhookTemplates.selectProfile': true,
  'webhookTemplates.showHistory': true,
  'webhookTemplates.explainDeliveredWebhook': true,
  'webhookTemplates.importProfilesFromCsv': true,
  'webhookTemplates.createStarterWorkspace': true,
  'webhookTemplates.openFieldsFile': true,
  'webhookTemplates.openMistakeExample': true,
  'webhookTemplates.startLocalReceiver': true,
  'webhookTemplates.stopLocalReceiver': true,
  'webhookTemplates.checkWithCli': true,
};

/** A scripted caller (an argument with `confirm: false`) gets the error; a person gets a message instead of a stack. */
function isScripted(argument: unknown): boolean {
  return typeof argument === 'object' && argument !== null && (argument as { confirm?: unknown }).confirm === false;
}

function register(context: vscode.ExtensionContext, deps: StartupDeps, id: string, run: (argument: unknown) => unknown): void {
  const command = async (argument?: unknown) => {
    try {
      return await run(argument);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      deps.log.warn(`${id}: ${message}`);
      if (isScripted(argument)) throw error;
      void vscode.window.showErrorMessage(message);
      return undefined;
    }
  };
  context.subscriptions.push(vscode.commands.registerCommand(id, command));
}

/** Registers every command; `load` brings the on-demand part's module, called once, by the first command of it. */
export function registerCommands(context: vscode.ExtensionContext, deps: StartupDeps, load: () => OnDemandModule): void {
  let part: OnDemand.OnDemandPart | undefined;
  const onDemand = () => (part ??= load().startOnDemandPart(context, deps));
  for (const [id, run] of Object.entries(STARTUP_COMMANDS)) register(context, deps, id, (argument) => run(deps, argument));
  for (const id of Object.keys(ON_DEMAND) as OnDemand.OnDemandCommandId[]) register(context, deps, id, (argument) => onDemand().run(id, argument));
}
