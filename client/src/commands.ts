// The extension's commands, registered from one table; failures reach the user as one clear message.
import * as vscode from 'vscode';
import type { RequestTarget } from '../../server/src/protocol';
import { explainDeliveredWebhook } from './explain-command';
import { importProfilesFromCsv } from './import-profiles-command';
import { copyAsCurl } from './send/curl-command';
import { showHistory } from './send/history-command';
import { previewWebhook } from './send/preview-command';
import { selectProfile } from './send/profile-command';
import { sendAllWebhooks } from './send/send-all-command';
import { sendTestWebhook, type SendDeps } from './send/send-command';
import { targetFromArgument, targetFromEditor } from './send/target';
import { l10n } from './l10n';
import { checkWithCli } from './tour/cli-check-command';
import { startLocalReceiver, stopLocalReceiver } from './tour/local-receiver-command';
import { openMistakeExample } from './tour/mistake-example-command';
import { openFieldsFile } from './tour/open-fields-file-command';
import { createStarterWorkspace } from './tour/starter-command';

type Command = (deps: SendDeps, argument: unknown) => unknown;

function withTarget(run: (target: RequestTarget, deps: SendDeps) => unknown): Command {
  return (deps, argument) => {
    const target = targetFromArgument(argument) ?? targetFromEditor();
    if (!target) throw new Error(l10n.t('Open a .webhook or script file and put the cursor in a request or webhook step.'));
    return run(target, deps);
  };
}

const COMMANDS: Record<string, Command> = {
  'webhookTemplates.sendTestWebhook': withTarget(sendTestWebhook),
  'webhookTemplates.sendAllWebhooks': (deps, argument) => sendAllWebhooks(deps, argument),
  'webhookTemplates.previewWebhook': withTarget(previewWebhook),
  'webhookTemplates.copyAsCurl': withTarget(copyAsCurl),
  'webhookTemplates.selectProfile': (deps, argument) => selectProfile(deps, argument),
  'webhookTemplates.showHistory': (deps) => showHistory(deps),
  'webhookTemplates.explainDeliveredWebhook': (deps, argument) => explainDeliveredWebhook(deps, argument),
  'webhookTemplates.importProfilesFromCsv': (deps, argument) => importProfilesFromCsv(deps, argument),
  'webhookTemplates.restartServer': async (deps) => {
    const handle = deps.handle();
    if (!handle) throw new Error(l10n.t('The Webhook Templates language server is not running; see the log.'));
    deps.log.info('Restarting the language server.');
    await handle.client.restart();
  },
  'webhookTemplates.showLog': (deps) => deps.log.show(),
  'webhookTemplates.createStarterWorkspace': (deps, argument) => createStarterWorkspace(argument, deps.tour),
  'webhookTemplates.openFieldsFile': (deps, argument) => openFieldsFile(argument, deps.tour),
  'webhookTemplates.openMistakeExample': () => openMistakeExample(),
  'webhookTemplates.startLocalReceiver': (deps, argument) => startLocalReceiver(argument, deps.tour),
  'webhookTemplates.stopLocalReceiver': (deps) => stopLocalReceiver(deps.tour),
  'webhookTemplates.checkWithCli': (deps, argument) => checkWithCli(argument, deps.tour),
};

/** A scripted caller (`confirm: false`) gets the error; a person gets a message instead of a stack. */
function isScripted(argument: unknown): boolean {
  return targetFromArgument(argument)?.confirm === false || (typeof argument === 'object' && argument !== null && (argument as { confirm?: unknown }).confirm === false);
}

export function registerCommands(context: vscode.ExtensionContext, deps: SendDeps): void {
  for (const [id, run] of Object.entries(COMMANDS)) {
    const command = async (argument?: unknown) => {
      try {
        return await run(deps, argument);
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
}
