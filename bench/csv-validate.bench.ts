// validateCsv on a 10 MB 第6表 beside the floor it cannot beat: TextDecoder + papaparse alone.
import Papa from 'papaparse';
import { validateCsv } from '../src/domain/csv';
import { makeLargeUpplan } from '../tests/support/csvgen';

const ITERATIONS = 7;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function timeMs(run: () => void): number {
  const start = performance.now();
  run();
  return performance.now() - start;
}

export default async function run(): Promise<void> {
  const file = makeLargeUpplan(10 * 1024 * 1024);
  const mb = file.bytes.length / (1024 * 1024);
  const raw = (): void => {
    const text = new TextDecoder('shift_jis', { fatal: true }).decode(file.bytes);
    Papa.parse<string[]>(text, { delimiter: ',', quoteChar: '"', escapeChar: '"', skipEmptyLines: false });
  };
  let problems = -1;
  const validate = (): void => {
    problems = validateCsv(file.name, file.bytes).problems.length;
  };
  const rawTimes: number[] = [];
  const validateTimes: number[] = [];
  for (let i = 0; i < ITERATIONS; i++) {
    // alternate so neither side always runs on a warmer heap
    rawTimes.push(timeMs(raw));
    validateTimes.push(timeMs(validate));
  }
  const rawMs = median(rawTimes);
  const validateMs = median(validateTimes);
  const rate = (ms: number) => (mb / (ms / 1000)).toFixed(1);
  console.log(`file: ${file.name} ${mb.toFixed(2)} MB, ${problems} problems, median of ${ITERATIONS}`);
  console.log(`raw TextDecoder+papaparse: ${rawMs.toFixed(0)} ms  ${rate(rawMs)} MB/s`);
  console.log(`validateCsv:               ${validateMs.toFixed(0)} ms  ${rate(validateMs)} MB/s`);
  console.log(`validateCsv speed / raw speed: ${((rawMs / validateMs) * 100).toFixed(0)}%`);
}
