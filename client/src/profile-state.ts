// The active sample profile of the workspace, and the status bar item that shows and switches it.
import * as vscode from 'vscode';
import { l10n } from './l10n';

const KEY = 'webhookTemplates.activeProfile';

export class ProfileState {
  private readonly item = vscode.window.createStatusBarItem('webhookTemplates.profile', vscode.StatusBarAlignment.Right, 100);
  private readonly changed = new vscode.EventEmitter<string | undefined>();
  /** Fires with the new active profile. */
  readonly onDidChange = this.changed.event;

  constructor(private readonly memento: vscode.Memento) {
    this.item.name = l10n.t('Webhook Templates profile');
    this.item.command = 'webhookTemplates.selectProfile';
  }

  register(context: vscode.ExtensionContext): void {
    context.subscriptions.push(this.item, this.changed, vscode.window.onDidChangeActiveTextEditor(() => this.refresh()));
    this.refresh();
  }

  get active(): string | undefined {
    return this.memento.get<string>(KEY);
  }

  async set(profile: string | undefined): Promise<void> {
    await this.memento.update(KEY, profile);
    this.refresh();
    this.changed.fire(profile);
  }

  private refresh(): void {
    const document = vscode.window.activeTextEditor?.document;
    const isTemplate = document && (document.languageId === 'webhook-template' || /\.script\.(ya?ml|json)$/.test(document.fileName));
    if (!isTemplate) return this.item.hide();
    this.item.text = `$(account) ${this.active ?? l10n.t('examples')}`;
    this.item.tooltip = l10n.t('Sample profile for test webhooks: click to change');
    this.item.show();
  }
}
