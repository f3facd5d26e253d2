// Jobs that one process at a time may run (the retention sweep). SQLite means one relay process
// per data folder (the admin CLI runs no jobs), so a guard inside the process is the whole promise.

export function localRunAlone(): <T>(job: string, work: () => Promise<T>) => Promise<T | null> {
  const running = new Set<string>();
  return async (job, work) => {
    if (running.has(job)) return null;
    running.add(job);
    try {
      return await work();
    } finally {
      running.delete(job);
    }
  };
}
