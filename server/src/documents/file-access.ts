// How the server reaches files no editor has open: one small interface, read from the disk under Node.js
// (disk-files.ts) and asked of the editor in a browser (client-files.ts), where a web worker has no file system.
import type { TextDocument } from 'vscode-languageserver-textdocument';

/** Whether a path (relative to the folder, with `/`) is left out, like `files.exclude` leaves files and folders out. */
export type ExcludeTest = (relativePath: string, name: string) => boolean;

export interface FileAccess {
  /** Whether a file is at `uri` (not a folder). */
  exists(uri: string): boolean;
  /** The size in bytes of the file at `uri`; undefined when no file is there (nothing, or a folder). */
  size(uri: string): number | undefined;
  /**
   * The file's text as a document with a negative version (so a parse cached for an editor's version never answers
   * for it); undefined when no file is there or it is larger than `maxBytes` (then it is not read at all).
   */
  read(uri: string, maxBytes?: number): TextDocument | undefined;
  /** The template and fields files under a workspace folder, in a stable order; excluded folders are not entered. */
  list(folderUri: string, scriptGlobs: readonly string[], excluded: ExcludeTest): Promise<string[]>;
  /**
   * Runs `compute`, which reads files through `exists`, `size` and `read`. The disk answers at once, so this is `compute()`;
   * files asked of the editor arrive later, so there `compute` runs again once what it missed has arrived, and no
   * answer is published that rests on a file not fetched yet.
   */
  settled<T>(compute: () => T): Promise<T>;
  /** Files changed, appeared or went away outside the editor (watched-file events): what is known of them is forgotten. */
  changed(uris: readonly string[]): void;
  /**
   * Hears of files whose state became known after a read went without them (only where files arrive later): what was
   * concluded from their absence (the fields file a folder has) must be concluded again.
   */
  onDidArrive(listener: (uris: readonly string[]) => void): void;
}
