// Small measuring helpers: a monotonic clock, percentiles and the median of repeated runs.
import { performance } from 'node:perf_hooks';

export const now = () => performance.now();

/** The p-th percentile (0..100) of a list of numbers, nearest-rank. */
export function percentile(values, p) {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank];
}

export const median = (values) => percentile(values, 50);

/**
 * A full collection before a timed run (`npm run bench` starts node with --expose-gc), so a run does not pay
 * for the garbage of what ran before it: each side of a comparison starts from the same clean heap.
 */
export function settle() {
  globalThis.gc?.();
}

/** Milliseconds one call of `work` takes: the median of `runs` after one warm-up. */
export function medianMs(work, runs = 3) {
  work();
  const times = [];
  for (let i = 0; i < runs; i++) {
    settle();
    const start = now();
    work();
    times.push(now() - start);
  }
  return median(times);
}

/** Same as medianMs for async work. */
export async function medianMsAsync(work, runs = 3) {
  await work();
  const times = [];
  for (let i = 0; i < runs; i++) {
    settle();
    const start = now();
    await work();
    times.push(now() - start);
  }
  return median(times);
}

export const round = (value, digits = 2) => (Number.isFinite(value) ? Number(value.toFixed(digits)) : value);
export const mb = (bytes) => bytes / (1024 * 1024);
