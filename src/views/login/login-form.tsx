// What ログイン and 事業所ユーザログイン share: the card, a text field with its own error, and
// the submit (check the form, ask the server, keep the session, go on).
import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { AppNotices } from '../app/AppNotices';
import { ApiFailure } from '../../api/client-core';
import { forgetPendingLogout } from '../../outbox/pending-logout';
import { resumeAfterLogin } from '../../outbox/triggers';
import type { SessionInfo } from '../../domain/contract';
import type { FormCheck } from '../../domain/login-forms';
import { ErrorList } from '../common/Alert';
import { announceCarriedOver } from '../app/carried-over';
import { redirect } from '../app/router';
import { setSession } from '../app/session';

/** Errors of one field, by the request's field name. */
export type FieldErrors = Partial<Record<string, string>>;

export interface LoginSubmit {
  busy: boolean;
  /** the server's answer (wrong password, throttled, offline): about the whole form */
  formError: string | null;
  fieldErrors: FieldErrors;
  submit: (event: Event) => Promise<void>;
}

export function useLoginSubmit<T>(
  check: () => FormCheck<T>,
  send: (request: T) => Promise<SessionInfo>,
  next: () => string,
): LoginSubmit {
  const [busy, setBusy] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});

  async function submit(event: Event) {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    setFormError(null);
    const checked = check();
    if (!checked.ok) {
      setFieldErrors(checked.errors);
      // after the render that marks them: the first field to fix gets the focus, its message read with it
      setTimeout(() => form.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus(), 0);
      return;
    }
    setFieldErrors({});
    setBusy(true);
    try {
      const answer = await send(checked.value);
      // read before the session changes, and gone there at once: the shell re-routes as soon as it does
      const target = next();
      const recorded = setSession(answer);
      redirect(target);
      await recorded;
      announceCarriedOver();
      // the relay replaced this browser's old session with the new one: no logout is owed for it
      await forgetPendingLogout();
      // sends stopped by an expired login go again now
      void resumeAfterLogin();
    } catch (error) {
      setFormError(error instanceof ApiFailure ? error.message : 'ログインできませんでした。もう一度お試しください');
    } finally {
      setBusy(false);
    }
  }

  return { busy, formError, fieldErrors, submit };
}

interface LoginCardProps {
  title: string;
  intro?: ComponentChildren;
  formError: string | null;
  onSubmit: (event: Event) => void;
  children: ComponentChildren;
}

export function LoginCard({ title, intro, formError, onSubmit, children }: LoginCardProps) {
  const form = useRef<HTMLFormElement>(null);
  // The first field gets the focus however the screen was reached. The autofocus attribute did not
  // do it reliably (the browser applies it once per document, at its own time): a reload or bookmark
  // of 事業所ユーザログイン left the focus on the page, and typing went nowhere.
  useEffect(() => {
    const shown = form.current;
    if (shown && !shown.contains(document.activeElement)) shown.querySelector<HTMLInputElement>('input')?.focus();
  }, []);
  return (
    <main class="login-screen">
      <AppNotices />
      <form ref={form} class="card login-card" onSubmit={onSubmit} noValidate>
        <p class="app-title">Renkei ケアプランデータ連携</p>
        <h1>{title}</h1>
        {intro}
        <ErrorList errors={formError ? [formError] : []} />
        {children}
      </form>
    </main>
  );
}

/** The message under a field, announced when it appears and read again when the field gets focus. */
export function FieldError({ id, message }: { id: string; message: string | undefined }) {
  if (!message) return null;
  return (
    <p id={id} class="field-note field-note-error" role="alert">
      {message}
    </p>
  );
}
