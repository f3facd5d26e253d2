// Entry point: `tsx server/main.ts`. Reads the environment, starts the relay, prints the demo logins.
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { configFromEnv } from './config';
import { DEMO_OFFICE_PASSWORD, DEMO_OFFICE_USERS, DEMO_OFFICES, DEMO_PEOPLE, DEMO_PERSON_PASSWORD } from './demo';
import { startServer } from './server';

export { startServer } from './server';
export type { RunningServer, StartOptions } from './server';

async function main(): Promise<void> {
  const config = configFromEnv();
  const server = await startServer(config);
  console.log(`Renkei relay: ${server.url}  (data: ${config.dataDir}, app: ${config.staticDir})`);
  if (config.seedDemo) {
    console.log(server.seeded ? 'Demo directory created. Logins:' : 'Demo logins (unless changed with the admin CLI):');
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
  const stop = () => {
    server.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

function isEntryPoint(): boolean {
  const argv1 = process.argv[1];
  if (!argv1) return false;
  try {
    return realpathSync(argv1) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (isEntryPoint()) {
  main().catch((err) => {
    console.error('[renkei] failed to start:', err instanceof Error ? err.message : err);
    process.exit(1);
  });
}
