// A process's memory as Linux counts it (/proc/<pid>/status): resident now, and the peak since it
// started (VmHWM), which a short spike cannot hide from. Used by tests and benchmarks on the relay
// in its own process.
import { readFileSync } from 'node:fs';

export interface ProcessMemory {
  /** resident set now, bytes */
  rss: number;
  /** the largest resident set so far, bytes */
  peak: number;
}

/** null where /proc is missing (not Linux). */
export function processMemory(pid: number): ProcessMemory | null {
  let status: string;
  try {
    status = readFileSync(`/proc/${pid}/status`, 'utf8');
  } catch {
    return null;
  }
  const kib = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN) * 1024;
  return { rss: kib('VmRSS'), peak: kib('VmHWM') };
}

export const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
