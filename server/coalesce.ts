// One job (an fsync of a folder) asked for by many at about the same time: a caller is answered
// by a run that began after it asked, so whatever it did before asking is covered, and the
// callers that arrive while a run is under way share the next run instead of queueing one each.

export function coalesced(run: () => Promise<void>): () => Promise<void> {
  let running: Promise<void> | null = null;
  let next: Promise<void> | null = null;

  function start(): Promise<void> {
    const current: Promise<void> = run().finally(() => {
      if (running === current) running = null;
    });
    running = current;
    return current;
  }

  function startNext(): Promise<void> {
    next = null;
    return start();
  }

  return () => {
    if (!running) return start();
    // the run under way may have begun before this caller's own work
    next ??= running.then(startNext, startNext);
    return next;
  };
}
