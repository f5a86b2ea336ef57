// How to run the command line where the editor cannot (a browser tab runs no programs): the text "Check Workspace with
// the Command Line" opens there. No editor API, so tests read it.
import type { L10n } from '../../../server/src/core';

/** The extension's folder name as VS Code installs it, which holds the command line at `dist/cli.js`. */
export function installedFolderName(publisher: string, name: string, version: string): string {
  return `${publisher}.${name}-${version}`.toLowerCase();
}

/** A Markdown note: the command line ships in the extension, on the desktop and inside the .vsix (for CI). */
export function cliInstructions(folderName: string, version: string, l10n: L10n): string {
  return [
    `# ${l10n.t('Check the workspace from the command line')}`,
    '',
    l10n.t('A browser tab cannot run programs, so the check runs where Node.js 20 does: on your machine or in CI. It exits with 1 when there are errors.'),
    '',
    `## ${l10n.t('On a machine with VS Code and this extension')}`,
    '',
    l10n.t('In a clone of the repository:'),
    '',
    '```sh',
    `node ~/.vscode/extensions/${folderName}/dist/cli.js check .`,
    '```',
    '',
    `## ${l10n.t('In CI')}`,
    '',
    l10n.t('The command line is not published on npm; the extension package holds it (a .vsix is a zip file):'),
    '',
    '```sh',
    `unzip -p webhook-templates-${version}.vsix extension/dist/cli.js > webhook-templates.js`,
    'node webhook-templates.js check . --format github',
    '```',
    '',
  ].join('\n');
}
