// One queue per screen for everything that reads and writes the stored list, so a refresh
// started before a drop can never write back rows without the dropped files.
import { useState } from 'preact/hooks';

export interface Serial {
  run<T>(task: () => Promise<T>): Promise<T>;
  /** Like run, but a task with this key already waiting to start is reused instead of queued twice. */
  coalesced(key: string, task: () => Promise<void>): Promise<void>;
}

export function createSerial(): Serial {
  let tail: Promise<unknown> = Promise.resolve();
  const waiting = new Map<string, Promise<void>>();
  const run = <T,>(task: () => Promise<T>): Promise<T> => {
    const next = tail.then(task, task);
    tail = next.catch(() => undefined);
    return next;
  };
  const coalesced = (key: string, task: () => Promise<void>): Promise<void> => {
    const queued = waiting.get(key);
    if (queued) return queued;
    const next = run(async () => {
      waiting.delete(key);
      await task();
    });
    waiting.set(key, next);
    return next;
  };
  return { run, coalesced };
}

export function useSerial(): Serial {
  return useState(createSerial)[0];
}
