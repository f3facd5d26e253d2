// The shell: picks the screen for the hash route (routes.ts), sends people to ログイン or
// 事業所ユーザログイン first when the screen needs it.
import type { VNode } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { LoginView } from '../login/LoginView';
import { OfficeLoginView } from '../login/OfficeLoginView';
import { TopView } from '../top/TopView';
import { lazyScreen } from './lazy';
import { AppNotices } from './AppNotices';
import { Nav } from './Nav';
import { visibleNotice } from './notice';
import { redirect, route, type Route } from './router';
import { boxOf, isPlainScreen, SCREENS, screenOf, to, type Screen } from './routes';
import { session } from './session';

// The gates and トップ are in the first download; every other screen is a chunk of its own,
// fetched on first use (and precached by the service worker, so it opens offline too).
const MessageListView = lazyScreen(() => import('../messages/MessageListView').then((m) => m.MessageListView));
const MessageDetailView = lazyScreen(() => import('../messages/MessageDetailView').then((m) => m.MessageDetailView));
const ComposeView = lazyScreen(() => import('../compose/ComposeView').then((m) => m.ComposeView));
const DraftsView = lazyScreen(() => import('../drafts/DraftsView').then((m) => m.DraftsView));
const BatchView = lazyScreen(() => import('../batch/BatchView').then((m) => m.BatchView));
const MonthlyCheckView = lazyScreen(() => import('../reconcile/MonthlyCheckView').then((m) => m.MonthlyCheckView));
const PersonCompareView = lazyScreen(() => import('../reconcile/PersonCompareView').then((m) => m.PersonCompareView));
const PasswordView = lazyScreen(() => import('../top/PasswordView').then((m) => m.PasswordView));
const RecordsView = lazyScreen(() => import('../records/RecordsView').then((m) => m.RecordsView));

/** Every screen of the route table, drawn from its route. */
const SCREEN_VIEWS: Record<Screen, (current: Route) => VNode> = {
  top: () => <TopView />,
  received: (current) => <MessageListView key="received" box="received" query={current.params.toString()} />,
  sent: (current) => <MessageListView key="sent" box="sent" query={current.params.toString()} />,
  compose: (current) => <ComposeView key={current.visit} draftId={current.params.get('draft')} batchRowId={current.params.get('batchRow')} />,
  drafts: () => <DraftsView />,
  batch: () => <BatchView />,
  records: (current) => <RecordsView key="records" month={current.params.get('month')} />,
  messages: (current) => <MessageDetailView key={current.raw} id={current.segments[1] ?? ''} box={boxOf(current)} />,
  monthly: (current) => <MonthlyCheckView key={current.raw} month={current.params.get('month')} />,
  compare: (current) => <PersonCompareView key={current.raw} params={current.params} />,
  password: () => <PasswordView />,
};

type Gate = { kind: 'login' } | { kind: 'office-login' } | { kind: 'screen'; screen: Screen };

function gateFor(current: Route): Gate {
  const screen = screenOf(current);
  const who = session.value;
  if (!who) return { kind: 'login' };
  if (screen === 'office-login') return who.office ? { kind: 'screen', screen: 'top' } : { kind: 'office-login' };
  if (screen === null || screen === 'login') return { kind: 'screen', screen: 'top' };
  if (SCREENS[screen].needsOffice && !who.office) return { kind: 'office-login' };
  return { kind: 'screen', screen };
}

/** The hash that matches what is shown, so reload and 戻る keep working; null when it already does. */
function canonicalHash(gate: Gate, current: Route): string | null {
  const screen = screenOf(current);
  if (gate.kind === 'login') return screen === 'login' ? null : to.login();
  if (gate.kind === 'office-login') return screen === 'office-login' ? null : to.officeLogin(current.raw);
  return gate.screen === screen || !isPlainScreen(gate.screen) ? null : to.screen(gate.screen);
}

export function App() {
  const current = route.value;
  const gate = gateFor(current);
  const fix = canonicalHash(gate, current);

  useEffect(() => {
    if (fix) redirect(fix);
  }, [fix]);

  useFocusOnMove(gate.kind === 'screen' ? current.visit : null);
  const title = titleOf(gate, current);
  useEffect(() => {
    document.title = `${title} - Renkei ケアプランデータ連携`;
  }, [title]);

  if (gate.kind === 'login') return <LoginView />;
  if (gate.kind === 'office-login') return <OfficeLoginView />;
  const notice = visibleNotice.value;
  return (
    <div class="app">
      <Nav />
      <main id="main" class="content">
        <AppNotices />
        {notice && <p class={`notice notice-${notice.tone}`} role="status">{notice.text}</p>}
        {SCREEN_VIEWS[gate.screen](current)}
      </main>
    </div>
  );
}

/** The tab's title: each screen its own, so tabs, history and bookmarks tell them apart. */
function titleOf(gate: Gate, current: Route): string {
  if (gate.kind === 'login') return 'ログイン';
  if (gate.kind === 'office-login') return '事業所ユーザログイン';
  if (gate.screen === 'messages') return boxOf(current) === 'received' ? '受信メッセージ' : '送信メッセージ';
  if (gate.screen === 'compose' && current.params.get('batchRow')) return '一括送信の編集';
  return SCREENS[gate.screen].label;
}

/**
 * After a move to another screen: back to the top, and the focus on the new screen's heading,
 * so keyboard and screen reader users start there rather than on the menu link they pressed.
 * Not on the first screen after loading, which keeps the browser's own start; the screen a login
 * form gave way to is a move (the form that had the focus is gone).
 */
function useFocusOnMove(visit: number | null) {
  const first = useRef(true);
  useEffect(() => {
    if (visit === null) {
      first.current = false;
      return;
    }
    if (first.current) {
      first.current = false;
      return;
    }
    window.scrollTo(0, 0);
    const main = document.getElementById('main');
    if (!main) return;
    const focus = (target: HTMLElement) => {
      target.tabIndex = -1;
      target.focus({ preventScroll: true });
    };
    const heading = main.querySelector<HTMLElement>('h1');
    if (heading) return focus(heading);
    // a screen still loading (新規作成 reads its autosave first) shows its heading a moment later
    focus(main);
    const waiting = new MutationObserver(() => {
      const shown = main.querySelector<HTMLElement>('h1');
      if (!shown) return;
      waiting.disconnect();
      if (document.activeElement === main) focus(shown);
    });
    waiting.observe(main, { childList: true, subtree: true });
    const giveUp = setTimeout(() => waiting.disconnect(), 5_000);
    return () => {
      clearTimeout(giveUp);
      waiting.disconnect();
    };
  }, [visit]);
}
