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

/** Milliseconds one call of `work` takes: the median of `runs` after `warmups` untimed calls. */
export function medianMs(work, runs = 3, warmups = 1) {
  for (let i = 0; i < warmups; i++) work();
  const times = [];
  for (let i = 0; i < runs; i++) {
    const start = now();
    work();
    times.push(now() - start);
  }
  return median(times);
}

/** Same as medianMs for async work. */
export async function medianMsAsync(work, runs = 3, warmups = 1) {
  for (let i = 0; i < warmups; i++) await work();
  const times = [];
  for (let i = 0; i < runs; i++) {
    const start = now();
    await work();
    times.push(now() - start);
  }
  return median(times);
}

export const round = (value, digits = 2) => (Number.isFinite(value) ? Number(value.toFixed(digits)) : value);
export const mb = (bytes) => bytes / (1024 * 1024);
