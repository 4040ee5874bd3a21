import { readFileSync } from 'node:fs';

/** The word ending each figure's line: `measure: value (target …) ok|MISSED`. */
export function verdict(met: boolean): 'ok' | 'MISSED' {
  return met ? 'ok' : 'MISSED';
}

/** The machine's load (1, 5, 15 minutes): figures taken on a busy machine say so. */
export function loadAverage(): string {
  return readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
}
