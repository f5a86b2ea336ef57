// Which fields each template file uses, and where: the index behind references, rename and unused-field hints.
import type { Location, Range } from 'vscode-languageserver';
import { countUses, refId, type FieldRef, type Usage, type UsageCounts } from './core';

export interface IndexedUsage {
  ref: FieldRef;
  /** The field's key inside the placeholder, the part a rename replaces. */
  range: Range;
}

interface IndexedFile {
  fieldsUri?: string;
  /** The fields it names, for counts; cheap to keep on every keystroke. */
  usages: readonly FieldRef[];
  /** Where it names them, worked out only when references or rename ask. */
  locate: () => IndexedUsage[];
}

/** How long typing must pause before an open document's usages are indexed again. */
const DEFERRED_MS = 400;

export class WorkspaceIndex {
  private readonly files = new Map<string, IndexedFile>();
  private readonly deferred = new Map<string, () => void>();
  private timer: NodeJS.Timeout | undefined;

  /** Indexes a document later (it is being typed in); any question to the index runs what waits first. */
  defer(uri: string, index: () => void): void {
    this.deferred.set(uri, index);
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.flush(), DEFERRED_MS);
  }

  private flush(): void {
    clearTimeout(this.timer);
    const waiting = [...this.deferred.values()];
    this.deferred.clear();
    for (const index of waiting) index();
  }

  set(uri: string, fieldsUri: string | undefined, usages: readonly Usage[], locate: () => IndexedUsage[]): void {
    let located: IndexedUsage[] | undefined;
    this.files.set(uri, { fieldsUri, usages, locate: () => (located ??= locate()) });
  }

  delete(uri: string): void {
    this.deferred.delete(uri);
    this.files.delete(uri);
  }

  has(uri: string): boolean {
    this.flush();
    return this.files.has(uri);
  }

  /** Every file indexed: the templates and the fields files. */
  allFiles(): string[] {
    this.flush();
    return [...this.files.keys()];
  }

  /**
   * The files checked against a fields file (undefined: the templates that found none): its templates and the
   * fields file itself, whose bot-variable values use fields. Counts and locations both read this one list.
   */
  private *checkedAgainst(fieldsUri: string | undefined): Generator<[string, IndexedFile]> {
    for (const entry of this.files) if (entry[1].fieldsUri === fieldsUri) yield entry;
  }

  /** The files checked against a fields file (undefined: the templates that found none). */
  filesUsing(fieldsUri: string | undefined): string[] {
    this.flush();
    return [...this.checkedAgainst(fieldsUri)].map(([uri]) => uri);
  }

  /** Where the field is used: exactly the places its counts count. */
  locationsOf(fieldsUri: string, ref: FieldRef): Location[] {
    this.flush();
    const id = refId(ref);
    const locations: Location[] = [];
    for (const [uri, file] of this.checkedAgainst(fieldsUri)) {
      if (!file.usages.some((usage) => refId(usage) === id)) continue;
      for (const usage of file.locate()) if (refId(usage.ref) === id) locations.push({ uri, range: usage.range });
    }
    return locations;
  }

  /** Counts that include what was typed a moment ago: for answers the user is waiting for. */
  countsFor(fieldsUri: string): UsageCounts {
    this.flush();
    return this.countsSoFar(fieldsUri);
  }

  /**
   * Counts as indexed so far, leaving documents being typed in at their last indexed state: for hints published
   * in the background. Flushing here would index on every republication, and each indexing republishes the hints.
   */
  countsSoFar(fieldsUri: string): UsageCounts {
    return countUses([...this.checkedAgainst(fieldsUri)].map(([, file]) => file.usages));
  }
}
