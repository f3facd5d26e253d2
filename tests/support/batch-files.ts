// 一括送信 fixtures: many provider offices (valid check digits) and, for each, one send unit
// (第6表 + 第7表 + 補足) of CP932 CSV made by csvgen. Used by the unit, e2e and bench code.
import { expectedCheckDigit } from '../../src/domain/office-number';
import { CARE_OFFICE, makePlanUnit, type GeneratedFile } from './csvgen';

export interface BatchOffice {
  number: string;
  name: string;
  kind: string;
}

/** `count` provider offices 3370100010…, none of them in the demo directory. */
export function batchOffices(count: number, start = 1): BatchOffice[] {
  return Array.from({ length: count }, (_, i) => {
    const firstNine = `33701${String(start + i).padStart(4, '0')}`;
    return { number: `${firstNine}${expectedCheckDigit(firstNine)}`, name: `一括テスト訪問介護 第${start + i}事業所`, kind: '訪問介護' };
  });
}

/** 2025/03/25 10:30:00 + i seconds as a 連番, so each office's row shows its own time. */
export function sequenceFor(i: number): string {
  return `202503251030${String(i % 60).padStart(2, '0')}`;
}

export function sequenceDisplayFor(i: number): string {
  const s = sequenceFor(i);
  return `${s.slice(0, 4)}/${s.slice(4, 6)}/${s.slice(6, 8)} ${s.slice(8, 10)}:${s.slice(10, 12)}:${s.slice(12, 14)}`;
}

/** One UPPLAN + UPSIKYU + UPHOSOKU unit per office, sent by the demo 居宅 3300000001. */
export function batchFiles(offices: readonly BatchOffice[], sender = CARE_OFFICE): GeneratedFile[] {
  return offices.flatMap((office, i) => makePlanUnit({ sender, destination: office.number, sequence: sequenceFor(i) }));
}

/** The admin CLI's import-offices CSV: number,name,kind lines. */
export function officesCsv(offices: readonly BatchOffice[]): string {
  return offices.map((o) => `${o.number},${o.name},${o.kind}`).join('\n') + '\n';
}
