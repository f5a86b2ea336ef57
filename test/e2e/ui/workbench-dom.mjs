// Readers of the workbench's DOM, run in the page: what a person sees of a modal dialog, a quick pick, the status bar,
// the editor tabs and an editor's lines. Run in the page by workbench.mjs.

/** The modal dialog, if one is open: message, detail and buttons in order, with the one that has focus. */
export function readDialog() {
  const box = document.querySelector('.monaco-dialog-box');
  if (!box) return null;
  const text = (selector) => box.querySelector(selector)?.textContent ?? '';
  const buttons = [...box.querySelectorAll('.dialog-buttons .monaco-button')].map((button) => ({
    label: button.textContent?.trim() ?? '',
    focused: document.activeElement === button,
  }));
  return { message: text('.dialog-message-text'), detail: text('.dialog-message-detail'), buttons };
}

/** The open quick pick's rows: the row's accessible label, and whether it carries a check mark icon. */
export function readQuickPick() {
  const widget = document.querySelector('.quick-input-widget');
  if (!widget || widget.style.display === 'none') return null;
  const rows = [...widget.querySelectorAll('.monaco-list-row')];
  if (rows.length === 0) return null;
  return rows.map((row) => ({ text: row.getAttribute('aria-label') ?? row.textContent ?? '', checked: !!row.querySelector('.codicon-check') }));
}

export function readStatusBar() {
  return [...document.querySelectorAll('.statusbar-item')].map((item) => item.textContent?.trim() ?? '').filter(Boolean);
}

/** The labels of the editor tabs, in every group. */
export function readTabs() {
  return [...document.querySelectorAll('.tabs-container .tab .label-name')].map((label) => label.textContent?.trim() ?? '');
}

/** The lines drawn (only those in view) by the editor whose tab is `tabLabel`, in whichever group shows it. */
export function readEditorLines(tabLabel) {
  const group = [...document.querySelectorAll('.editor-group-container')].find(
    (candidate) => candidate.querySelector('.tabs-container .tab.active .label-name')?.textContent?.trim() === tabLabel,
  );
  const editor = group?.querySelector('.monaco-editor .view-lines');
  if (!editor) return null;
  return [...editor.querySelectorAll('.view-line')]
    .map((line) => ({ top: parseFloat(line.style.top), text: line.textContent?.replace(/\u00a0/g, ' ') ?? '' }))
    .sort((a, b) => a.top - b.top)
    .map((line) => line.text);
}
