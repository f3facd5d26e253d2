// The list vocabulary shared by the relay and the page (src/domain/mailbox.ts) and the 送受信記録's
// CSV (src/domain/records.ts).
import { describe, expect, it } from 'vitest';
import type { MessageSummary, TransferRecord } from '../../src/domain/contract';
import {
  compareForSort,
  expiresSoon,
  kindGroupOf,
  kindMaskOf,
  kindMaskOfFiles,
  listQueryParams,
  listQuerySchema,
  matchesFilter,
  monthsOf,
  searchKey,
} from '../../src/domain/mailbox';
import { recordsCsv } from '../../src/domain/records-csv';
import { jstDateTime, monthOf, monthRange } from '../../src/domain/records';
import { summary } from '../support/db';

const name = (kind: string, month = '') => `${kind}${month ? `_${month}` : ''}_3300000001_3310000017_20250401090000.csv`;

describe('ファイル種別 groups', () => {
  it('puts every kind of file in the group a clerk looks under', () => {
    expect(['UPPLAN', 'UPSIKYU'].map((k) => kindGroupOf(name(k, '202504')))).toEqual(['plan', 'plan']);
    expect(kindGroupOf(name('UPJSK', '202504'))).toBe('actual');
    expect(['UP1KYO', 'UP2KYO', 'UP3KYO'].map((k) => kindGroupOf(name(k)))).toEqual(['kyotaku', 'kyotaku', 'kyotaku']);
    expect(kindGroupOf(name('UPHOSOKU', '000000'))).toBe('hosoku');
    expect(kindGroupOf(name('UPKIHON'))).toBe('yobo');
    expect(['DLT1KYO', 'DLTKIHON'].map((k) => kindGroupOf(name(k)))).toEqual(['delete', 'delete']);
    expect(kindGroupOf(name('DLTPLAN', '202504'))).toBe('delete');
    expect(kindGroupOf('第3表.pdf')).toBe('other');
    expect(kindGroupOf('UPPLAN_読めない.csv')).toBe('other');
    expect(kindMaskOfFiles([name('UPPLAN', '202504'), 'a.pdf'])).toBe(kindMaskOf(['plan', 'other']));
  });

  it('reads 対象年月 from the names, each once, never the 補足’s 000000', () => {
    expect(monthsOf([name('UPPLAN', '202505'), name('UPSIKYU', '202504'), name('UPPLAN', '202504'), name('UPHOSOKU', '000000'), 'a.pdf'])).toEqual(['202504', '202505']);
  });
});

