// Entry point: `npm start` runs it compiled (dist-server/main.mjs, scripts/build-server.mjs).
// Reads the environment, starts the relay, prints the demo logins.
import { configFromEnv, isLoopbackHost, type Config } from './config';
import { DEMO_OFFICE_PASSWORD, DEMO_OFFICE_USERS, DEMO_OFFICES, DEMO_PEOPLE, DEMO_PERSON_PASSWORD } from './demo';
import { isEntryPoint } from './entry-point';
import { startServer, type RunningServer } from './server';

export { startServer } from './server';
export type { RunningServer, StartOptions } from './server';

async function main(): Promise<void> {
  const config = configFromEnv();
  const server = await startServer(config);
  console.log(`Renkei relay: ${server.url}  (data: ${config.databaseUrl ? 'PostgreSQL (DATABASE_URL)' : config.dataDir}, app: ${config.staticDir})`);
  if (server.seeded) printDemoLogins(server);
  else if (!config.seedDemo && server.officeCount === 0) {
    console.log('The office directory is empty: add offices and accounts with `npm run admin -- add-office …` (README "Administration"),');
    console.log('or start once with SEED_DEMO=1 for the demo offices and their published passwords (for trying Renkei only).');
  }
  if (!config.tls && !isLoopbackHost(config.host)) {
    console.log('Plain HTTP on the LAN: browsers on other devices withhold the offline start, sending with the app closed and installing. Set TLS_CERT_FILE and TLS_KEY_FILE (docs/https.md).');
  }
  stopCleanlyOn(server, config.shutdownDrainMs, ['SIGINT', 'SIGTERM']);
}

function printDemoLogins(server: RunningServer): void {
  console.log('Demo offices and accounts created (a first local start; SEED_DEMO=0 skips them, README "Demo data"). Logins:');
  console.log(`  ログイン(個人ID) パスワード ${DEMO_PERSON_PASSWORD}、事業所ユーザID パスワード ${DEMO_OFFICE_PASSWORD}`);
  for (const person of DEMO_PEOPLE) {
    for (const number of person.offices) {
      const office = DEMO_OFFICES.find((o) => o.number === number);
      const officeUser = DEMO_OFFICE_USERS.find((u) => u.office === number);
      console.log(`  ${person.userId.padEnd(5)} → ${officeUser?.officeUserId ?? '-'}  ${number} ${office?.name ?? ''}(${office?.kind ?? ''})`);
    }
  }
  console.log(`Open ${server.url} in a browser, log in, and the app asks for the 事業所ユーザID before the first send or receive.`);
}

/**
 * Stops listening, lets the requests under way finish (up to drainMs), closes the store, and says
 * so: an operator (or systemd) sees a clean stop, and a rolling restart cuts no send in the
 * middle. A second signal while draining stops at once.
 */
function stopCleanlyOn(server: RunningServer, drainMs: number, signals: NodeJS.Signals[]): void {
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) {
      console.log(`[renkei] ${signal} received again: stopping at once (${server.inFlight()} ${plural(server.inFlight())} cut)`);
      process.exit(1);
    }
    stopping = true;
    const waiting = server.inFlight();
    const drained = server.close(drainMs);
    console.log(
      waiting > 0
        ? `[renkei] ${signal} received: stopping… no new connections; letting ${waiting} ${plural(waiting)} in flight finish (up to ${drainMs / 1000} s; ${signal} again stops at once)`
        : `[renkei] ${signal} received: stopping…`,
    );
    drained.then(
      ({ cut }) => {
        console.log(cut > 0 ? `[renkei] stopped: ${cut} ${plural(cut)} still running after ${drainMs / 1000} s cut (their clients send them again)` : '[renkei] stopped cleanly');
        process.exit(0);
      },
      (err: unknown) => {
        console.error('[renkei] error while stopping:', err instanceof Error ? err.message : err);
        process.exit(1);
      },
    );
  };
  for (const signal of signals) process.on(signal, () => stop(signal));
}

const plural = (n: number) => (n === 1 ? 'request' : 'requests');

/** What an operator can do about a start that failed: the variable to change, not only the code. */
export function startFailureMessage(err: unknown, config: Pick<Config, 'host' | 'port'> | null): string {
  const code = (err as NodeJS.ErrnoException | null)?.code;
  const where = config ? `${config.host}:${config.port}` : 'the address';
  if (code === 'EADDRINUSE') {
    return `port ${config?.port ?? ''} is already in use (${where}). Another Renkei or program listens there: stop it, or set PORT to a free port (for example PORT=${(config?.port ?? 8080) + 1} npm start).`;
  }
  if (code === 'EACCES') return `not allowed to listen on ${where}: ports below 1024 need extra rights. Set PORT to 1024 or above (for example PORT=8080).`;
  if (code === 'EADDRNOTAVAIL') return `HOST ${config?.host ?? ''} is not an address of this machine. Set HOST to one of its addresses, or 0.0.0.0 for all.`;
  return err instanceof Error ? err.message : String(err);
}

if (isEntryPoint(import.meta.url)) {
  main().catch((err: unknown) => {
    let config: Config | null = null;
    try {
      config = configFromEnv();
    } catch {
      // the environment itself was the problem: the message says which variable
    }
    console.error('[renkei] failed to start:', startFailureMessage(err, config));
    process.exit(1);
  });
}
