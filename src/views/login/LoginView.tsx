// ログイン: the person (個人ID). The office comes later, with 事業所ユーザログイン.
import { useState } from 'preact/hooks';
import { ApiFailure, login } from '../../api/client';
import { loginRequestSchema } from '../../domain/contract';
import { resumeAfterLogin } from '../../api/sync';
import { ErrorList } from '../common/Alert';
import { redirect } from '../app/router';
import { setSession } from '../app/session';
import { PasswordField } from './PasswordField';

export function LoginView() {
  const [userId, setUserId] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);

  async function onSubmit(event: Event) {
    event.preventDefault();
    const parsed = loginRequestSchema.safeParse({ userId, password });
    if (!parsed.success) {
      setErrors(parsed.error.issues.map((issue) => issue.message));
      return;
    }
    setBusy(true);
    setErrors([]);
    try {
      setSession(await login(parsed.data));
      // sends stopped by an expired login go again now
      void resumeAfterLogin();
      redirect('/top');
    } catch (error) {
      setErrors([error instanceof ApiFailure ? error.message : 'ログインできませんでした']);
    } finally {
      setBusy(false);
    }
  }

  return (
    <main class="login-screen">
      <form class="card login-card" onSubmit={onSubmit} noValidate>
        <h1>ログイン</h1>
        <p class="app-title">Renkei ケアプランデータ連携</p>
        <ErrorList errors={errors} />
        <div class="field">
          <label for="login-user">ユーザID</label>
          <input id="login-user" value={userId} autoComplete="username" required onInput={(event) => setUserId(event.currentTarget.value)} />
        </div>
        <PasswordField id="login-password" value={password} onInput={setPassword} autoComplete="current-password" />
        <div class="actions">
          <button type="submit" class="primary" disabled={busy}>ログイン</button>
        </div>
      </form>
    </main>
  );
}
