// Splits a command's arguments into `--name value`, `--name=value`, `--flag` and positional words, for the options a
// command declares; an undeclared one is refused with the command's own message.

export type Options = Record<string, string | true | string[]>;

export interface OptionSpec {
  /** Options that take a value. */
  valued: ReadonlySet<string>;
  /** Options that take none. */
  flags?: ReadonlySet<string>;
  /** Valued options that may be given more than once; their values are kept in order. */
  repeatable?: ReadonlySet<string>;
  /** The message for an option the command does not know (`arg` as written). */
  unknown: (arg: string) => string;
}

export function readOptions(args: readonly string[], spec: OptionSpec): { options: Options; words: string[] } | { error: string } {
  const options: Options = {};
  const words: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (!arg.startsWith('--')) {
      words.push(arg);
      continue;
    }
    const [name, inline] = arg.slice(2).split(/=(.*)/s, 2);
    if (spec.flags?.has(name)) {
      options[name] = true;
      continue;
    }
    if (!spec.valued.has(name)) return { error: spec.unknown(arg) };
    const value = inline ?? args[++i];
    if (value === undefined) return { error: `Option --${name} needs a value.` };
    options[name] = spec.repeatable?.has(name) ? [...((options[name] as string[] | undefined) ?? []), value] : value;
  }
  return { options, words };
}
