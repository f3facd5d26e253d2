import { describe, expect, it } from 'vitest';
import type { BatchRow } from '../../src/domain/batch';
import { INTERRUPTED_REASON, failedItemsOf, withStatus } from '../../src/db/batch-status';
import { statusLabel } from '../../src/views/batch/status-label';
import { createSerial } from '../../src/views/batch/use-serial';

/** A stored row: no status of its own; `outboxId` is the send it made last (none once it changed). */
const row = (outboxId?: string, id = 'r1'): Omit<BatchRow<string>, 'status' | 'reason'> => ({
  id, destination: '3310000017', groupKey: 'k', files: [], message: '', sequenceDisplay: '', categories: [],
  problems: [], warnings: [], addedAt: 0, ...(outboxId ? { outboxId } : {}),
});
const item = (status: 'waiting' | 'sending' | 'failed' | 'needs-login', lastError?: string, id = 'o1') =>
  ({ id, status, batchRowId: 'r1', ...(lastError ? { lastError } : {}) });

describe('a row status follows its outbox item', () => {
  it('送信待ち → 送信中... → 成功', () => {
    expect(withStatus(row(), { items: [item('waiting')], sent: [] }).status).toBe('送信待ち');
    const sending = withStatus(row('o1'), { items: [item('sending')], sent: [] });
    expect(sending.status).toBe('送信中');
    expect(statusLabel(sending)).toBe('送信中...');
    expect(withStatus(row('o1'), { items: [], sent: [{ id: 'o1', batchRowId: 'r1' }] }).status).toBe('成功');
  });

  it('waits with the reason while backing off or needing a login', () => {
    expect(withStatus(row('o1'), { items: [item('waiting', '503')], sent: [] })).toMatchObject({ status: '送信待ち', reason: '再送を待っています: 503' });
    expect(withStatus(row('o1'), { items: [item('needs-login', '401')], sent: [] }).reason).toContain('ログインし直す');
  });

  it('失敗 with the server reason; a row changed since then is 未送信 again', () => {
    const failed = withStatus(row('o1'), { items: [item('failed', '事業所が見つかりません')], sent: [] });
    expect(failed).toMatchObject({ status: '失敗', reason: '事業所が見つかりません' });
    // a change makes the row forget its send (src/db/batch.ts)
    expect(withStatus(row(), { items: [item('failed', 'x')], sent: [] })).toMatchObject({ status: '未送信', reason: null });
    expect(failedItemsOf('r1', { items: [item('failed', 'x'), item('waiting', undefined, 'o2')], sent: [] })).toEqual(['o1']);
  });

  it('an item gone without confirmation leaves the row 失敗 (interrupted); a row never sent is 未送信', () => {
    expect(withStatus(row('o1'), { items: [], sent: [] })).toMatchObject({ status: '失敗', reason: INTERRUPTED_REASON });
    expect(withStatus(row(), { items: [], sent: [] })).toMatchObject({ status: '未送信', reason: null });
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
