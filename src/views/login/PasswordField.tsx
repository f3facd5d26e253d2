// Password input with the eye button users know from the official client.
import { useState } from 'preact/hooks';
import { FieldError } from './login-form';

interface PasswordFieldProps {
  id: string;
  value: string;
  onInput: (value: string) => void;
  autoComplete: string;
  error?: string | undefined;
  /** パスワード unless said otherwise (現在のパスワード, 新しいパスワード…) */
  label?: string;
}

export function PasswordField({ id, value, onInput, autoComplete, error, label = 'パスワード' }: PasswordFieldProps) {
  const [visible, setVisible] = useState(false);
  const errorId = `${id}-error`;
  const common = {
    id,
    value,
    autoComplete,
    required: true,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': error ? errorId : undefined,
    onInput: (event: Event) => onInput((event.currentTarget as HTMLInputElement).value),
  };
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <div class="password-row">
        {/* two branches for the typed attribute union; Preact reuses the same input element */}
        {visible ? <input type="text" autoCapitalize="off" spellcheck={false} {...common} /> : <input type="password" {...common} />}
        {/* named by its (hidden) text, not aria-label: getByLabel('パスワード') must find only the input */}
        <button type="button" class="icon-button" onClick={() => setVisible(!visible)}>
          <EyeIcon crossed={visible} />
          <span class="visually-hidden">{`${visible ? `${label}を隠す` : `${label}を表示`}`}</span>
        </button>
      </div>
      <FieldError id={errorId} message={error} />
    </div>
  );
}

function EyeIcon({ crossed }: { crossed: boolean }) {
  return (
    <svg viewBox="0 0 24 24" width="24" height="24" aria-hidden="true" focusable="false">
      <path d="M1 12s4-7 11-7 11 7 11 7-4 7-11 7S1 12 1 12z" fill="none" stroke="currentColor" stroke-width="2" />
      <circle cx="12" cy="12" r="3" fill="none" stroke="currentColor" stroke-width="2" />
      {crossed && <line x1="3" y1="21" x2="21" y2="3" stroke="currentColor" stroke-width="2" />}
    </svg>
  );
}
