// ログイン: the person (個人ID). The office comes later, with 事業所ユーザログイン.
import { useState } from 'preact/hooks';
import { login } from '../../api/client-core';
import { checkLoginForm } from '../../domain/login-forms';
import { halfWidthAscii } from '../../domain/office-number';
import { to } from '../app/routes';
import { sessionEndedNote } from '../app/session';
import { EraseDevice } from '../top/EraseDevice';
import { FieldError, LoginCard, useLoginSubmit } from './login-form';
import { PasswordField } from './PasswordField';

export function LoginView() {
  const [userId, setUserId] = useState('');
  const [password, setPassword] = useState('');
  const { busy, formError, fieldErrors, submit } = useLoginSubmit(() => checkLoginForm({ userId: halfWidthAscii(userId), password }), login, to.top);

  return (
    <LoginCard
      title="ログイン"
      intro={sessionEndedNote.value && <p class="notice notice-pending" role="status">{sessionEndedNote.value}</p>}
      formError={formError}
      onSubmit={(event) => void submit(event)}
    >
      <div class="field">
        <label for="login-user">ユーザID</label>
        <input
          id="login-user"
          value={userId}
          autoComplete="username"
          autoCapitalize="off"
          spellcheck={false}
          required
          aria-invalid={fieldErrors.userId ? true : undefined}
          aria-describedby={fieldErrors.userId ? 'login-user-error' : undefined}
          onInput={(event) => setUserId(event.currentTarget.value)}
        />
        <FieldError id="login-user-error" message={fieldErrors.userId} />
      </div>
      <PasswordField id="login-password" value={password} onInput={setPassword} autoComplete="current-password" error={fieldErrors.password} />
      <div class="actions">
        <button type="submit" class="primary" disabled={busy}>ログイン</button>
      </div>
      <details class="device-data">
        <summary>この端末のデータについて</summary>
        <p class="hint">
          下書きや送信待ちは、作成した人と事業所ごとにこの端末に保存され、ほかの人には表示されません。
          端末を渡すときや使わなくなるときは、すべて消去できます。
        </p>
        <EraseDevice />
      </details>
    </LoginCard>
  );
}
