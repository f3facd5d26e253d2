// 一括送信 rows kept on the device by an older client may hold files of more than one of today's
// send units: before v4 names were grouped per kind codes, the 第6・7表 sets for 11 and for 15 of
// one office under one 連番 made one row. A corrected set dropped later must replace its files in
// that row, never start a second row beside it (both would be sendable: the set would go twice).
import { describe, expect, it } from 'vitest';
import { addFilesToBatch, isSendable, validateRow, type BatchContext, type BatchRow } from '../../src/domain/batch';
import { CARE_OFFICE, fileName, makePlanUnit, type GeneratedFile } from '../support/csvgen';

const DEST = '3310000017';
let counter = 0;
const ctx = (): BatchContext => ({ sender: CARE_OFFICE, now: 1, newId: () => `row-${++counter}` });

/** The 第6・7表 + 補足 for destination kind `code`, named as v4 names them. */
function usageSet(code: string): GeneratedFile[] {
  return makePlanUnit({ destination: DEST }).map((f) => {
    const kind = f.name.split('_')[0] as 'UPPLAN' | 'UPSIKYU' | 'UPHOSOKU';
    return { name: fileName({ kind, destination: DEST, serviceKinds: ['43', code] }), bytes: f.bytes };
  });
}

const input = (f: GeneratedFile, payload: string) => ({ name: f.name, size: f.bytes.length, head: f.bytes.slice(0, 16), payload });

/** The one row an older client kept for both sets (its key had no kind codes). */
function legacyRow(): BatchRow<string> {
  const { rows } = addFilesToBatch([], usageSet('11').map((f) => input(f, 'old')), ctx());
  const row = rows[0]!;
  const files = [...row.files, ...usageSet('15').map((f) => ({ name: f.name, size: f.bytes.length, head: f.bytes.slice(0, 16), category: '登録' as const, payload: 'old' }))];
  return validateRow({ ...row, groupKey: `${DEST}|usage|202504`, files }, { number: CARE_OFFICE });
}

describe('一括送信 rows kept from before per-kind send units', () => {
  it('the kept row holding both sets is sendable today (so a second row with one of them would send it twice)', () => {
    const row = legacyRow();
    expect(row.files).toHaveLength(6);
    expect(isSendable(row)).toBe(true);
  });

  it('a corrected 15 set dropped later replaces its files in the kept row: each file is listed (and sent) once', () => {
    const corrected = usageSet('15').map((f) => input(f, 'corrected'));
    const { rows } = addFilesToBatch([legacyRow()], corrected, ctx());
    const sendable = rows.filter(isSendable);
    for (const { name } of corrected) {
      const holding = sendable.filter((r) => r.files.some((f) => f.name === name));
      expect(holding, name).toHaveLength(1);
      expect(holding[0]!.files.find((f) => f.name === name)?.payload).toBe('corrected');
    }
    expect(rows).toHaveLength(1);
    // the 11 set stays as it was
    expect(rows[0]!.files.filter((f) => f.payload === 'old').map((f) => f.name).sort()).toEqual(usageSet('11').map((f) => f.name).sort());
  });

  it('a corrected 11 set (the row\'s first files) still joins it too', () => {
    const { rows } = addFilesToBatch([legacyRow()], usageSet('11').map((f) => input(f, 'corrected')), ctx());
    expect(rows).toHaveLength(1);
    expect(rows[0]!.files.filter((f) => f.payload === 'corrected')).toHaveLength(3);
  });
});
