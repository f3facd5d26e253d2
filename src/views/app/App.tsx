// The shell: picks the screen for the hash route, sends people to ログイン or
// 事業所ユーザログイン first when the screen needs it.
import { useEffect, useRef } from 'preact/hooks';
import { BatchView } from '../batch/BatchView';
import { ComposeView } from '../compose/ComposeView';
import { DraftsView } from '../drafts/DraftsView';
import { LoginView } from '../login/LoginView';
import { OfficeLoginView } from '../login/OfficeLoginView';
import { MessageDetailView } from '../messages/MessageDetailView';
import { MessageListView } from '../messages/MessageListView';
import { TopView } from '../top/TopView';
import { Nav } from './Nav';
import { visibleNotice } from './notice';
import { redirect, route, type Route } from './router';
import { session } from './session';

/** Screens that send or receive: they need the 事業所ユーザログイン of this session. */
const NEEDS_OFFICE = new Set(['received', 'sent', 'compose', 'batch', 'messages']);
const KNOWN = new Set(['top', 'drafts', ...NEEDS_OFFICE]);

type Gate = { kind: 'login' } | { kind: 'office-login' } | { kind: 'screen'; screen: string };

function gateFor(current: Route): Gate {
  const screen = current.segments[0] ?? 'top';
  const who = session.value;
  if (!who) return { kind: 'login' };
  if (screen === 'office-login') return who.office ? { kind: 'screen', screen: 'top' } : { kind: 'office-login' };
  if (!KNOWN.has(screen)) return { kind: 'screen', screen: 'top' };
  if (NEEDS_OFFICE.has(screen) && !who.office) return { kind: 'office-login' };
  return { kind: 'screen', screen };
}

/** The hash that matches what is shown, so reload and 戻る keep working. */
function canonicalHash(gate: Gate, current: Route): string | null {
  const screen = current.segments[0] ?? 'top';
  if (gate.kind === 'login') return screen === 'login' ? null : '/login';
  if (gate.kind === 'office-login') return screen === 'office-login' ? null : `/office-login?next=${encodeURIComponent('/' + current.raw.replace(/^\//, ''))}`;
  return gate.screen === screen ? null : `/${gate.screen}`;
}

export function App() {
  const current = route.value;
  const gate = gateFor(current);
  const fix = canonicalHash(gate, current);

  useEffect(() => {
    if (fix) redirect(fix);
  }, [fix]);

  useFocusOnMove(gate.kind === 'screen' ? current.visit : null);

  if (gate.kind === 'login') return <LoginView />;
  if (gate.kind === 'office-login') return <OfficeLoginView />;
  const notice = visibleNotice.value;
  return (
    <div class="app">
      <Nav />
      <main id="main" class="content">
        {notice && <p class="notice" role="status">{notice}</p>}
        <Screen screen={gate.screen} current={current} />
      </main>
    </div>
  );
}

function Screen({ screen, current }: { screen: string; current: Route }) {
  switch (screen) {
    case 'received':
      return <MessageListView box="received" />;
    case 'sent':
      return <MessageListView box="sent" />;
    case 'compose':
      return <ComposeView key={current.visit} draftId={current.params.get('draft')} batchRowId={current.params.get('batchRow')} />;
    case 'drafts':
      return <DraftsView />;
    case 'batch':
      return <BatchView />;
    case 'messages':
      return <MessageDetailView key={current.raw} id={current.segments[1] ?? ''} box={current.params.get('box') === 'received' ? 'received' : 'sent'} />;
    default:
      return <TopView />;
  }
}

/**
 * After a move to another screen: back to the top, and the focus on the new screen's heading,
 * so keyboard and screen reader users start there rather than on the menu link they pressed.
 * Not on the first screen after loading, which keeps the browser's own start.
 */
function useFocusOnMove(visit: number | null) {
  const first = useRef(true);
  useEffect(() => {
    if (visit === null) return;
    if (first.current) {
      first.current = false;
      return;
    }
    window.scrollTo(0, 0);
    const main = document.getElementById('main');
    const heading = main?.querySelector<HTMLElement>('h1') ?? main;
    if (!heading) return;
    heading.tabIndex = -1;
    heading.focus({ preventScroll: true });
  }, [visit]);
}
