// Entry point: render the app, check the session with the server, start the outbox sync.
import './domain/zod-config';
import { render } from 'preact';
import { startPageSync } from './outbox/triggers';
import { checkSession, watchAuthProblems } from './views/app/auth';
import { App } from './views/app/App';
import { followOtherTabs } from './views/app/session';
import './styles.css';

watchAuthProblems();
followOtherTabs();
void checkSession();
render(<App />, document.getElementById('app')!);
// Registers the service worker (production builds) and the outbox flush triggers (src/outbox/triggers.ts).
startPageSync();
