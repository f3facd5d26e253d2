// The notice of a send follows its outbox item: once the relay has answered it says what
// happened — sent, refused with the reason, or waiting for a login — instead of going on
// promising a send that is not coming. One shown online (「送信を受け付けました」) says so too
// when the relay could not be reached or asked to wait: the browser's online flag said nothing
// of the relay.
import type { OutboxItem } from '../../outbox/types';

export type NoticeTone = 'done' | 'pending' | 'error';

export interface FollowedNotice {
  text: string;
  tone: NoticeTone;
  /** the outbox item the notice is about */
  outboxId?: string;
  /** the item was seen in the outbox: its leaving it means the relay took it */
  seen?: boolean;
}

/** The notice after the item changed (or the same object when nothing is to change). */
export function followQueued<N extends FollowedNotice>(notice: N, item: OutboxItem | undefined): N {
  if (!notice.outboxId) return notice;
  if (!item) {
    // not read yet (the outbox signal lags the enqueue by a moment), or confirmed and gone;
    // 「送信を受け付けました」 was true all along when the send went at once
    return notice.seen && notice.tone !== 'done' ? { ...notice, text: '送信トレイのデータを送信しました', tone: 'done', outboxId: undefined, seen: undefined } : notice;
  }
  const seen = notice.seen ? notice : { ...notice, seen: true };
  switch (item.status) {
    case 'failed':
      return {
        ...seen,
        text: `送信できませんでした${item.lastError ? `(${item.lastError})` : ''}。送信トレイの「下書きに戻す」で直して、もう一度送信してください`,
        tone: 'error',
      };
    case 'waiting':
      // a try that met no relay (or a 5xx) leaves it waiting with the reason
      return item.lastError && notice.tone === 'done'
        ? { ...seen, text: `送信トレイに保存しました。まだ送信できていません(${item.lastError})`, tone: 'pending' }
        : seen;
    case 'needs-login':
      return { ...seen, text: 'ログインが切れたため、送信トレイのデータを送信できていません。もう一度ログインすると送信します', tone: 'pending' };
    default:
      return seen;
  }
}
