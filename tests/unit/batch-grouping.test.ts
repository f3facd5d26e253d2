import { describe, expect, it } from 'vitest';
import {
  addFilesToBatch,
  applyDirectory,
  countDestinations,
  destinationsToLookUp,
  isSendable,
  MAX_BATCH_DESTINATIONS,
  rebuildRow,
  type BatchContext,
  type BatchRow,
} from '../../src/domain/batch';
import { CARE_OFFICE, HOME_HELP_OFFICE, makeCarePlanUnit, makeCsvFile, makePlanUnit, type GeneratedFile } from '../support/csvgen';
import { batchFiles, batchOffices, sequenceDisplayFor } from '../support/batch-files';

let counter = 0;
const ctx = (): BatchContext => ({ sender: CARE_OFFICE, now: 1, newId: () => `row-${++counter}` });
const input = (f: GeneratedFile) => ({ name: f.name, size: f.bytes.length, head: f.bytes.slice(0, 16), payload: f.name });
const inputs = (files: GeneratedFile[]) => files.map(input);
const PDF = { name: '第3表.pdf', size: 9, head: new TextEncoder().encode('%PDF-1.7\n'), payload: '第3表.pdf' };

describe('一括送信 grouping', () => {
  it('groups 150 files for 50 offices into 50 clean rows with the time from the names', () => {
    const offices = batchOffices(50);
    const { rows, refused, refusal } = addFilesToBatch([], inputs(batchFiles(offices)), ctx());
    expect(refused).toEqual([]);
    expect(refusal).toBeNull();
    expect(rows).toHaveLength(50);
    expect(countDestinations(rows)).toBe(50);
    offices.forEach((office, i) => {
      const row = rows.find((r) => r.destination === office.number)!;
      expect(row.files.map((f) => f.name.split('_')[0]).sort()).toEqual(['UPHOSOKU', 'UPPLAN', 'UPSIKYU']);
      expect(row.sequenceDisplay).toBe(sequenceDisplayFor(i));
      expect(row.categories).toEqual(['登録']);
      expect(row.problems).toEqual([]);
      expect(row.status).toBe('未送信');
      expect(isSendable(row)).toBe(true);
    });
    expect(destinationsToLookUp(rows)).toHaveLength(50);
  });

  it('keeps two send units for one office apart, and shows 削除 files as 削除', () => {
    const dest = batchOffices(1)[0]!.number;
    const files = [
      ...makePlanUnit({ destination: dest }),
      ...makeCarePlanUnit({ destination: dest, sequence: '20250325110000' }),
      makeCsvFile('DLTPLAN', { destination: dest, month: '202503', sequence: '20250325120000' }),
    ];
    const { rows } = addFilesToBatch([], inputs(files), ctx());
    expect(rows).toHaveLength(3);
    expect(countDestinations(rows)).toBe(1);
    const deletion = rows.find((r) => r.files.some((f) => f.name.startsWith('DLTPLAN')))!;
    expect(deletion.categories).toEqual(['削除']);
    expect(deletion.problems).toEqual([]);
    expect(rows.every((r) => r.problems.length === 0)).toBe(true);
  });

  it('gives every unreadable name its own problem row, so nothing is dropped silently', () => {
    const { rows } = addFilesToBatch([], [
      input({ name: 'UPPLAN_2025_bad.CSV', bytes: new Uint8Array([0x31]) }),
      input({ name: 'UPPLAN_202504_3300000001_3310000017_20193310102233.CSV', bytes: new Uint8Array([0x31]) }),
      PDF,
    ], ctx());
    expect(rows).toHaveLength(3);
    for (const row of rows) {
      expect(row.destination).toBeNull();
      expect(row.problems.length).toBeGreaterThan(0);
      expect(isSendable(row)).toBe(false);
    }
    expect(rows[0]!.problems[0]).toContain('UPPLAN_2025_bad.CSV');
    expect(rows[2]!.problems.join()).toContain('「編集」から追加');
    expect(rows[2]!.categories).toEqual(['PDF等']);
  });

  it('says of a PDF dropped on its own where PDF等 go, not that its name is no 連携ファイル kind', () => {
    const { rows } = addFilesToBatch([], [{ ...PDF, name: '第3表_週間サービス計画表.pdf' }], ctx());
    expect(rows[0]!.problems).toEqual(['PDF等は、送信先の行の「編集」から追加してください。']);
    const exe = addFilesToBatch([], [{ ...PDF, name: 'setup.exe', head: new Uint8Array([0x4d, 0x5a]) }], ctx()).rows[0]!;
    expect(exe.problems[0]).toContain('この種類のファイルは添付できません');
  });

  it('flags a sender that is not the office logged in and an incomplete unit; another 連番 is another row', () => {
    const [office] = batchOffices(1);
    const other = makePlanUnit({ sender: '3310000025', destination: office!.number });
    const incomplete = makePlanUnit({ destination: '3310000017' }).filter((f) => !f.name.startsWith('UPSIKYU'));
    const mixed = makePlanUnit({ destination: '0899999995', sequence: '20250325103000' });
    mixed[1] = makeCsvFile('UPSIKYU', { destination: '0899999995', sequence: '20250325103059' });
    const { rows } = addFilesToBatch([], inputs([...other, ...incomplete, ...mixed]), ctx());
    expect(rows).toHaveLength(4);
    const bySender = rows.find((r) => r.destination === office!.number)!;
    expect(bySender.problems.join()).toContain('3310000025');
    const byUnit = rows.find((r) => r.destination === '3310000017')!;
    expect(byUnit.problems.join()).toContain('UPSIKYU');
    const bySequence = rows.filter((r) => r.destination === '0899999995');
    expect(bySequence.map((r) => [r.sequenceDisplay, r.files.length])).toEqual([['2025/03/25 10:30:00', 2], ['2025/03/25 10:30:59', 1]]);
    expect(bySequence[0]!.problems.join()).toContain('第7表(UPSIKYU)がありません');
    expect(bySequence[1]!.problems.join()).toContain('(UPPLAN)がありません');
    expect(rows.some(isSendable)).toBe(false);
  });

  it('two 実績 for one office and month with different 連番 are two rows, each sendable', () => {
    const first = makeCsvFile('UPJSK', { sender: HOME_HELP_OFFICE, destination: CARE_OFFICE, sequence: '20261105090000' });
    const second = { name: first.name.replace('20261105090000', '20261106090000'), bytes: first.bytes };
    const { rows } = addFilesToBatch([], inputs([first, second]), { ...ctx(), sender: HOME_HELP_OFFICE });
    expect(rows.map((r) => r.files.map((f) => f.name))).toEqual([[first.name], [second.name]]);
    expect(rows.map((r) => r.problems)).toEqual([[], []]);
    expect(rows.every(isSendable)).toBe(true);
  });

  it('a row built from files of two 連番 (新規作成\'s 更新) still says they are mixed', () => {
    const files = makePlanUnit({ destination: '0899999995', sequence: '20250325103000' });
    const { rows } = addFilesToBatch([], inputs(files), ctx());
    files[1] = makeCsvFile('UPSIKYU', { destination: '0899999995', sequence: '20250325103059' });
    const rebuilt = rebuildRow(rows[0]!, inputs(files), '', CARE_OFFICE);
    expect(rebuilt.problems.join()).toContain('(連番)の異なるファイルが混ざっています');
  });

  it(`refuses files that would make destination ${MAX_BATCH_DESTINATIONS + 1}, keeping everything already listed`, () => {
    const offices = batchOffices(51);
    const first = addFilesToBatch([], inputs(batchFiles(offices.slice(0, 50))), ctx());
    const extraFiles = batchFiles(offices).slice(150); // the 51st office's unit
    const known = makePlanUnit({ destination: offices[0]!.number, month: '202505', sequence: '20250401090000' });
    const second = addFilesToBatch(first.rows, inputs([...extraFiles, ...known]), ctx());
    expect(second.refused).toEqual(extraFiles.map((f) => f.name));
    expect(second.refusal).toMatch(/^一括送信できる送信先は50事業所までです。/);
    expect(countDestinations(second.rows)).toBe(50);
    // an office already listed still takes more files
    expect(second.rows).toHaveLength(51);
    for (const row of first.rows) expect(second.rows).toContain(row);
  });

  it('refuses the 51st destination in a single drop too', () => {
    const { rows, refused } = addFilesToBatch([], inputs(batchFiles(batchOffices(51))), ctx());
    expect(rows).toHaveLength(50);
    expect(refused).toHaveLength(3);
  });

  it('merges later drops into the row of the same destination + send unit', () => {
    const dest = batchOffices(1)[0]!.number;
    const [plan, sikyu, hosoku] = makePlanUnit({ destination: dest });
    const first = addFilesToBatch([], inputs([plan!]), ctx());
    expect(first.rows[0]!.problems.length).toBeGreaterThan(0); // UPPLAN alone is incomplete
    const second = addFilesToBatch(first.rows, inputs([sikyu!, hosoku!, plan!]), ctx());
    expect(second.rows).toHaveLength(1);
    expect(second.rows[0]!.id).toBe(first.rows[0]!.id);
    expect(second.rows[0]!.files.map((f) => f.name)).toEqual([sikyu!.name, hosoku!.name, plan!.name]);
    expect(second.rows[0]!.problems).toEqual([]);
  });

  it('puts the directory answer on the rows: names, and unknown offices as problems', () => {
    const [a, b] = batchOffices(2);
    const { rows } = addFilesToBatch([], inputs(batchFiles([a!, b!])), ctx());
    const looked = applyDirectory(rows, new Map([[a!.number, a!.name], [b!.number, null]]), CARE_OFFICE);
    const known = looked.find((r) => r.destination === a!.number)!;
    const unknown = looked.find((r) => r.destination === b!.number)!;
    expect(known.officeName).toBe(a!.name);
    expect(isSendable(known)).toBe(true);
    expect(unknown.officeName).toBeNull();
    expect(unknown.problems.join()).toContain('事業所が見つかりません');
    expect(isSendable(unknown)).toBe(false);
    expect(destinationsToLookUp(looked)).toEqual([]);
  });

  it('does not change a row whose send is under way: new files start a fresh row', () => {
    const dest = batchOffices(1)[0]!.number;
    const { rows } = addFilesToBatch([], inputs(makePlanUnit({ destination: dest })), ctx());
    const sending: BatchRow<string>[] = [{ ...rows[0]!, status: '送信中' }];
    const again = addFilesToBatch(sending, inputs(makePlanUnit({ destination: dest })), ctx());
    expect(again.rows).toHaveLength(2);
    expect(again.rows[0]).toBe(sending[0]);
  });

  it('rebuilds a row after 編集: PDF等 and a message added, checks run again', () => {
    const dest = batchOffices(1)[0]!.number;
    const { rows } = addFilesToBatch([], inputs(makePlanUnit({ destination: dest })), ctx());
    const failed = { ...rows[0]!, status: '失敗' as const, reason: 'サーバーエラー' };
    const files = [...failed.files.map((f) => ({ name: f.name, size: f.size, head: f.head, payload: f.payload })), PDF];
    const next = rebuildRow(failed, files, '4月分の予定です', CARE_OFFICE);
    expect(next.id).toBe(failed.id);
    expect(next.message).toBe('4月分の予定です');
    expect(next.categories).toEqual(['登録', 'PDF等']);
    expect(next.problems).toEqual([]);
    expect(next.status).toBe('未送信');
    expect(next.reason).toBeNull();
    const broken = rebuildRow(failed, [files[0]!, { ...PDF, name: 'x.exe' }], '', CARE_OFFICE);
    expect(broken.problems.join()).toContain('x.exe');
  });
});

