// Lint rules: the fence keeps the analysis core free of editor and connection imports, and the door keeps everyone
// else out of the core's rooms: outside server/src/core, code imports only its facade, core/index.ts.
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'node_modules/**', '.vscode-test/**', 'examples/**'] },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['server/src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'vscode', message: 'The core is editor-free: pass what it needs in.' },
            { name: 'vscode-languageserver', message: 'The core returns LSP types from vscode-languageserver-types, not the connection.' },
            { name: 'vscode-languageserver/node', message: 'The core has no connection.' },
            { name: 'fs', message: 'The core does no I/O: the host hands in text.' },
            { name: 'node:fs', message: 'The core does no I/O: the host hands in text.' },
            { name: 'node:child_process', message: 'The core does no I/O.' },
          ],
          patterns: [{ group: ['../*', '!../core'], message: 'The core imports only from itself.' }],
        },
      ],
      'no-restricted-globals': ['error', { name: 'process', message: 'The core reads no environment: pass values in.' }],
    },
  },
  {
    // Folders inside the core (receivers/) reach the rest of the core through `../`; the fence moves one level up.
    files: ['server/src/core/*/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ['vscode', 'vscode-languageserver', 'vscode-languageserver/node', 'fs', 'node:fs', 'node:child_process'],
          patterns: [{ group: ['../../*'], message: 'The core imports only from itself.' }],
        },
      ],
    },
  },
  {
    files: ['server/src/**/*.ts', 'client/src/**/*.ts', 'send/src/**/*.ts'],
    ignores: ['server/src/core/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/core/*', '!**/core/index'], message: 'Reach the core through its facade: import from core (core/index.ts), and give the service a method for what is missing.' }] },
      ],
    },
  },
);
