// Which fields each template file uses, and where: the index behind references, rename and unused-field hints.
import type { Location, Range } from 'vscode-languageserver';
import { refId, type FieldRef, type Usage, type UsageCounts } from './core';

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

  /** The templates checked against a fields file (undefined: those that found none). */
  filesUsing(fieldsUri: string | undefined): string[] {
    this.flush();
    return [...this.files].filter(([, file]) => file.fieldsUri === fieldsUri).map(([uri]) => uri);
  }

  locationsOf(fieldsUri: string, ref: FieldRef): Location[] {
    this.flush();
    const id = refId(ref);
    const locations: Location[] = [];
    for (const [uri, file] of this.files) {
      if (file.fieldsUri !== fieldsUri || !file.usages.some((usage) => refId(usage) === id)) continue;
      for (const usage of file.locate()) if (refId(usage.ref) === id) locations.push({ uri, range: usage.range });
    }
    return locations;
  }

  private allIds(file: IndexedFile): string[] {
    return file.usages.map((usage) => refId(usage));
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
    const counts = new Map<string, { places: number; files: number }>();
    for (const [uri, file] of this.files) {
      if (file.fieldsUri !== fieldsUri) continue;
      // The fields file's own bot-variable values count as uses, but it is not a template file.
      const seen = new Set<string>(uri === fieldsUri ? this.allIds(file) : []);
      for (const usage of file.usages) {
        const id = refId(usage);
        const count = counts.get(id) ?? { places: 0, files: 0 };
        count.places++;
        if (!seen.has(id)) count.files++;
        seen.add(id);
        counts.set(id, count);
      }
    }
    return counts;
  }
}
