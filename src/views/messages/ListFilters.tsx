// 絞り込み・並び替え of 送信一覧 / 受信一覧: a search box, 状況 and 並び順 always in view, the rest
// (相手先, ファイル種別, 対象年月, 期間) under 詳しい条件. Applied with 絞り込む (or Enter); the
// selects and the 対象年月 control (◀ 前月 / 翌月 ▶, 年・月, 指定なし) apply at once.
import { useEffect, useState } from 'preact/hooks';
import type { Box } from '../../domain/contract';
import { hasFilter, KIND_GROUP_IDS, KIND_GROUPS, type KindGroup, type ListFilter, type ListSort, type ListStatus } from '../../domain/mailbox';
import { MonthPicker } from '../common/MonthPicker';
import { dateOfEnd, dateOfStart, dayEnd, dayStart, type ListView } from './list-query';

const LAST_DAY = '9999-12-31';

interface ListFiltersProps {
  box: Box;
  view: ListView;
  onApply: (view: ListView) => void;
}

const SORTS: Record<ListSort, string> = { newest: '新しい順', oldest: '古い順', office: '相手先の事業所番号順' };

/**
 * The control that applied the filters at once: the form is drawn anew for the new address, and
 * the focus goes back to it (or to `fallback` when it is gone, as 指定なしにする is), so ◀ 前月
 * can be pressed again and again from the keyboard.
 */
let refocus: { id: string; fallback: string } | null = null;
/** 詳しい条件 stays open while it is used, a condition cleared in it included (指定なしにする) */
let moreOpen = false;
const rememberFocus = (fallback: string) => {
  const id = document.activeElement instanceof HTMLElement ? document.activeElement.id : '';
  refocus = id ? { id, fallback } : null;
};

export function ListFilters({ box, view, onApply }: ListFiltersProps) {
  const f = view.filter;
  const [q, setQ] = useState(f.q ?? '');
  const [office, setOffice] = useState(f.office ?? '');
  const [kinds, setKinds] = useState<KindGroup[]>(f.kinds ?? []);
  const [month, setMonth] = useState<string | null>(f.month ?? null);
  const [from, setFrom] = useState(dateOfStart(f.from));
  const [to, setTo] = useState(dateOfEnd(f.to));
  const detailed = Boolean(f.office || f.kinds?.length || f.month || f.from || f.to);
  useEffect(() => {
    if (!refocus) return;
    (document.getElementById(refocus.id) ?? document.getElementById(refocus.fallback))?.focus();
    refocus = null;
  }, []);

  const typed = (): ListFilter => {
    const next: ListFilter = {};
    if (f.status) next.status = f.status;
    if (q.trim()) next.q = q.trim();
    if (office.trim()) next.office = office.trim();
    if (kinds.length > 0) next.kinds = KIND_GROUP_IDS.filter((g) => kinds.includes(g));
    if (month) next.month = month;
    const start = dayStart(from);
    if (start) next.from = start;
    const end = dayEnd(to);
    if (end) next.to = end;
    return next;
  };
  const apply = (event: Event) => {
    event.preventDefault();
    onApply({ filter: typed(), sort: view.sort });
  };
  const pickMonth = (picked: string | null) => {
    rememberFocus(id('month-year'));
    setMonth(picked);
    const next = typed();
    if (picked) next.month = picked;
    else delete next.month;
    onApply({ filter: next, sort: view.sort });
  };
  const setStatus = (status: string) => {
    rememberFocus(id('status'));
    const next = typed();
    if (status) next.status = status as ListStatus;
    else delete next.status;
    onApply({ filter: next, sort: view.sort });
  };
  const clear = () => {
    setQ('');
    setOffice('');
    setKinds([]);
    setMonth(null);
    setFrom('');
    setTo('');
    onApply({ filter: {}, sort: view.sort });
  };
  const toggleKind = (group: KindGroup, on: boolean) => setKinds((current) => (on ? [...current, group] : current.filter((g) => g !== group)));
  const id = (name: string) => `${box}-filter-${name}`;

  return (
    <form class="list-filters" role="search" aria-label={box === 'sent' ? '送信一覧の絞り込み' : '受信一覧の絞り込み'} onSubmit={apply}>
      <div class="filter-row">
        <div class="filter-field filter-search">
          <label for={id('q')}>検索</label>
          <input id={id('q')} type="search" value={q} maxLength={100} placeholder="ファイル名・メッセージ" onInput={(e) => setQ(e.currentTarget.value)} />
        </div>
        <div class="filter-field">
          <label for={id('status')}>状況</label>
          <select id={id('status')} value={f.status ?? ''} onChange={(e) => setStatus(e.currentTarget.value)}>
            <option value="">すべて</option>
            <option value="未">未</option>
            <option value="済">済</option>
            <option value="取消">取消</option>
          </select>
        </div>
        <div class="filter-field">
          <label for={id('sort')}>並び順</label>
          <select id={id('sort')} value={view.sort} onChange={(e) => {
            rememberFocus(id('sort'));
            onApply({ filter: typed(), sort: e.currentTarget.value as ListSort });
          }}>
            {Object.entries(SORTS).map(([value, label]) => (
              <option key={value} value={value}>{label}</option>
            ))}
          </select>
        </div>
        <div class="filter-buttons">
          <button type="submit" class="primary">絞り込む</button>
          {(hasFilter(f) || q || office || kinds.length > 0 || month || from || to) && (
            <button type="button" onClick={clear}>条件をクリア</button>
          )}
        </div>
      </div>
      <details class="filter-more" open={detailed || moreOpen} onToggle={(e) => (moreOpen = e.currentTarget.open)}>
        <summary>詳しい条件(相手先・ファイル種別・対象年月・期間)</summary>
        <div class="filter-grid">
          <div class="filter-field">
            <label for={id('office')}>相手先</label>
            <input id={id('office')} value={office} maxLength={60} placeholder="番号の先頭 または 名前" autoComplete="off" onInput={(e) => setOffice(e.currentTarget.value)} />
          </div>
          <MonthPicker id={id('month')} class="filter-month" month={month} onPick={pickMonth} optional />
          <div class="filter-field filter-period">
            <label for={id('from')}>期間(送信日)</label>
            <div class="period-inputs">
              {/* max: Chromium's year box takes up to 6 digits and does not move on after 4, so
                  20261101 typed at a stretch became the year 202611; with a 4-digit max it moves on */}
              <input id={id('from')} type="date" max={LAST_DAY} value={from} onInput={(e) => setFrom(e.currentTarget.value)} />
              <span aria-hidden="true">〜</span>
              <input id={id('to')} type="date" max={LAST_DAY} aria-label="期間(送信日)まで" value={to} onInput={(e) => setTo(e.currentTarget.value)} />
            </div>
          </div>
          <fieldset class="filter-kinds">
            <legend>ファイル種別</legend>
            {KIND_GROUP_IDS.map((group) => (
              <label key={group} class="check-label">
                <input type="checkbox" checked={kinds.includes(group)} onChange={(e) => toggleKind(group, e.currentTarget.checked)} />
                {KIND_GROUPS[group]}
              </label>
            ))}
          </fieldset>
        </div>
      </details>
    </form>
  );
}
