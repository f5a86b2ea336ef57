// The regions around an offset, found by binary search: completion and hover stay fast in files of any size.
import type { Region } from '../base/types';

/** Regions with `start <= offset <= end`, in document order (two when the offset is where one ends and the next starts). */
export function regionsAt(regions: readonly Region[], offset: number): Region[] {
  let low = 0;
  let high = regions.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (regions[middle].start <= offset) low = middle + 1;
    else high = middle;
  }
  const found: Region[] = [];
  for (let i = low - 1; i >= 0 && regions[i].end >= offset; i--) found.unshift(regions[i]);
  return found;
}
