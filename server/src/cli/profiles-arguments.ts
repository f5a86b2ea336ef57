// Reads `webhook-templates profiles import FILE.csv [options]` into a typed request, or a message saying what is wrong.
import type { NewFieldSection, ProfileImportOptions } from '../core';

export interface ProfilesArguments {
  command: 'profiles';
  action: 'import';
  csv: string;
  options: ProfileImportOptions;
  /** Print what would be written instead of writing it. */
  dryRun: boolean;
  /** The fields file to write into instead of the one found from the current folder. */
  fields?: string;
}

export const PROFILES_USAGE = [
  '  profiles import FILE.csv [--rows N|LIST|all]   Add users of a CSV export (Chatterfy: Users → Export CSV) as sample profiles to',
  '       [--map COLUMN=KEY]... [--replace]         the fields file: the first 3 rows, or --rows (3, 1,4,7-9, all). --map sets a',
  '       [--add-fields[=custom|tracker]]           column\'s key (COLUMN: a header or #N; KEY "-" leaves it out); --add-fields adds',
  '       [--dry-run] [--fields PATH]               columns that match no field; --replace replaces profiles of the same name;',
  '                                                 --dry-run prints the change; exit 1 when nothing is written.',
];

const SECTIONS: Readonly<Record<string, NewFieldSection>> = { custom: 'customFields', tracker: 'trackerFields' };

interface Reading {
  words: string[];
  map: Record<string, string>;
  options: ProfileImportOptions;
  dryRun: boolean;
  fields?: string;
}

export function parseProfilesArguments(args: readonly string[]): ProfilesArguments | { error: string } {
  const [action, ...rest] = args;
  if (action !== 'import') return { error: action === undefined ? 'profiles needs an action: import.' : `Unknown profiles action "${action}"; known: import.` };
  const reading: Reading = { words: [], map: {}, options: {}, dryRun: false };
  for (let i = 0; i < rest.length; i++) {
    const [name, inline] = rest[i].startsWith('--') ? rest[i].slice(2).split(/=(.*)/s, 2) : [undefined, undefined];
    if (name === undefined) {
      reading.words.push(rest[i]);
      continue;
    }
    const valued = () => inline ?? rest[++i];
    const problem = readOption(name, inline, valued, reading);
    if (problem) return { error: problem };
  }
  if (reading.words.length !== 1) return { error: `profiles import takes exactly one FILE.csv; got ${reading.words.length}.` };
  const options = Object.keys(reading.map).length > 0 ? { ...reading.options, map: reading.map } : reading.options;
  return { command: 'profiles', action: 'import', csv: reading.words[0], options, dryRun: reading.dryRun, fields: reading.fields };
}

/** One option into `reading`; a message when it is wrong. */
function readOption(name: string, inline: string | undefined, valued: () => string | undefined, reading: Reading): string | undefined {
  switch (name) {
    case 'rows': {
      const rows = parseRows(valued());
      if (typeof rows === 'string') return rows;
      reading.options.rows = rows;
      return undefined;
    }
    case 'map': {
      const pair = valued();
      const at = pair?.lastIndexOf('=') ?? -1;
      if (pair === undefined || at <= 0) return `--map takes COLUMN=KEY; got "${pair ?? ''}".`;
      reading.map[pair.slice(0, at)] = pair.slice(at + 1);
      return undefined;
    }
    case 'add-fields':
      if (inline !== undefined && !(inline in SECTIONS)) return `--add-fields takes custom or tracker; got "${inline}".`;
      reading.options.addFields = inline === undefined ? true : SECTIONS[inline];
      return undefined;
    case 'replace':
      reading.options.replace = true;
      return undefined;
    case 'dry-run':
      reading.dryRun = true;
      return undefined;
    case 'fields':
      reading.fields = valued();
      return reading.fields === undefined ? 'Option --fields needs a value.' : undefined;
    default:
      return `Unknown option "--${name}" for profiles import.`;
  }
}

/** `3` (the first three), `1,4,7-9` (those rows), `all`. */
function parseRows(text: string | undefined): ProfileImportOptions['rows'] | string {
  const wrong = `--rows takes a count, a list such as 1,4,7-9, or all; got "${text ?? ''}".`;
  if (text === 'all') return 'all';
  if (text === undefined || !/^\d+(-\d+)?(,\d+(-\d+)?)*$/.test(text)) return wrong;
  if (/^\d+$/.test(text)) return Number(text) > 0 ? Number(text) : wrong;
  const rows = text.split(',').flatMap((part) => {
    const [from, to = from] = part.split('-').map(Number);
    return Array.from({ length: Math.max(0, to - from + 1) }, (_, index) => from + index);
  });
  return rows.length > 0 && !rows.includes(0) ? rows : wrong;
}
