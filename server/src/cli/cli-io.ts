// What a command of the command line reads and writes through: the working folder, the locale, the environment, output.
import type { Environment } from '../core';

export interface CliIo {
  cwd: string;
  /** The locale the checks' and the sender's texts are written in (from LC_ALL, LC_MESSAGES or LANG). */
  locale: string;
  env: Environment;
  out: (text: string) => void;
  err: (text: string) => void;
  /** send --all: stops the run after the request in flight (the first Ctrl-C). */
  stop?: AbortSignal;
}
