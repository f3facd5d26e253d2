// N concurrent clients sending back to back until a count or a deadline, whichever comes first.
import type http from 'node:http';
import { request, type HttpRequest } from './http';
import { latencyStats, type LatencyStats } from './stats';

export interface LoadOptions {
  agent: http.Agent;
  url: string;
  clients: number;
  maxRequests: number;
  durationMs: number;
  /** The n-th request (n counts from 0 across all clients). */
  make(n: number): HttpRequest;
  expectStatus: number;
}

export interface LoadResult {
  requests: number;
  ok: number;
  failed: number;
  /** status → count, for the requests that did not get expectStatus */
  failures: Record<string, number>;
  firstFailure: string | null;
  elapsedMs: number;
  perSecond: number;
  latency: LatencyStats;
}

export async function runLoad(o: LoadOptions): Promise<LoadResult> {
  const latencies: number[] = [];
  const failures: Record<string, number> = {};
  let firstFailure: string | null = null;
  let next = 0;
  let ok = 0;
  const started = performance.now();
  const deadline = started + o.durationMs;

  async function client(): Promise<void> {
    while (next < o.maxRequests && performance.now() < deadline) {
      const n = next++;
      const req = o.make(n);
      const t0 = performance.now();
      let status: string;
      try {
        const res = await request(o.agent, o.url, req);
        status = String(res.status);
        if (res.status !== o.expectStatus) firstFailure ??= `${res.status} ${res.body.toString().slice(0, 300)}`;
      } catch (err) {
        status = err instanceof Error ? err.message : String(err);
        firstFailure ??= status;
      }
      const elapsed = performance.now() - t0;
      if (status === String(o.expectStatus)) {
        ok++;
        latencies.push(elapsed);
      } else {
        failures[status] = (failures[status] ?? 0) + 1;
      }
    }
  }

  await Promise.all(Array.from({ length: o.clients }, client));
  const elapsedMs = performance.now() - started;
  return {
    requests: next,
    ok,
    failed: next - ok,
    failures,
    firstFailure,
    elapsedMs,
    perSecond: (ok / elapsedMs) * 1000,
    latency: latencyStats(latencies),
  };
}
