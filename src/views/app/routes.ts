// Every screen's address in one table: its hash, whether it needs the 事業所ユーザログイン, its
// name in the menu, and the one way to write a link to it (`to`). Nothing else spells a hash.
import type { Box } from '../../domain/contract';
import type { Route } from './router';

export const SCREENS = {
  top: { label: 'トップ', needsOffice: false },
  received: { label: '受信一覧', needsOffice: true },
  sent: { label: '送信一覧', needsOffice: true },
  compose: { label: '新規作成', needsOffice: true },
  /** drafts belong to the person and the office (src/db/owner.ts): the office login comes first */
  drafts: { label: '下書き一覧', needsOffice: true },
  batch: { label: '一括送信', needsOffice: true },
  /** the month's 送受信記録 (#/records?month=YYYYMM) */
  records: { label: '送受信記録', needsOffice: true },
  /** one message's detail: #/messages/<id>?box=sent|received */
  messages: { label: 'メッセージ', needsOffice: true },
  /** 予定 ⇄ 実績 for a 対象年月: #/monthly?month=YYYYMM */
  monthly: { label: '月次チェック', needsOffice: true },
  /** 予定 ⇄ 実績 of one person: #/compare?month=…&care=…&provider=…&insurer=…&insured=… */
  compare: { label: '予定 ⇄ 実績', needsOffice: true },
  /** the person's own password (from トップ's アカウント) */
  password: { label: 'パスワード変更', needsOffice: false },
} as const;

export type Screen = keyof typeof SCREENS;

/** Screens with an address of their own (a message's detail needs its id, 予定 ⇄ 実績 its person). */
export type PlainScreen = Exclude<Screen, 'messages' | 'compare'>;

export const isPlainScreen = (screen: Screen): screen is PlainScreen => screen !== 'messages' && screen !== 'compare';

/** The main menu, in order. */
export const MENU: readonly PlainScreen[] = ['top', 'received', 'sent', 'compose', 'drafts', 'batch', 'monthly', 'records'];

const hash = (path: string) => `#${path}`;

/** Links (and navigate/redirect targets), each '#/…'. */
export const to = {
  login: () => hash('/login'),
  /** `next`: the hash to come back to once logged in */
  officeLogin: (next?: string) => hash(next ? `/office-login?next=${encodeURIComponent(`/${next.replace(/^#?\/?/, '')}`)}` : '/office-login'),
  screen: (screen: PlainScreen) => hash(`/${screen}`),
  top: () => hash('/top'),
  /** `query`: the list's filters and order as URL parameters */
  list: (box: Box, query = '') => hash(`${box === 'sent' ? '/sent' : '/received'}${query ? `?${query}` : ''}`),
  records: (month?: string) => hash(month ? `/records?month=${month}` : '/records'),
  compose: (from?: { draft: string } | { batchRow: string }) =>
    hash(!from ? '/compose' : 'draft' in from ? `/compose?draft=${encodeURIComponent(from.draft)}` : `/compose?batchRow=${encodeURIComponent(from.batchRow)}`),
  batch: () => hash('/batch'),
  password: () => hash('/password'),
  message: (id: string, box: Box) => hash(`/messages/${encodeURIComponent(id)}?box=${box}`),
  monthly: (month?: string) => hash(month ? `/monthly?month=${encodeURIComponent(month)}` : '/monthly'),
  compare: (k: { month: string; care: string; provider: string; insurer: string; insured: string }) =>
    hash(`/compare?${new URLSearchParams({ month: k.month, care: k.care, provider: k.provider, insurer: k.insurer, insured: k.insured }).toString()}`),
};

/** The screen a route names: 'login' and 'office-login' are the gates, null an unknown address. */
export function screenOf(route: Route): Screen | 'login' | 'office-login' | null {
  const first = route.segments[0] ?? 'top';
  if (first === 'login' || first === 'office-login') return first;
  return isScreen(first) ? first : null;
}

function isScreen(name: string): name is Screen {
  return Object.hasOwn(SCREENS, name);
}

/** The box a message detail was opened from (sent unless it says received). */
export function boxOf(route: Route): Box {
  return route.params.get('box') === 'received' ? 'received' : 'sent';
}

/** Where to go after the 事業所ユーザログイン: the screen that asked for it, else トップ. */
export function afterOfficeLogin(route: Route): string {
  const next = route.params.get('next');
  return next && next.startsWith('/') && !next.startsWith('/office-login') ? hash(next) : to.top();
}
