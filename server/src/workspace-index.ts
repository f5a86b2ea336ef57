// Which fields each template file uses, and where: the index behind references, rename and unused-field hints.
import type { Location, Range } from 'vscode-languageserver';
import { refId, type FieldRef, type UsageCounts } from './core';

export interface IndexedUsage {
  ref: FieldRef;
  /** The field's key inside the placeholder, the part a rename replaces. */
  range: Range;
}

interface IndexedFile {
  fieldsUri?: string;
  usages: IndexedUsage[];
}

export class WorkspaceIndex {
  private readonly files = new Map<string, IndexedFile>();

  set(uri: string, fieldsUri: string | undefined, usages: IndexedUsage[]): void {
    this.files.set(uri, { fieldsUri, usages });
  }

  delete(uri: string): void {
    this.files.delete(uri);
  }

  has(uri: string): boolean {
    return this.files.has(uri);
  }

  /** The templates checked against a fields file (undefined: those that found none). */
  filesUsing(fieldsUri: string | undefined): string[] {
    return [...this.files].filter(([, file]) => file.fieldsUri === fieldsUri).map(([uri]) => uri);
  }

  locationsOf(fieldsUri: string, ref: FieldRef): Location[] {
    const id = refId(ref);
    const locations: Location[] = [];
    for (const [uri, file] of this.files) {
      if (file.fieldsUri !== fieldsUri) continue;
      for (const usage of file.usages) if (refId(usage.ref) === id) locations.push({ uri, range: usage.range });
    }
    return locations;
  }

  private allIds(file: IndexedFile): string[] {
    return file.usages.map((usage) => refId(usage.ref));
  }

  countsFor(fieldsUri: string): UsageCounts {
    const counts = new Map<string, { places: number; files: number }>();
    for (const [uri, file] of this.files) {
      if (file.fieldsUri !== fieldsUri) continue;
      // The fields file's own bot-variable values count as uses, but it is not a template file.
      const seen = new Set<string>(uri === fieldsUri ? this.allIds(file) : []);
      for (const usage of file.usages) {
        const id = refId(usage.ref);
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
