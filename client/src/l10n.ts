// The extension's texts in VS Code's display language, read from the one table every host reads (the core's).
import * as vscode from 'vscode';
import { createL10n } from '../../server/src/core';

/** VS Code's display language is fixed for a window's life, and so is this. */
export const l10n = createL10n(vscode.env.language);
