// The language client's error handler: a crashed server is restarted (as vscode-languageclient does) and the user told once.
import * as vscode from 'vscode';
import { CloseAction, ErrorAction, type ErrorHandler } from 'vscode-languageclient';
import { CrashPolicy, MAX_RESTARTS, RESTART_WINDOW_MS, type CrashDecision } from './crash-policy';
import { l10n } from './l10n';

function tell(decision: CrashDecision, log: vscode.LogOutputChannel): void {
  const showLog = l10n.t('Show Log');
  const message = decision.notify === 'gave-up'
    ? l10n.t('The Webhook Templates language server stopped {0} times in {1} minutes and will not be restarted. Run "Webhook Templates: Restart Language Server" to start it again.', MAX_RESTARTS + 1, RESTART_WINDOW_MS / 60000)
    : l10n.t('The Webhook Templates language server stopped unexpectedly and was restarted. If it happens again, the log says why.');
  const shown = decision.notify === 'gave-up' ? vscode.window.showErrorMessage(message, showLog) : vscode.window.showWarningMessage(message, showLog);
  void shown.then((answer) => answer === showLog && log.show());
}

/** One handler, with its own crash count, per language client. */
export function crashHandler(log: vscode.LogOutputChannel, policy = new CrashPolicy()): ErrorHandler {
  return {
    error: (_error, _message, count) => ({ action: policy.continueAfterError(count) ? ErrorAction.Continue : ErrorAction.Shutdown }),
    closed: () => {
      const decision = policy.closed();
      log.warn(decision.restart ? 'The language server stopped unexpectedly: restarting it.' : 'The language server stopped too often: not restarting it.');
      if (decision.notify) tell(decision, log);
      return { action: decision.restart ? CloseAction.Restart : CloseAction.DoNotRestart, handled: true };
    },
  };
}