describe('matching', () => {
  const m = (extra: Partial<MessageSummary>): MessageSummary => ({ ...summary('x'), ...extra });

  it('folds width and case, and matches 相手先 by number prefix or name', () => {
    expect(searchKey('ＡＢＣ ｶﾅ')).toBe('abc カナ');
    const message = m({ message: 'ＡＢＣ様の計画', files: [{ id: 'f', name: name('UPPLAN', '202504'), size: 1, category: '登録', sha256: '', downloadedAt: null }] });
    expect(matchesFilter(message, 'received', { q: 'abc' })).toBe(true);
    expect(matchesFilter(message, 'received', { q: 'upplan_202504' })).toBe(true);
    expect(matchesFilter(message, 'received', { office: '3300' })).toBe(true);
    expect(matchesFilter(message, 'received', { office: 'れんけい' })).toBe(true);
    expect(matchesFilter(message, 'sent', { office: 'れんけい' })).toBe(false);
    expect(matchesFilter(message, 'received', { kinds: ['plan'], month: '202504', status: '未' })).toBe(true);
    expect(matchesFilter(message, 'received', { month: '202505' })).toBe(false);
    expect(matchesFilter(m({ withdrawnAt: '2025-01-02T00:00:00.000Z' }), 'received', { status: '取消' })).toBe(true);
    expect(matchesFilter(message, 'received', { from: '2025-01-01T03:00:00.001Z' })).toBe(false);
    expect(matchesFilter(message, 'received', { to: '2025-01-01T03:00:00.001Z' })).toBe(true);
  });

  it('orders as the relay’s keyset pages: time then id, descending; by office then newest', () => {
    const a = m({ id: 'a', sentAt: '2025-01-02T00:00:00.000Z' });
    const b = m({ id: 'b', sentAt: '2025-01-02T00:00:00.000Z' });
    const c = m({ id: 'c', sentAt: '2025-01-01T00:00:00.000Z', sender: { number: '1300000001', name: '', kind: '' } });
    expect([a, b, c].sort(compareForSort('newest', 'received')).map((x) => x.id)).toEqual(['b', 'a', 'c']);
    expect([a, b, c].sort(compareForSort('oldest', 'received')).map((x) => x.id)).toEqual(['c', 'a', 'b']);
    expect([a, b, c].sort(compareForSort('office', 'received')).map((x) => x.id)).toEqual(['c', 'b', 'a']);
  });

  it('marks a 未 message within 7 days of its 保存期限, not a 済 or withdrawn one', () => {
    const now = Date.parse('2025-01-25T00:00:00.000Z');
    expect(expiresSoon(m({ expiresAt: '2025-02-01T00:00:00.000Z' }), now)).toBe(true);
    expect(expiresSoon(m({ expiresAt: '2025-02-01T00:00:00.001Z' }), now)).toBe(false);
    expect(expiresSoon(m({ expiresAt: '2025-01-26T00:00:00.000Z', downloadStatus: '済' }), now)).toBe(false);
    expect(expiresSoon(m({ expiresAt: '2025-01-26T00:00:00.000Z', withdrawnAt: '2025-01-20T00:00:00.000Z' }), now)).toBe(false);
  });

  it('carries a query in the URL and back', () => {
    const query = { box: 'sent' as const, status: '未' as const, kinds: ['plan' as const, 'other' as const], month: '202504', q: '予定', sort: 'office' as const };
    const params = listQueryParams(query);
    expect(params).toEqual({ box: 'sent', status: '未', kinds: 'plan,other', month: '202504', q: '予定', sort: 'office' });
    expect(listQuerySchema.parse(params)).toEqual({ ...query, limit: 50 });
    expect(listQuerySchema.parse({ q: '  ', office: '' })).toEqual({ box: 'received', sort: 'newest', limit: 50 });
    expect(listQuerySchema.safeParse({ kinds: 'plan,bogus' }).success).toBe(false);
  });
});

describe('送受信記録', () => {
  it('cuts months in Japan time and prints times in Japan time', () => {
    expect(monthRange('202504')).toEqual({ from: '2025-03-31T15:00:00.000Z', to: '2025-04-30T15:00:00.000Z' });
    expect(monthRange('202412')).toEqual({ from: '2024-11-30T15:00:00.000Z', to: '2024-12-31T15:00:00.000Z' });
    expect(monthOf(new Date('2025-03-31T15:00:00.000Z'))).toBe('202504');
    expect(jstDateTime('2025-03-31T15:00:05.000Z')).toBe('2025/04/01 00:00:05');
    expect(jstDateTime(null)).toBe('');
  });

  it('writes CSV with a BOM, CRLF, quoted where needed, and the withdrawn line without its file', () => {
    const base: TransferRecord = {
      direction: 'sent', messageId: 'm', sentAt: '2025-04-01T00:00:00.000Z', sentBy: 'cm01',
      office: { number: '0899999995', name: 'マニュアル例, 事業所', kind: '' }, fileName: 'a.pdf', category: 'PDF等',
      size: 64, sha256: 'ab', downloadedAt: '2025-04-02T00:00:00.000Z', withdrawnAt: null,
    };
    const csv = recordsCsv([base, { ...base, direction: 'received', sentBy: null, fileName: '', category: null, size: null, sha256: null, downloadedAt: null, withdrawnAt: '2025-04-01T01:00:00.000Z' }]);
    expect(csv.startsWith('\uFEFF区分,送信日時,')).toBe(true);
    const lines = csv.slice(1).split('\r\n');
    expect(lines[1]).toBe('送信,2025/04/01 09:00:00,0899999995,"マニュアル例, 事業所",a.pdf,PDF等,64,2025/04/02 09:00:00,,cm01,ab');
    expect(lines[2]).toBe('受信,2025/04/01 09:00:00,0899999995,"マニュアル例, 事業所",(送信元が取り消しました),,,,2025/04/01 10:00:00,,');
    expect(lines[3]).toBe('');
  });
});
