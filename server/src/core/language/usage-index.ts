// Which fields each file of the workspace names: the summary behind references, rename, usage counts and unused hints.
import { refId, type FieldRef } from '../resolve/usages';

/**
 * How often each field (by refId) is used: `places` counts its uses, `files` the files they stand in. A use is
 * a placeholder naming the field, in a template or in a bot-variable value of the fields file (that file then
 * counts as one of the files); the definition and profile keys are not uses. Find All References without the
 * declaration lists exactly these places.
 */
export type UsageCounts = ReadonlyMap<string, { places: number; files: number }>;

/** The counts of the uses each file holds (one list per file). */
export function countUses(files: Iterable<readonly FieldRef[]>): UsageCounts {
  const counts = new Map<string, { places: number; files: number }>();
  for (const uses of files) {
    const seen = new Set<string>();
    for (const use of uses) {
      const id = refId(use);
      const count = counts.get(id) ?? { places: 0, files: 0 };
      count.places++;
      if (!seen.has(id)) count.files++;
      seen.add(id);
      counts.set(id, count);
    }
  }
  return counts;
}

interface IndexedFile {
  /** The fields file the file was checked against (its own URI for a fields file); undefined: none was found. */
  fieldsUri?: string;
  /** The fields it names, one entry per use: small enough to keep for every file, open or not. */
  uses: readonly FieldRef[];
}

export class UsageIndex {
  private readonly files = new Map<string, IndexedFile>();
  /**
   * Counts per fields file, kept until a file is recorded or dropped: completion asks for them at every `{` and a
   * large open script names its fields tens of thousands of times.
   */
  private readonly counted = new Map<string, UsageCounts>();

  record(uri: string, fieldsUri: string | undefined, uses: readonly FieldRef[]): void {
    this.files.set(uri, { fieldsUri, uses });
    this.counted.clear();
  }

  drop(uri: string): void {
    if (this.files.delete(uri)) this.counted.clear();
  }

  /** Every file indexed: templates and fields files. */
  uris(): string[] {
    return [...this.files.keys()];
  }

  /** The files checked against a fields file (undefined: the templates that found none), the fields file among them. */
  filesUsing(fieldsUri: string | undefined): string[] {
    return [...this.files].filter(([, file]) => file.fieldsUri === fieldsUri).map(([uri]) => uri);
  }

  /** The files that name one field of a fields file: where its uses are looked up in full. */
  filesNaming(fieldsUri: string, ref: FieldRef): string[] {
    const id = refId(ref);
    return this.filesUsing(fieldsUri).filter((uri) => this.files.get(uri)!.uses.some((use) => refId(use) === id));
  }

  counts(fieldsUri: string): UsageCounts {
    let counts = this.counted.get(fieldsUri);
    if (!counts) this.counted.set(fieldsUri, (counts = countUses(this.filesUsing(fieldsUri).map((uri) => this.files.get(uri)!.uses))));
    return counts;
  }
}
