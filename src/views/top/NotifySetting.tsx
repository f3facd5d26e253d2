// 新着の通知: a system notification when a plan arrives while the app is not on screen. Off until
// the person turns it on here (the browser's permission is asked only then, never on load); kept
// per person and office on this device.
import { useState } from 'preact/hooks';
import { readPrefs, updatePrefs } from '../../db/prefs';
import { counts, refreshCounts } from '../app/counts';
import { ownerId, sessionOwner } from '../app/owner';
import { useAsync } from '../common/use-async';

type Support = 'ok' | 'unsupported' | 'denied';

function support(): Support {
  if (typeof Notification === 'undefined') return 'unsupported';
  return Notification.permission === 'denied' ? 'denied' : 'ok';
}

export function NotifySetting() {
  const owner = sessionOwner();
  const prefs = useAsync(async () => (owner ? readPrefs(owner) : null), [ownerId(owner)]);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const on = Boolean(prefs.value?.notify) && support() === 'ok' && Notification.permission === 'granted';

  async function turnOn() {
    if (!owner) return;
    setBusy(true);
    setProblem(null);
    try {
      const permission = await Notification.requestPermission();
      if (permission !== 'granted') {
        setProblem('通知が許可されませんでした。ブラウザのサイト設定で通知を許可すると使えます。');
        return;
      }
      // what has arrived until now is not news
      const newest = counts.peek()?.newestUnreadAt;
      await updatePrefs(owner, (p) => ({ ...p, notify: true, ...(newest ? { notifiedUpTo: newest } : {}) }));
      prefs.reload();
      refreshCounts();
    } finally {
      setBusy(false);
    }
  }

  async function turnOff() {
    if (!owner) return;
    await updatePrefs(owner, (p) => ({ ...p, notify: false }));
    prefs.reload();
  }

  const state = support();
  return (
    <section class="account" aria-labelledby="notify-heading">
      <h2 id="notify-heading">新着の通知</h2>
      {state === 'unsupported' && <p>このブラウザは通知に対応していません。受信一覧の件数で確認してください。</p>}
      {state === 'denied' && <p>このサイトの通知はブラウザで拒否されています。ブラウザのサイト設定で許可すると使えます。</p>}
      {state === 'ok' && (
        <>
          <p>
            {on
              ? 'オンです。アプリを開いていないときに新しいデータが届くと、この端末に通知します。'
              : 'アプリを開いていないときに新しいデータが届いたら、この端末に通知します。'}
          </p>
          {on ? (
            <button type="button" onClick={() => void turnOff()}>通知をオフにする</button>
          ) : (
            <button type="button" disabled={busy} onClick={() => void turnOn()}>新着を通知する</button>
          )}
          {problem && <p class="field-note field-note-error">{problem}</p>}
        </>
      )}
    </section>
  );
}
