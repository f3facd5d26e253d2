// Once a second while busy, the relay's (or the bare server's) CPU (all threads), event-loop
// utilisation and event-loop delay, on stderr. Loaded into the servers the bench starts:
//   BENCH_RELAY_OUTPUT=1 NODE_OPTIONS="--import ./bench/support/loop-delay.mjs" npm run bench -- send-throughput
import { writeSync } from 'node:fs';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { isMainThread } from 'node:worker_threads';

const name = process.argv.some((a) => a.endsWith('dist-server/main.mjs') || a.endsWith('server/main.ts')) ? 'relay' : process.argv.some((a) => a.endsWith('server-child.ts')) ? 'bare' : null;
if (isMainThread && name) {
  const delay = monitorEventLoopDelay({ resolution: 1 });
  delay.enable();
  let loop = performance.eventLoopUtilization();
  let cpu = process.cpuUsage();
  const ms = (ns) => (ns / 1e6).toFixed(1);
  setInterval(() => {
    const used = process.cpuUsage(cpu);
    const busy = performance.eventLoopUtilization(loop);
    cpu = process.cpuUsage();
    loop = performance.eventLoopUtilization();
    if (busy.utilization > 0.05) {
      writeSync(
        2,
        `${name}: CPU ${((used.user + used.system) / 1e4).toFixed(0)}% (system ${(used.system / 1e4).toFixed(0)}%), ` +
          `event loop busy ${(busy.utilization * 100).toFixed(0)}%, delay p50 ${ms(delay.percentile(50))} p99 ${ms(delay.percentile(99))} max ${ms(delay.max)} ms\n`,
      );
    }
    delay.reset();
  }, 1000).unref();
}
