// The active sample profile of the workspace, and the status bar item that says it and switches it.
import * as vscode from 'vscode';
import { l10n } from './l10n';

const KEY = 'webhookTemplates.activeProfile';

/** Stored per workspace: a profile's name, `null` for "examples only" chosen, nothing when never chosen. */
type Stored = string | null | undefined;

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

  /** The profile test webhooks take their values from; undefined: each field's example, then built-in samples. */
  get active(): string | undefined {
    return this.memento.get<Stored>(KEY) ?? undefined;
  }

  /** Whether the user ever chose (a profile, or examples only) in this workspace: until then a send asks. */
  get chosen(): boolean {
    return this.memento.get<Stored>(KEY) !== undefined;
  }

  /** What the status bar says: `Profile: lead`, `Profile: examples only`. */
  get text(): string {
    return this.item.text;
  }

  async set(profile: string | undefined): Promise<void> {
    await this.memento.update(KEY, profile ?? null);
    this.refresh();
    this.changed.fire(profile);
  }

  private refresh(): void {
    this.item.text = `$(account) ${this.active ? l10n.t('Profile: {0}', this.active) : l10n.t('Profile: examples only')}`;
    this.item.tooltip = l10n.t('Sample profile for test webhooks: click to change');
    const document = vscode.window.activeTextEditor?.document;
    const isTemplate = document && (document.languageId === 'webhook-template' || /\.script\.(ya?ml|json)$/.test(document.fileName));
    if (isTemplate) this.item.show();
    else this.item.hide();
  }
}
