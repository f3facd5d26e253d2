// 送信確認 warns when the same send unit was already sent (or queued) from this device.
import { describe, expect, it } from 'vitest';
import { findSameSend, findSameSends, sameSendWarning, type EarlierSend } from '../../src/domain/same-send';

const UNIT = ['UPPLAN_202510_3300000001_3310000017_20251001103000.CSV', 'UPSIKYU_202510_3300000001_3310000017_20251001103000.CSV'];
const at = (text: string) => new Date(text).getTime();
const sent = (over: Partial<EarlierSend> = {}): EarlierSend => ({ destination: '3310000017', fileNames: UNIT, at: at('2026-11-29T09:05:00'), state: 'sent', ...over });

describe('findSameSend', () => {
  it('finds the same destination and file names (their order and PDFs aside)', () => {
    expect(findSameSend('3310000017', [...UNIT].reverse().concat('第3表.pdf'), [sent()])).toEqual(sent());
  });
  it('the latest of several', () => {
    const later = sent({ at: at('2026-11-29T10:00:00'), state: 'queued' });
    expect(findSameSend('3310000017', UNIT, [sent(), later])).toBe(later);
  });
  it('another destination, another 連番, a file more or less, or no CSV: nothing', () => {
    expect(findSameSend('3310000025', UNIT, [sent()])).toBeNull();
    expect(findSameSend('3310000017', UNIT.map((n) => n.replace('20251001103000', '20251001103001')), [sent()])).toBeNull();
    expect(findSameSend('3310000017', UNIT.slice(0, 1), [sent()])).toBeNull();
    expect(findSameSend('3310000017', ['第3表.pdf'], [sent({ fileNames: ['第3表.pdf'] })])).toBeNull();
  });
});

describe('sameSendWarning', () => {
  it('says when, in the device\'s time', () => {
    expect(sameSendWarning(sent())).toBe('同じファイルを 11月29日 9:05 に送信済みです');
    expect(sameSendWarning(sent({ state: 'queued', at: at('2026-03-01T14:30:00') }))).toBe('同じファイルが送信トレイにあります(3月1日 14:30 に送信を受け付け、まだ届いていません)');
  });
});

describe('findSameSends (一括送信の確認)', () => {
  const row = (id: string, over: Partial<{ destination: string; fileNames: readonly string[] }> = {}) => ({ id, destination: '3310000017', fileNames: UNIT, ...over });
  it('names each row whose unit already went, with its latest earlier send, in the rows\' order', () => {
    const other = row('b', { destination: '3310000025' });
    const later = sent({ at: at('2026-11-29T10:00:00'), state: 'queued' });
    const found = findSameSends([other, row('a')], [sent(), later, sent({ destination: '3310000025', at: at('2026-11-28T08:00:00') })]);
    expect(found.map(({ row: r, send }) => [r.id, sameSendWarning(send)])).toEqual([
      ['b', '同じファイルを 11月28日 8:00 に送信済みです'],
      ['a', '同じファイルが送信トレイにあります(11月29日 10:00 に送信を受け付け、まだ届いていません)'],
    ]);
  });
  it('a row\'s own earlier try (sent again after 失敗) is no repeat; another row\'s is', () => {
    const ownFailedTry = sent({ state: 'queued', batchRowId: 'a' });
    expect(findSameSends([row('a')], [ownFailedTry])).toEqual([]);
    expect(findSameSends([row('a')], [sent({ batchRowId: 'x' })])).toHaveLength(1);
  });
  it('another 連番 or no CSV: nothing', () => {
    expect(findSameSends([row('a', { fileNames: UNIT.map((n) => n.replace('20251001103000', '20251001103001')) })], [sent()])).toEqual([]);
    expect(findSameSends([row('a', { fileNames: ['第3表.pdf'] })], [sent({ fileNames: ['第3表.pdf'] })])).toEqual([]);
  });
});