describe('一括送信 grouping of the 介護予防 files (body 3.4)', () => {
  const dest = '3310000017';
  const file = (kind: string, sequence: string): GeneratedFile =>
    ({ name: `${kind}_${CARE_OFFICE}_46_${dest}_A1_${sequence}.CSV`, bytes: new TextEncoder().encode('202407,131016,0000012345\r\n') });
  const kinds = (row: BatchRow<string>) => row.files.map((f) => f.name.split(`_${CARE_OFFICE}`)[0]).sort();

  it('a 利用者基本情報 with the 連番 of a 計画書 shares its row (unit (2)); with another 連番 it has its own (unit (1))', () => {
    const together = addFilesToBatch([], inputs(['UPYOBO', 'UPYOBO_SUB', 'UPKIHON', 'UPKIHON_SUB1', 'UPKIHON_SUB2'].map((k) => file(k, '20250401090000'))), ctx());
    expect(together.rows.map(kinds)).toEqual([['UPKIHON', 'UPKIHON_SUB1', 'UPKIHON_SUB2', 'UPYOBO', 'UPYOBO_SUB']]);
    expect(together.rows[0]!.problems).toEqual([]);
    const apart = addFilesToBatch([], inputs([
      ...['UPYOBO', 'UPYOBO_SUB'].map((k) => file(k, '20250401090000')),
      ...['UPKIHON', 'UPKIHON_SUB1', 'UPKIHON_SUB2'].map((k) => file(k, '20250402090000')),
    ]), ctx());
    expect(apart.rows.map(kinds)).toEqual([['UPYOBO', 'UPYOBO_SUB'], ['UPKIHON', 'UPKIHON_SUB1', 'UPKIHON_SUB2']]);
    expect(apart.rows.every((r) => r.problems.length === 0)).toBe(true);
  });

  it('the directory\'s kinds reach the direction rule: a 第1表 to a 居宅 is refused on the row', () => {
    const plan = makeCarePlanUnit({ destination: dest });
    const { rows } = addFilesToBatch([], inputs(plan), { ...ctx(), sender: { number: CARE_OFFICE, kind: '居宅介護支援' } });
    const [checked] = applyDirectory(rows, new Map([[dest, { name: '隣の居宅', kind: '居宅介護支援' }]]), { number: CARE_OFFICE, kind: '居宅介護支援' });
    expect(checked!.officeName).toBe('隣の居宅');
    expect(checked!.problems.join('\n')).toContain(`送信先 ${dest}(43 居宅介護支援。事業所の登録による)へは送れません`);
  });
});
