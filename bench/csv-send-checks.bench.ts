// The relay's CSV spec checks of one send of the send-throughput bench (3 × 5 KB: 第6表, 第7表,
// 補足), on their own: CPU time per send, in process. They are the biggest single item of the
// relay's main thread under that load, so they are measured apart from the HTTP noise (relay
// vs bare node:http, send-throughput.bench.ts). Every send is checked in full by the relay's own
// csvContentRefusal, as the relay does: decoded, read and checked afresh (what carries over is
// what carries over in the relay too: the compiled layouts and each format's verdict per value).
import { csvContentRefusal } from '../server/delivery/csv-checks';
import { allocatedBytes } from './support/allocation';
import { csvContents, fileNameFor, KINDS, sequenceFor } from './support/payload';
import { recordFigure } from './support/summary';

const WARMUP = 2_000;
const ROUNDS = 15;
const SENDS_PER_ROUND = 1_000;

function cpuMicros(): number {
  const { user, system } = process.cpuUsage();
  return user + system;
}

export default async function run(): Promise<void> {
  const contents = csvContents();
  const sends = Array.from({ length: 16 }, (_, n) =>
    KINDS.map((kind) => ({ name: fileNameFor(kind, sequenceFor(n)), bytes: new Uint8Array(contents[kind]) })));
  for (const files of sends) if (csvContentRefusal(files) !== null) throw new Error('the bench files must pass the checks');
  for (let i = 0; i < WARMUP; i++) csvContentRefusal(sends[i % sends.length]!);
  const perSend: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const start = cpuMicros();
    for (let i = 0; i < SENDS_PER_ROUND; i++) csvContentRefusal(sends[i % sends.length]!);
    perSend.push((cpuMicros() - start) / SENDS_PER_ROUND);
  }
  perSend.sort((a, b) => a - b);
  const allocated = allocatedBytes(() => {
    for (let i = 0; i < SENDS_PER_ROUND; i++) csvContentRefusal(sends[i % sends.length]!);
  }) / SENDS_PER_ROUND;
  const median = perSend[Math.floor(ROUNDS / 2)]!;
  const bytes = sends[0]!.reduce((sum, f) => sum + f.bytes.length, 0);
  console.log(`CSV checks of one send (${sends[0]!.length} files, ${bytes} bytes): median ${median.toFixed(0)} µs CPU, ` +
    `best ${perSend[0]!.toFixed(0)} µs (${ROUNDS} rounds of ${SENDS_PER_ROUND} sends; other processes on the machine add to it); ` +
    `${(allocated / 1024).toFixed(0)} KiB allocated on the V8 heap per send (the same on a busy machine)`);
  recordFigure('relay CSV checks per send (3 × 5 KB), CPU', `${median.toFixed(0)} µs`, 'part of the relay ≥ 0.8× bare', null);
  recordFigure('relay CSV checks per send (3 × 5 KB), allocated', `${(allocated / 1024).toFixed(0)} KiB`, 'part of the relay ≥ 0.8× bare', null);
}
