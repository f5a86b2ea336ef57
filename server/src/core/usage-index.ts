// Which fields each file of the workspace names: the summary behind references, rename, usage counts and unused hints.
import { countUses, type UsageCounts } from './fields-hints';
import { refId, type FieldRef } from './usages';

interface IndexedFile {
  /** The fields file the file was checked against (its own URI for a fields file); undefined: none was found. */
  fieldsUri?: string;
  /** The fields it names, one entry per use: small enough to keep for every file, open or not. */
  uses: readonly FieldRef[];
}

export class UsageIndex {
  private readonly files = new Map<string, IndexedFile>();

  record(uri: string, fieldsUri: string | undefined, uses: readonly FieldRef[]): void {
    this.files.set(uri, { fieldsUri, uses });
  }

  drop(uri: string): void {
    this.files.delete(uri);
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
    return countUses(this.filesUsing(fieldsUri).map((uri) => this.files.get(uri)!.uses));
  }
}
