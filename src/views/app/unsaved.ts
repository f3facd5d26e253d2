// Work a screen holds that is not in IndexedDB yet (a 新規作成 autosave still being written).
// Before the page goes away on purpose — switching to a new version, say — every holder is asked
// to finish writing, so nothing typed is lost.

const savers = new Set<() => Promise<void>>();

/** Registers how to write a screen's pending work; returns the unregister. */
export function holdUnsavedWork(save: () => Promise<void>): () => void {
  savers.add(save);
  return () => savers.delete(save);
}

/** Writes every pending piece of work; rejects when one could not be written. */
export async function saveAllUnsavedWork(): Promise<void> {
  const results = await Promise.allSettled([...savers].map((save) => save()));
  const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failed) throw failed.reason;
}
