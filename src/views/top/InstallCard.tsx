// 「ホーム画面に追加」 on トップ: where the browser can install the app, its prompt; on iPad and
// iPhone, the two taps in Safari. Installed, the app opens from the home screen like the care
// software, and Safari keeps its data (drafts, queued sends) instead of clearing it after 7 days.
import { dismissInstall, installOffer, promptInstall } from '../app/install';

export function InstallCard() {
  const offer = installOffer.value;
  if (!offer) return null;
  return (
    <section class="install-card" aria-labelledby="install-title">
      <h2 id="install-title">ホーム画面に追加</h2>
      {offer === 'prompt' ? (
        <p>アプリとして追加すると、ホーム画面から開けて、オフラインでも使えます。</p>
      ) : (
        <>
          <p>iPad・iPhone では Safari で次のように追加します。追加すると、保存した下書きや送信待ちが消えにくくなります。</p>
          <ol>
            <li>画面上の共有ボタン(四角から上向きの矢印)をタップ</li>
            <li>「ホーム画面に追加」を選び、「追加」をタップ</li>
          </ol>
        </>
      )}
      <div class="actions">
        <button type="button" onClick={dismissInstall}>今はしない</button>
        {offer === 'prompt' && <button type="button" class="primary" onClick={() => void promptInstall()}>ホーム画面に追加</button>}
      </div>
    </section>
  );
}
