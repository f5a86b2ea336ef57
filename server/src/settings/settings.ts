// The settings the server reads (section `webhookTemplates`), each value checked, and the receiver tables they hold.
import { DEFAULT_HINT_LENGTH, MIN_HINT_LENGTH, isSeverityLevel, receiversFromSettings, type ReceiverDefinition, type SeverityChoices, type SeverityLevel } from '../core';

export interface Settings {
  /** A fields file path that overrides the search (absolute, or relative to the workspace folder). */
  fieldsFile: string;
  /** Extra globs of script files. */
  scriptFiles: string[];
  /** Show the sample value of each placeholder after it. */
  inlayHints: boolean;
  /** The longest value an inlay hint shows (`inlayHints.maxLength`), at least MIN_HINT_LENGTH. */
  inlayHintsMaxLength: number;
  /** Files larger than this (in megabytes) are not read: one information diagnostic says so. */
  maxFileSizeMB: number;
  /** The user's receiver tables (`webhookTemplates.receivers`), as written; the core reads them leniently. */
  receivers: unknown[];
  /** A person's severities by problem code (`webhookTemplates.severity`), over the fields file's; only known levels kept. */
  severity: SeverityChoices;
}

export const DEFAULT_MAX_FILE_SIZE_MB = 10;

export const DEFAULT_SETTINGS: Settings = {
  fieldsFile: '',
  scriptFiles: [],
  inlayHints: true,
  inlayHintsMaxLength: DEFAULT_HINT_LENGTH,
  maxFileSizeMB: DEFAULT_MAX_FILE_SIZE_MB,
  receivers: [],
  severity: {},
};

/** Settings from the `webhookTemplates` section as the editor hands it over, every value checked. */
export function settingsFromSection(raw: unknown): Settings {
  const value = (raw ?? {}) as Partial<Settings>;
  // The client's settings `webhookTemplates.inlayHints.sampleValues` and `.maxLength`; the section arrives nested.
  const hints = (value as { inlayHints?: { sampleValues?: unknown; maxLength?: unknown } }).inlayHints;
  return {
    fieldsFile: typeof value.fieldsFile === 'string' ? value.fieldsFile : '',
    scriptFiles: Array.isArray(value.scriptFiles) ? value.scriptFiles.filter((glob): glob is string => typeof glob === 'string') : [],
    inlayHints: hints?.sampleValues !== false,
    inlayHintsMaxLength: hintLength(hints?.maxLength),
    maxFileSizeMB: positiveNumber(value.maxFileSizeMB, DEFAULT_MAX_FILE_SIZE_MB),
    receivers: Array.isArray(value.receivers) ? value.receivers : [],
    severity: severityChoices(value.severity),
  };
}

/** `{ "insecure-http": "warning" }`; entries whose level is not one are left out (the setting's schema flags them). */
function severityChoices(raw: unknown): SeverityChoices {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return {};
  return Object.fromEntries(Object.entries(raw).filter((entry): entry is [string, SeverityLevel] => isSeverityLevel(entry[1])));
}

/** A length of at least MIN_HINT_LENGTH (a smaller one in settings.json is raised to it); the default when not a number. */
function hintLength(raw: unknown): number {
  return typeof raw === 'number' && Number.isFinite(raw) ? Math.max(MIN_HINT_LENGTH, Math.floor(raw)) : DEFAULT_HINT_LENGTH;
}

function positiveNumber(raw: unknown, fallback: number): number {
  return typeof raw === 'number' && Number.isFinite(raw) && raw > 0 ? raw : fallback;
}

/** Receiver tables read once per settings object (settings are cached until they change). */
const receiverTables = new WeakMap<Settings, ReceiverDefinition[]>();

/** The user's receiver tables of `webhookTemplates.receivers`, read leniently by the core. */
export function receiverTablesOf(settings: Settings): ReceiverDefinition[] {
  let receivers = receiverTables.get(settings);
  if (!receivers) receiverTables.set(settings, (receivers = receiversFromSettings(settings.receivers)));
  return receivers;
}
