// 事業所ユーザログイン: asked once per login, before the first send or receive.
import { useState } from 'preact/hooks';
import { officeLogin } from '../../api/client-core';
import { checkOfficeLoginForm } from '../../domain/login-forms';
import { halfWidth } from '../../domain/office-number';
import { redirect, route } from '../app/router';
import { afterOfficeLogin, to } from '../app/routes';
import { session } from '../app/session';
import { FieldError, LoginCard, useLoginSubmit } from './login-form';
import { PasswordField } from './PasswordField';


export function OfficeLoginView() {
  const [officeUserId, setOfficeUserId] = useState('');
  const [password, setPassword] = useState('');
  const { busy, formError, fieldErrors, submit } = useLoginSubmit(
    () => checkOfficeLoginForm({ officeUserId: halfWidth(officeUserId).toUpperCase(), password }),
    officeLogin,
    () => afterOfficeLogin(route.value),
  );

  const intro = (
    <p class="hint">
      {session.value?.user.name ?? ''} さん、送受信の前に事業所ユーザID(電子請求受付システムのID「KJ」+12桁)でログインしてください。
    </p>
  );
  return (
    <LoginCard title="事業所ユーザログイン" intro={intro} formError={formError} onSubmit={(event) => void submit(event)}>
      <div class="field">
        <label for="office-user">事業所ユーザID</label>
        <input
          id="office-user"
          value={officeUserId}
          autoComplete="username"
          autoCapitalize="characters"
          spellcheck={false}
          inputMode="latin"
          maxLength={14}
          placeholder="KJ000000000000"
          required
          aria-invalid={fieldErrors.officeUserId ? true : undefined}
          aria-describedby={fieldErrors.officeUserId ? 'office-user-error' : undefined}
          onInput={(event) => setOfficeUserId(event.currentTarget.value.toUpperCase())}
        />
        <FieldError id="office-user-error" message={fieldErrors.officeUserId} />
      </div>
      <PasswordField id="office-password" value={password} onInput={setPassword} autoComplete="current-password" error={fieldErrors.password} />
      <div class="actions">
        <button type="button" onClick={() => redirect(to.top())}>戻る</button>
        <button type="submit" class="primary" disabled={busy}>ログイン</button>
      </div>
    </LoginCard>
  );
}
