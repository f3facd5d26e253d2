// パスワード変更: the person's own password, the current one required. The relay ends every other
// session of the person (another tablet, a laptop left logged in); this device stays logged in.
import '../../domain/zod-config';
import { useState } from 'preact/hooks';
import { ApiFailure, changePassword } from '../../api/client';
import { MIN_PASSWORD_CHARS, passwordChangeRequestSchema } from '../../domain/contract';
import { showNotice } from '../app/notice';
import { online } from '../app/online';
import { navigate } from '../app/router';
import { to } from '../app/routes';
import { session, setSession } from '../app/session';
import { ErrorList } from '../common/Alert';
import { PasswordField } from '../login/PasswordField';

type Field = 'currentPassword' | 'newPassword' | 'confirm';

export function PasswordView() {
  const [values, setValues] = useState<Record<Field, string>>({ currentPassword: '', newPassword: '', confirm: '' });
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (field: Field) => (value: string) => setValues({ ...values, [field]: value });

  async function submit(event: Event) {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    setFailure(null);
    const found: Partial<Record<Field, string>> = {};
    const parsed = passwordChangeRequestSchema.safeParse({ currentPassword: values.currentPassword, newPassword: values.newPassword });
    if (!parsed.success) for (const issue of parsed.error.issues) found[issue.path[0] as Field] ??= issue.message;
    if (!found.newPassword && values.confirm !== values.newPassword) found.confirm = '確認用のパスワードが新しいパスワードと一致しません';
    setErrors(found);
    if (!parsed.success || Object.keys(found).length > 0) {
      setTimeout(() => form.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus(), 0);
      return;
    }
    setBusy(true);
    try {
      await setSession(await changePassword(parsed.data));
      showNotice('パスワードを変更しました。ほかの端末のログインはすべて解除されました。', 'top');
      navigate(to.top());
    } catch (error) {
      setFailure(error instanceof ApiFailure ? error.message : 'パスワードを変更できませんでした。もう一度お試しください');
      setBusy(false);
    }
  }

  return (
    <section class="password">
      <h1>パスワード変更</h1>
      <p class="hint">
        {session.value?.user.name ?? ''} さん(ユーザID {session.value?.user.id ?? ''})のログイン用パスワードを変更します。
        新しいパスワードは{MIN_PASSWORD_CHARS}文字以上にしてください。変更すると、ほかの端末でのログインはすべて解除されます(この端末はそのまま使えます)。
      </p>
      <form class="card password-card" onSubmit={(event) => void submit(event)} noValidate>
        <ErrorList errors={failure ? [failure] : []} />
        <PasswordField id="current-password" label="現在のパスワード" value={values.currentPassword} onInput={set('currentPassword')} autoComplete="current-password" error={errors.currentPassword} />
        <PasswordField id="new-password" label="新しいパスワード" value={values.newPassword} onInput={set('newPassword')} autoComplete="new-password" error={errors.newPassword} />
        <PasswordField id="confirm-password" label="新しいパスワード(確認)" value={values.confirm} onInput={set('confirm')} autoComplete="new-password" error={errors.confirm} />
        {!online.value && <p class="hint">オフラインのため変更できません。接続が戻ってから変更してください。</p>}
        <div class="actions">
          <button type="button" onClick={() => navigate(to.top())}>戻る</button>
          <button type="submit" class="primary" disabled={busy || !online.value}>変更する</button>
        </div>
      </form>
    </section>
  );
}
