// 事業所を探す: for a send of PDF等 only (no CSV name to read the destination from), the relay's
// office directory searched by part of the name or the start of the number; a pick fills in
// 送信先事業所番号. Asked once the typing pauses (the relay limits how often a person may ask).
import { useEffect, useState } from 'preact/hooks';
import { ApiFailure, searchOffices } from '../../api/client';
import type { Office } from '../../domain/contract';
import { online } from '../app/online';
import { session } from '../app/session';
import { useAsync } from '../common/use-async';
import '../messages/messages.css';

const PAUSE_MS = 350;

export function OfficeSearch({ onPick }: { onPick: (office: Office) => void }) {
  const [typed, setTyped] = useState('');
  const [query, setQuery] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => setQuery(typed.trim()), PAUSE_MS);
    return () => clearTimeout(timer);
  }, [typed]);
  const isOnline = online.value;
  const found = useAsync(() => searchOffices(query), [query], isOnline && query.length > 0);
  const error = found.error ? (found.error instanceof ApiFailure ? found.error.message : '事業所を検索できませんでした') : null;
  // one's own office is never a destination
  const own = session.value?.office?.number;
  const offices = (found.value ?? []).filter((office) => office.number !== own);

  return (
    <details class="office-search">
      <summary>事業所名・事業所番号で送信先を探す</summary>
      <div class="field">
        <label for="office-search-input">事業所名または事業所番号の先頭</label>
        <input
          id="office-search-input"
          type="search"
          value={typed}
          maxLength={60}
          autoComplete="off"
          disabled={!isOnline}
          placeholder="例: さくら、3310"
          aria-describedby="office-search-note"
          onInput={(e) => setTyped(e.currentTarget.value)}
        />
        <p id="office-search-note" class="field-note">
          {isOnline ? '選ぶと送信先事業所番号に入ります' : 'オフラインのため検索できません'}
        </p>
      </div>
      <div role="status" aria-live="polite" class="office-search-results">
        {error && <p class="field-note field-note-error">{error}</p>}
        {query && found.loading && <p class="field-note">検索しています…</p>}
        {query && !found.loading && !error && found.value && offices.length === 0 && <p class="field-note">見つかりませんでした</p>}
        {offices.length > 0 && (
          <ul class="plain office-results">
            {offices.map((office) => (
              <li key={office.number}>
                <button type="button" class="office-result" onClick={() => onPick(office)}>
                  <span class="office-number">{office.number}</span>
                  <span>{office.name}</span>
                  {office.kind && <span class="office-kind">{office.kind}</span>}
                </button>
              </li>
            ))}
          </ul>
        )}
        {offices.length >= 20 && <p class="field-note">20件まで表示しています。もう少し詳しく入力してください</p>}
      </div>
    </details>
  );
}
