import { describe, expect, it } from 'vitest';
import type { BatchRow } from '../../src/domain/batch';
import { INTERRUPTED_REASON, failedItemsOf, reconcileRow, statusLabel } from '../../src/views/batch/batch-status';
import { createSerial } from '../../src/views/batch/use-serial';

const row = (status: BatchRow<string>['status'], id = 'r1'): BatchRow<string> => ({
  id, destination: '3310000017', groupKey: 'k', files: [], message: '', sequenceDisplay: '', categories: [],
  problems: [], warnings: [], status, reason: null, addedAt: 0,
});
const item = (status: 'waiting' | 'sending' | 'failed' | 'needs-login', lastError?: string, id = 'o1') =>
  ({ id, status, batchRowId: 'r1', ...(lastError ? { lastError } : {}) });

describe('a row status follows its outbox item', () => {
  it('送信待ち → 送信中... → 成功', () => {
    expect(reconcileRow(row('未送信'), { items: [item('waiting')], sent: [] }).status).toBe('送信待ち');
    const sending = reconcileRow(row('送信待ち'), { items: [item('sending')], sent: [] });
    expect(sending.status).toBe('送信中');
    expect(statusLabel(sending)).toBe('送信中...');
    expect(reconcileRow(sending, { items: [], sent: [{ id: 'o1', batchRowId: 'r1' }] }).status).toBe('成功');
  });

  it('waits with the reason while backing off or needing a login', () => {
    expect(reconcileRow(row('送信中'), { items: [item('waiting', '503')], sent: [] })).toMatchObject({ status: '送信待ち', reason: '再送を待っています: 503' });
    expect(reconcileRow(row('送信中'), { items: [item('needs-login', '401')], sent: [] }).reason).toContain('ログインし直す');
  });

  it('失敗 with the server reason; a row changed since then is 未送信 again', () => {
    const failed = reconcileRow(row('送信中'), { items: [item('failed', '事業所が見つかりません')], sent: [] });
    expect(failed).toMatchObject({ status: '失敗', reason: '事業所が見つかりません' });
    const edited = row('未送信');
    expect(reconcileRow(edited, { items: [item('failed', 'x')], sent: [] })).toBe(edited);
    expect(failedItemsOf('r1', { items: [item('failed', 'x'), item('waiting', undefined, 'o2')], sent: [] })).toEqual(['o1']);
  });

  it('an item gone without confirmation leaves the row 失敗 (interrupted); untouched rows stay the same object', () => {
    expect(reconcileRow(row('送信待ち'), { items: [], sent: [] })).toMatchObject({ status: '失敗', reason: INTERRUPTED_REASON });
    const idle = row('未送信');
    expect(reconcileRow(idle, { items: [], sent: [] })).toBe(idle);
  });
});

describe('createSerial', () => {
  it('runs tasks one at a time and coalesces refreshes waiting to start', async () => {
    const serial = createSerial();
    const log: string[] = [];
    let release!: () => void;
    const first = serial.run(() => new Promise<void>((resolve) => { log.push('drop'); release = resolve; }));
    const a = serial.coalesced('refresh', async () => void log.push('refresh'));
    const b = serial.coalesced('refresh', async () => void log.push('refresh-again'));
    expect(a).toBe(b);
    await Promise.resolve();
    release();
    await Promise.all([first, a]);
    expect(log).toEqual(['drop', 'refresh']);
  });
});
