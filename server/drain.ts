// A stop that lets the requests under way finish: a rolling restart (or a plain SIGTERM) would
// otherwise cut a send mid-body, and the client would have to send it again. Bounded: a request
// still running when the time is up is cut, as before.
import type { Server } from 'node:http';

export interface DrainResult {
  /** requests under way when the stop began */
  inFlight: number;
  /** of those (and any that came on open connections meanwhile), how many were cut at the limit */
  cut: number;
}

/** How often idle keep-alive connections are closed while draining (one that just finished its response). */
const IDLE_SWEEP_MS = 50;

export interface Drainable {
  /** requests being answered now */
  inFlight(): number;
  /**
   * Stops accepting connections at once (a new one is refused), closes idle keep-alive
   * connections, answers the requests under way with `Connection: close`, and resolves when the
   * last connection is gone — or after `limitMs`, cutting what is left (0: at once).
   */
  close(limitMs: number): Promise<DrainResult>;
}

export function drainable(server: Server): Drainable {
  const answering = new Set<import('node:http').ServerResponse>();
  let draining = false;
  server.on('request', (_req, res) => {
    answering.add(res);
    // a request that came on a connection kept open: answered, and the connection closed after it
    if (draining && !res.headersSent) res.setHeader('Connection', 'close');
    res.once('close', () => answering.delete(res));
  });
  return {
    inFlight: () => answering.size,
    close(limitMs) {
      draining = true;
      const inFlight = answering.size;
      for (const res of answering) if (!res.headersSent) res.setHeader('Connection', 'close');
      return new Promise<DrainResult>((resolve) => {
        let cut = 0;
        // a response whose headers had gone out before the stop leaves its connection idle: close it then
        const sweep = setInterval(() => server.closeIdleConnections(), IDLE_SWEEP_MS);
        const cutTheRest = () => {
          cut = answering.size;
          server.closeAllConnections();
        };
        const limit = limitMs > 0 ? setTimeout(cutTheRest, limitMs) : null;
        server.close(() => {
          clearInterval(sweep);
          if (limit) clearTimeout(limit);
          resolve({ inFlight, cut });
        });
        server.closeIdleConnections();
        if (!limit) cutTheRest();
      });
    },
  };
}
