// 送信トレイ offline: a row says what the device knows of a send (its message's first line and
// file count), and the notice of a send queued offline follows what became of it.
import { describe, expect, it } from 'vitest';
import type { OutboxItem } from '../../src/outbox/types';
import { followQueued, type FollowedNotice } from '../../src/views/app/queued-notice';
import { outboxSummary } from '../../src/views/outbox/summary';

describe('outboxSummary', () => {
  it('the first non-blank line of the message and the file count', () => {
    expect(outboxSummary('\n  第3表をお送りします \r\nよろしくお願いします', 2)).toEqual({ firstLine: '第3表をお送りします', files: 'ファイル 2件' });
    expect(outboxSummary('', 1)).toEqual({ firstLine: '', files: 'ファイル 1件' });
  });
});

const QUEUED: FollowedNotice = { text: 'オフラインのため、送信トレイに保存しました。接続が戻ると自動で送信します', tone: 'pending', outboxId: 'q1' };
const item = (status: OutboxItem['status'], lastError?: string): OutboxItem => ({
  id: 'q1', owner: { userId: 'cm01', office: '3300000001' }, destination: '9999999999', message: '', files: [],
  createdAt: 1, status, attempts: 1, nextAttemptAt: 1, ...(lastError ? { lastError } : {}),
});

describe('followQueued', () => {
  it('keeps the queued notice while the send waits, and before the outbox was read', () => {
    expect(followQueued(QUEUED, undefined)).toBe(QUEUED);
    const waiting = followQueued(QUEUED, item('waiting'));
    expect(waiting).toMatchObject({ text: QUEUED.text, tone: 'pending', seen: true });
    expect(followQueued(waiting, item('sending'))).toBe(waiting);
  });

  it('a refusal replaces the offline promise with what happened and what to do', () => {
    const failed = followQueued(followQueued(QUEUED, item('waiting')), item('failed', '送信先事業所番号 9999999999 の事業所は登録されていません'));
    expect(failed.tone).toBe('error');
    expect(failed.text).toBe('送信できませんでした(送信先事業所番号 9999999999 の事業所は登録されていません)。送信トレイの「下書きに戻す」で直して、もう一度送信してください');
    expect(failed.text).not.toContain('オフライン');
  });

  it('a send that left the outbox after being seen was taken by the relay', () => {
    const sent = followQueued(followQueued(QUEUED, item('sending')), undefined);
    expect(sent).toMatchObject({ text: '送信トレイのデータを送信しました', tone: 'done' });
    expect(sent.outboxId).toBeUndefined();
  });

  it('a paused send says a login is needed', () => {
    expect(followQueued(QUEUED, item('needs-login')).text).toContain('もう一度ログインすると送信します');
  });

  it('a notice about no queued send is left alone', () => {
    const plain: FollowedNotice = { text: '送信を受け付けました', tone: 'done' };
    expect(followQueued(plain, item('failed', 'x'))).toBe(plain);
  });

  describe('a send made online (「送信を受け付けました」)', () => {
    const ONLINE: FollowedNotice = { text: '送信を受け付けました', tone: 'done', outboxId: 'q1' };
    const UNREACHABLE = '接続できませんでした。接続が戻ると自動で送信します';

    it('says it is not sent yet once a try met no relay, though the browser said online', () => {
      const waiting = followQueued(followQueued(ONLINE, item('sending')), item('waiting', UNREACHABLE));
      expect(waiting).toMatchObject({ text: `送信トレイに保存しました。まだ送信できていません(${UNREACHABLE})`, tone: 'pending' });
      expect(followQueued(waiting, undefined)).toMatchObject({ text: '送信トレイのデータを送信しました', tone: 'done' });
    });

    it('stays as it is while the first try is on its way, and when it went at once', () => {
      const first = followQueued(ONLINE, item('waiting'));
      expect(first.text).toBe('送信を受け付けました');
      expect(followQueued(followQueued(first, item('sending')), undefined).text).toBe('送信を受け付けました');
    });

    it('a refusal by the relay replaces it', () => {
      expect(followQueued(followQueued(ONLINE, item('waiting')), item('failed', '事業所が見つかりません')).tone).toBe('error');
    });
  });
});
