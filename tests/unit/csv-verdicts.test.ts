// The verdicts of the CSV checks on a seeded corpus of good and damaged files (every kind with a
// layout, every CSV version, damaged cells, rows, quotes, line endings, bytes and encodings):
// accepted, refused or warned, with the same Japanese messages, word for word. The checks run on
// every send the relay takes (bench: send-throughput), so their engine is tuned for speed; this
// pins what it says. A change of the rules or layouts changes the file on purpose: review its
// diff, then `npx vitest run tests/unit/csv-verdicts.test.ts -u`.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { csvContentRefusal } from '../../server/delivery/csv-checks';
import { parseCsvText, validateSendCsvs, type CsvProblem } from '../../src/domain/csv';
import { csvVariants, sendVariants, type Variant } from '../support/csv-variants';

const SNAPSHOT = './__snapshots__/csv-verdicts.txt';

/** The file's name, in every message, as <file>; control characters (a NUL shown back) escaped. */
function problemLine(p: CsvProblem): string {
  const at = [p.row, p.column, p.item].map((v) => v ?? '').join('/');
  const message = p.message.replaceAll(p.file, '<file>').replace(/[\x00-\x1f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
  return `  ${p.severity === 'error' ? 'E' : 'W'} ${at}${p.omitted !== undefined ? ` omitted=${p.omitted}` : ''} ${message}`;
}

/** The records as read, in short: a change of the reader shows here even where no check notices. */
function recordsDigest(bytes: Uint8Array): string {
  const records = parseCsvText(new TextDecoder('shift_jis').decode(bytes));
  const digest = createHash('sha256').update(JSON.stringify(records)).digest('hex').slice(0, 12);
  return `${records.records.length} records, ${records.quoteErrors.length} quote errors, ${digest}`;
}

function verdict(files: Variant[]): string {
  const report = validateSendCsvs(files.map((f) => ({ name: f.name, bytes: f.bytes })));
  const refusal = csvContentRefusal(files);
  const lines = [`# ${files.map((f) => `${f.id} (${f.name})`).join(' + ')}`];
  report.reports.forEach((r, i) => {
    lines.push(` ${r.name}: kind ${r.report.kind ?? '-'} version ${r.report.version ?? '-'}; ${recordsDigest(files[i]!.bytes)}`);
    lines.push(...r.report.problems.map(problemLine));
  });
  if (report.crossProblems.length > 0) lines.push(' across files:', ...report.crossProblems.map(problemLine));
  lines.push(` => ${report.ok ? 'ok' : 'refused'}${refusal ? ` 422 ${refusal.details?.length ?? 0} details` : ''}`);
  return lines.join('\n');
}

describe('CSV check verdicts', () => {
  it('give every file and send of the corpus the outcome and messages pinned in the snapshot', async () => {
    const singles = csvVariants(14, 12).map((v) => verdict([v]));
    const sends = sendVariants(1414, 40).map(verdict);
    // the corpus is not all clean nor all broken: the pin says something
    expect(singles.filter((s) => s.endsWith('=> ok')).length).toBeGreaterThan(50);
    expect(singles.filter((s) => s.includes('=> refused')).length).toBeGreaterThan(200);
    await expect([...singles, ...sends].join('\n') + '\n').toMatchFileSnapshot(SNAPSHOT);
  });
});
