// Entry point: render the app, check the session with the server, start the outbox sync.
import './domain/zod-config';
import { render } from 'preact';
import { requestFlush, startPageSync } from './outbox/triggers';
import { checkSession, watchAuthProblems } from './views/app/auth';
import { App } from './views/app/App';
import { followOtherTabs } from './views/app/session';
import { onReconnect } from './views/app/online';
import './styles.css';

watchAuthProblems();
followOtherTabs();
void checkSession();
render(<App />, document.getElementById('app')!);
// Registers the service worker (production builds) and the outbox flush triggers (src/outbox/triggers.ts).
startPageSync();
// the relay answers again after requests failed (navigator.onLine may never have changed)
onReconnect(requestFlush);
