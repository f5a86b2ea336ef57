// The extension's texts in VS Code's display language, read from the one table every host reads (the core's).
import * as vscode from 'vscode';
import { createL10n, type L10n } from '../../server/src/core';

let made: L10n | undefined;

/** Made on first use, not when the bundle loads: the display language is fixed for a window's life. */
function translator(): L10n {
  return (made ??= createL10n(vscode.env.language));
}

export const l10n: L10n = {
  get language() {
    return translator().language;
  },
  t: (english, ...args) => translator().t(english, ...args),
  say: (arg) => translator().say(arg),
  count: (english, count) => translator().count(english, count),
};
