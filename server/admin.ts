// Admin CLI: `npm run admin -- <command>`, on the store of DATA_DIR (or DATABASE_URL), also while
// the server runs (SQLite in WAL mode). The commands are in server/admin/commands.ts.
import { runAdmin } from './admin/commands';
import { configFromEnv } from './config';
import { openStore } from './db';

const store = await openStore(configFromEnv());
try {
  process.exitCode = await runAdmin(store, process.argv.slice(2), {
    out: (line) => console.log(line),
    err: (line) => console.error(line),
  });
} finally {
  await store.close();
}
