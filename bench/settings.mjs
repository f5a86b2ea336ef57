// The bench's fixed inputs: one seed, the corpus sizes and the budgets that keep a run under about five minutes.
export const SEED = 20240310;
export const CORPUS_SIZES = { yamlBytes: 2.5e6, jsonBytes: 2.5e6, webhookBytes: 0.5e6 };
export const WORKSPACE_FILES = 2000;
export const KEYSTROKES = 200;
/** The keystroke test stops early past this, and reports how many edits it measured. */
export const KEYSTROKE_BUDGET_MS = 75000;
export const REQUESTS = 300;
/** Section 8: keystrokes typed into the 5 MB script without waiting for diagnostics, and how fast (issue 18). */
export const SUSTAINED_KEYSTROKES = 2000;
export const SUSTAINED_PER_SECOND = 100;
export const SENDS = 1000;
/** Fresh VS Code windows for the activation time (section 6); each costs about 10 s of code-server and Chromium. */
export const ACTIVATION_RUNS = 3;
