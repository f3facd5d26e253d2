// 事業所ユーザログイン: asked once per login, before the first send or receive.
import { useState } from 'preact/hooks';
import { ApiFailure, officeLogin } from '../../api/client';
import { officeLoginRequestSchema } from '../../domain/contract';
import { resumeAfterLogin } from '../../api/sync';
import { ErrorList } from '../common/Alert';
import { redirect, route } from '../app/router';
import { session, setSession } from '../app/session';
import { PasswordField } from './PasswordField';

/** Where to go after the office login: the screen that asked for it. */
function nextPath(): string {
  const next = route.value.params.get('next');
  return next && next.startsWith('/') && !next.startsWith('/office-login') ? next : '/top';
}

export function OfficeLoginView() {
  const [officeUserId, setOfficeUserId] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);

  async function onSubmit(event: Event) {
    event.preventDefault();
    const parsed = officeLoginRequestSchema.safeParse({ officeUserId: officeUserId.trim(), password });
    if (!parsed.success) {
      setErrors(parsed.error.issues.map((issue) => issue.message));
      return;
    }
    setBusy(true);
    setErrors([]);
    try {
      setSession(await officeLogin(parsed.data));
      // sends stopped by an expired login go again now
      void resumeAfterLogin();
      redirect(nextPath());
    } catch (error) {
      setErrors([error instanceof ApiFailure ? error.message : 'ログインできませんでした']);
    } finally {
      setBusy(false);
    }
  }

  return (
    <main class="login-screen">
      <form class="card login-card" onSubmit={onSubmit} noValidate>
        <h1>事業所ユーザログイン</h1>
        <p class="hint">
          {session.value?.user.name ?? ''} さん、送受信の前に事業所ユーザID(電子請求受付システムのID「KJ」+12桁)でログインしてください。
        </p>
        <ErrorList errors={errors} />
        <div class="field">
          <label for="office-user">事業所ユーザID</label>
          <input
            id="office-user"
            value={officeUserId}
            autoComplete="username"
            inputMode="latin"
            maxLength={14}
            placeholder="KJ000000000000"
            required
            onInput={(event) => setOfficeUserId(event.currentTarget.value.toUpperCase())}
          />
        </div>
        <PasswordField id="office-password" value={password} onInput={setPassword} autoComplete="current-password" />
        <div class="actions">
          <button type="button" onClick={() => redirect('/top')}>戻る</button>
          <button type="submit" class="primary" disabled={busy}>ログイン</button>
        </div>
      </form>
    </main>
  );
}
