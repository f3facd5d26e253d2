// Entry point: render the app, check the session with the server, start the outbox sync.
// first: the page owns the database's upgrades (before anything opens it)
import './db/page-upgrades';
import { render } from 'preact';
import { requestFlush, startPageSync } from './outbox/triggers';
import { checkSession, watchAuthProblems } from './views/app/auth';
import { App } from './views/app/App';
import { watchInstallPrompt } from './views/app/install';
import { followOtherTabs } from './views/app/session';
import { onReconnect } from './views/app/online';
import { startUpdates } from './views/app/updates';
import { startCountsWatch } from './views/app/counts';
import './styles.css';
import './print.css';

watchAuthProblems();
followOtherTabs();
// before anything else: the browser may offer the install prompt as soon as the page loads
watchInstallPrompt();
void checkSession();
render(<App />, document.getElementById('app')!);
// the outbox flush triggers (src/outbox/triggers.ts), then the service worker and its updates
startPageSync();
startUpdates();
// the relay answers again after requests failed (navigator.onLine may never have changed)
onReconnect(requestFlush);
// 未 counts for the menu, トップ and the icon badge: on focus, every minute, by periodic sync
startCountsWatch();
