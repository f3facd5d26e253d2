// Bytes that a piece of code allocates on the V8 heap, read from the heap's size around each
// garbage collection (v8.GCProfiler): garbage made and collected on the way is counted, which a
// heap snapshot or heapUsed alone would miss. It is what the relay's collector pays for with each
// send: scavenges follow each 8–16 MB allocated (docs/speed-history.md). Bytes outside the V8 heap
// (a Buffer's contents) are not counted. Within 1 % of `node --trace-gc-nvp`'s "allocated" sums.
import { GCProfiler, getHeapStatistics } from 'node:v8';

export function allocatedBytes(run: () => void): number {
  const profiler = new GCProfiler();
  profiler.start();
  const before = getHeapStatistics().used_heap_size;
  run();
  const after = getHeapStatistics().used_heap_size;
  let allocated = 0;
  let since = before;
  for (const gc of profiler.stop().statistics) {
    allocated += gc.beforeGC.heapStatistics.usedHeapSize - since;
    since = gc.afterGC.heapStatistics.usedHeapSize;
  }
  return allocated + after - since;
}
