import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { saveDraft, getDraft } from '../../src/db/drafts';
import { STALE_SENDING_MS, dueAt, isDue } from '../../src/outbox/due';
import {
  claimNextDue,
  confirmSent,
  nextFlushDueAt,
  enqueueSend,
  getOutboxItem,
  isPausedForLogin,
  listOutbox,
  listSentRecords,
  markFailed,
  markNeedsLogin,
  pauseForLogin,
  releaseNeedsLogin,
  removeOutboxItem,
  retryOutboxItem,
} from '../../src/outbox/store';
import { onOutboxChanged } from '../../src/outbox/channel';
import { bytesOf, csvFile, freshDatabase, summary, TEST_OWNER } from '../support/db';

const NAME = 'UPPLAN_202501_3300000001_3310000017_20250101120000.CSV';

beforeEach(freshDatabase);

describe('enqueueSend', () => {
  it('queues a waiting item with a fresh uuid as idempotency key and the files intact', async () => {
    const a = await enqueueSend({ destination: '3310000017', message: 'm', files: [csvFile(NAME)] });
    const b = await enqueueSend({ destination: '3310000017', message: 'm', files: [csvFile(NAME)] });
    expect(a.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(a.id).not.toBe(b.id);
    expect(a).toMatchObject({ status: 'waiting', attempts: 0 });
    const stored = await getOutboxItem(a.id);
    expect(await bytesOf(stored!.files[0]!.blob)).toEqual([0x82, 0xa0, 0x2c, 0x31, 0x0d, 0x0a]);
    expect((await listOutbox()).map((i) => i.id)).toEqual([a.id, b.id]);
  });

  it('announces the change on BroadcastChannel renkei-outbox', async () => {
    let stop = () => {};
    const heard = new Promise<void>((resolve) => {
      stop = onOutboxChanged(resolve);
    });
    await enqueueSend({ destination: '3310000017', message: '', files: [] });
    await heard;
    stop();
  });
});

describe('claiming for a flush', () => {
  it('claims each due item once, oldest first, and skips what is not due', async () => {
    const now = Date.now();
    const a = await enqueueSend({ destination: '3310000017', message: '', files: [] });
    const b = await enqueueSend({ destination: '3310000025', message: '', files: [] });
    const first = await claimNextDue(now + 1000, { ignoreBackoff: false, skip: new Set() });
    expect(first).toMatchObject({ id: a.id, status: 'sending', attempts: 1 });
    const second = await claimNextDue(now + 1000, { ignoreBackoff: false, skip: new Set() });
    expect(second?.id).toBe(b.id);
    // both are 'sending' now, and fresh: nobody else may take them
    expect(await claimNextDue(now + 1000, { ignoreBackoff: true, skip: new Set() })).toBeUndefined();
    // a tab that died mid-send leaves them stale after a minute
    const stale = await claimNextDue(now + 1000 + STALE_SENDING_MS, { ignoreBackoff: false, skip: new Set() });
    expect(stale).toMatchObject({ id: a.id, attempts: 2 });
  });

  it('leaves failed and needs-login items alone', async () => {
    const a = await enqueueSend({ destination: '3310000017', message: '', files: [] });
    const b = await enqueueSend({ destination: '3310000025', message: '', files: [] });
    await markFailed(a.id, '送信先の事業所が見つかりません');
    await markNeedsLogin(b.id, '再ログインが必要です');
    expect(await claimNextDue(Date.now() + 10_000, { ignoreBackoff: true, skip: new Set() })).toBeUndefined();
    expect(await getOutboxItem(a.id)).toMatchObject({ status: 'failed', lastError: '送信先の事業所が見つかりません' });
  });

  it('confirmSent records the result and removes the item and its draft together', async () => {
    const draft = await saveDraft({ destination: '3310000017', message: '', files: [] });
    const item = await enqueueSend({ destination: '3310000017', message: '', files: [], draftId: draft.id, batchRowId: 'row-1' });
    await confirmSent(item, summary('msg-1'), 5000);
    expect(await listOutbox()).toEqual([]);
    expect(await getDraft(draft.id)).toBeUndefined();
    expect(await listSentRecords()).toEqual([{ id: item.id, owner: TEST_OWNER, batchRowId: 'row-1', result: summary('msg-1'), confirmedAt: 5000 }]);
  });
});

describe('screen actions', () => {
  it('retry puts a failed item back to waiting with the same key', async () => {
    const item = await enqueueSend({ destination: '3310000017', message: '', files: [] });
    await markFailed(item.id, 'だめ');
    await retryOutboxItem(item.id);
    const again = await getOutboxItem(item.id);
    expect(again).toMatchObject({ id: item.id, status: 'waiting', attempts: 0 });
    expect(again?.lastError).toBeUndefined();
  });

  it('remove deletes the item; a later update does not bring it back', async () => {
    const item = await enqueueSend({ destination: '3310000017', message: '', files: [] });
    await removeOutboxItem(item.id);
    await markFailed(item.id, 'late answer');
    expect(await listOutbox()).toEqual([]);
  });

  it('releaseNeedsLogin lifts the pause and moves needs-login items to waiting', async () => {
    const item = await enqueueSend({ destination: '3310000017', message: '', files: [] });
    await markNeedsLogin(item.id, '再ログインが必要です');
    await pauseForLogin();
    expect(await isPausedForLogin()).toBe(true);
    expect(await nextFlushDueAt()).toBeUndefined();
    expect(await releaseNeedsLogin()).toBe(1);
    expect(await isPausedForLogin()).toBe(false);
    expect((await getOutboxItem(item.id))?.status).toBe('waiting');
    expect(await nextFlushDueAt()).toBeTypeOf('number');
  });
});

describe('dueAt: one rule for the flush and the backoff timer', () => {
  it('a waiting item after its backoff, a sending one once stale, never a failed or login-bound one', () => {
    expect(dueAt({ status: 'waiting', nextAttemptAt: 5000 })).toBe(5000);
    expect(dueAt({ status: 'sending', nextAttemptAt: 5000, sendingSince: 7000 })).toBe(7000 + STALE_SENDING_MS);
    expect(dueAt({ status: 'failed', nextAttemptAt: 5000 })).toBeUndefined();
    expect(dueAt({ status: 'needs-login', nextAttemptAt: 5000 })).toBeUndefined();
    expect(isDue({ status: 'waiting', nextAttemptAt: 5000 }, 4999, false)).toBe(false);
    expect(isDue({ status: 'waiting', nextAttemptAt: 5000 }, 4999, true)).toBe(true);
    expect(isDue({ status: 'sending', nextAttemptAt: 0, sendingSince: 7000 }, 7000 + STALE_SENDING_MS, true)).toBe(true);
    expect(isDue({ status: 'sending', nextAttemptAt: 0, sendingSince: 7000 }, 7001, true)).toBe(false);
  });
});
