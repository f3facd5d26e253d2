// Opened over plain http:// from another machine (HOST=0.0.0.0 without TLS), the browser withholds
// what the app needs to work offline: no service worker (no offline start, no sending with the
// tab closed), no persistent storage, no install. Drafts and sending with the screen open still
// work (src/db/ids.ts). Say so, and how the office fixes it, instead of failing without a word.

// Loaded only where it shows (./AppNotices.tsx).

export function InsecureContextNotice() {
  return (
    <section class="alert alert-warning insecure-notice" role="status" aria-labelledby="insecure-title">
      <p id="insecure-title"><strong>この接続は暗号化されていません(http://)。HTTPS で開いてください。</strong></p>
      <p>
        下書きと送信はこの画面を開いている間は使えますが、オフラインでの起動、画面を閉じた後の自動送信、
        保存データの保護、ホーム画面への追加はできません。
      </p>
      <details>
        <summary>事業所の管理者の方へ: HTTPS にする手順</summary>
        <ol>
          <li>事業所用の認証局と、このサーバーの証明書を作ります。</li>
          <li>サーバーを <code>TLS_CERT_FILE</code>(証明書)と <code>TLS_KEY_FILE</code>(秘密鍵)を指定して起動します。</li>
          <li>認証局の証明書を各タブレット・パソコンにインストールし、信頼する設定にします。</li>
          <li><code>https://</code> で始まるアドレスでこの画面を開き直します。</li>
        </ol>
        <p>詳しい手順は Renkei の説明書 docs/https.md にあります(iPad・Android・Windows それぞれの設定方法)。</p>
      </details>
    </section>
  );
}
