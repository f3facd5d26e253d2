// validateCsv on a 10 MB 第6表 beside raw TextDecoder + papaparse on the same bytes (the
// reference the checks are measured against: at least 90% of its speed, issue 9), and beside
// the app's own record reader alone, so the cost of the checks themselves stays visible.
// validateCsv checks each record as it is read and keeps none (src/domain/csv/parse.ts).
import Papa from 'papaparse';
import { validateCsv } from '../src/domain/csv';
import { parseCsvText } from '../src/domain/csv/parse';
import { makeLargeUpplan } from '../tests/support/csvgen';

const ITERATIONS = 9;

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
  const reader = (): void => {
    parseCsvText(new TextDecoder('shift_jis', { fatal: true }).decode(file.bytes));
  };
  let problems = -1;
  const validate = (): void => {
    problems = validateCsv(file.name, file.bytes).problems.length;
  };
  const times = { raw: [] as number[], reader: [] as number[], validate: [] as number[] };
  for (let i = 0; i < ITERATIONS; i++) {
    // interleaved, each after the garbage of the one before (papaparse and the kept reader
    // leave 10 MB of records each; validateCsv keeps none): validateCsv pays for raw's
    times.raw.push(timeMs(raw));
    times.validate.push(timeMs(validate));
    times.reader.push(timeMs(reader));
  }
  const rawMs = median(times.raw);
  const readerMs = median(times.reader);
  const validateMs = median(times.validate);
  const rate = (ms: number) => (mb / (ms / 1000)).toFixed(1);
  console.log(`file: ${file.name} ${mb.toFixed(2)} MB, ${problems} problems, median of ${ITERATIONS}`);
  console.log(`raw TextDecoder+papaparse:          ${rawMs.toFixed(0)} ms  ${rate(rawMs)} MB/s`);
  console.log(`TextDecoder+record reader (kept):   ${readerMs.toFixed(0)} ms  ${rate(readerMs)} MB/s`);
  console.log(`validateCsv (all checks):           ${validateMs.toFixed(0)} ms  ${rate(validateMs)} MB/s`);
  console.log(`validateCsv speed / raw speed: ${((rawMs / validateMs) * 100).toFixed(0)}% (target ≥ 90%)`);
}
