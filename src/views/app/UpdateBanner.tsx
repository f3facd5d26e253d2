// 「新しいバージョンがあります」 with 更新: the app switches only when the user says so.
import { reloadIntoNewVersion, switchToNewVersion, updateError, updateState } from './updates';

export function UpdateBanner() {
  const state = updateState.value;
  if (state === 'none') return null;
  const error = updateError.value;
  return (
    <div class="update-banner" role="status">
      {state === 'elsewhere' ? (
        <>
          <p>新しいバージョンに切り替わりました(別の画面で更新されました)。この画面も再読み込みしてください。作業中の内容は保存されます。</p>
          <button type="button" class="primary" onClick={() => void reloadIntoNewVersion()}>再読み込み</button>
        </>
      ) : (
        <>
          <p>新しいバージョンがあります。「更新」を押すと切り替わります(作業中の内容は保存されます)。</p>
          <button type="button" class="primary" disabled={state === 'switching'} onClick={() => void switchToNewVersion()}>
            {state === 'switching' ? '更新しています…' : '更新'}
          </button>
        </>
      )}
      {error && <p class="update-error" role="alert">{error}</p>}
    </div>
  );
}
