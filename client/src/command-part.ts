// The commands of the part a command loads on first use: sending, the response view, history, cURL, preview, profiles,
// explain, CSV import and the tour's commands, on a host's CommandPlatform. On the desktop this is dist/on-demand.js
// (on-demand.ts, with undici); in a browser it is inside dist/web/extension.js (with fetch). Activation registers their
// ids (commands.ts) and starts this part only when one of them runs.
import type * as vscode from 'vscode';
import type { RequestTarget } from '../../server/src/protocol';
import type { SendDeps, StartupDeps } from './command-deps';
import { windowSetting } from './config';
import { explainDeliveredWebhook } from './explain-command';
import { importProfilesFromCsv } from './import-profiles-command';
import { l10n } from './l10n';
import type { CommandPlatform } from './platform';
import { copyAsCurl } from './send/curl-command';
import { SendHistory } from './send/history';
import { showHistory } from './send/history-command';
import { previewWebhook } from './send/preview-command';
import { selectProfile } from './send/profile-command';
import { sendAllWebhooks } from './send/send-all-command';
import { ResponseViews } from './send/response-view';
import { sendTestWebhook } from './send/send-command';
import { targetFromArgument, targetFromEditor } from './send/target';
import { checkWithCli } from './tour/cli-check-command';
import { startLocalReceiver, stopLocalReceiver } from './tour/local-receiver-command';
import { openMistakeExample } from './tour/mistake-example-command';
import { openFieldsFile } from './tour/open-fields-file-command';
import { createStarterWorkspace } from './tour/starter-command';
import { registerTour } from './tour/tour';

type Command = (deps: SendDeps, argument: unknown) => unknown;

function withTarget(run: (target: RequestTarget, deps: SendDeps) => unknown): Command {
  return (deps, argument) => {
    const target = targetFromArgument(argument) ?? targetFromEditor();
    if (!target) throw new Error(l10n.t('Open a .webhook or script file and put the cursor in a request or webhook step.'));
    return run(target, deps);
  };
}

export const ON_DEMAND_COMMANDS = {
  'webhookTemplates.sendTestWebhook': withTarget(sendTestWebhook),
  'webhookTemplates.sendAllWebhooks': (deps, argument) => sendAllWebhooks(deps, argument),
  'webhookTemplates.previewWebhook': withTarget(previewWebhook),
  'webhookTemplates.copyAsCurl': withTarget(copyAsCurl),
  'webhookTemplates.selectProfile': (deps, argument) => selectProfile(deps, argument),
  'webhookTemplates.showHistory': (deps) => showHistory(deps),
  'webhookTemplates.explainDeliveredWebhook': (deps, argument) => explainDeliveredWebhook(deps, argument),
  'webhookTemplates.importProfilesFromCsv': (deps, argument) => importProfilesFromCsv(deps, argument),
  'webhookTemplates.createStarterWorkspace': (deps, argument) => createStarterWorkspace(argument, deps.tour),
  'webhookTemplates.openFieldsFile': (deps, argument) => openFieldsFile(argument, deps.tour),
  'webhookTemplates.openMistakeExample': () => openMistakeExample(),
  'webhookTemplates.startLocalReceiver': (deps, argument) => startLocalReceiver(argument, deps.tour),
  'webhookTemplates.stopLocalReceiver': (deps) => stopLocalReceiver(deps.tour),
  'webhookTemplates.checkWithCli': (deps, argument) => checkWithCli(argument, deps.tour),
} satisfies Record<string, Command>;

export type OnDemandCommandId = keyof typeof ON_DEMAND_COMMANDS;

export interface OnDemandPart {
  run(id: OnDemandCommandId, argument: unknown): unknown;
}

/** Starts the part once, on the first command that needs it: the response view, the history, the tour's receiver. */
export function startCommandPart(context: vscode.ExtensionContext, startup: StartupDeps, platform: CommandPlatform): OnDemandPart {
  const views = new ResponseViews();
  views.register(context);
  const deps: SendDeps = {
    ...startup,
    views,
    history: new SendHistory(context.globalState, () => windowSetting('send.historySize')),
    confirmedHosts: context.workspaceState,
    tour: registerTour(context, startup.log, platform),
    platform,
  };
  return { run: (id, argument) => ON_DEMAND_COMMANDS[id](deps, argument) };
}
