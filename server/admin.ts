// Admin CLI: `npm run admin -- <command>`, on the store of DATA_DIR (or DATABASE_URL), also while
// the server runs (SQLite in WAL mode). The commands are in server/admin/commands.ts.
import { runAdmin } from './admin/commands';
import { runCopyToPostgres } from './admin/copy-to-postgres';
import { configFromEnv } from './config';
import { openStore } from './db';

const config = configFromEnv();
const argv = process.argv.slice(2);
const io = { out: (line: string) => console.log(line), err: (line: string) => console.error(line) };
if (argv[0] === 'copy-to-postgres') {
  // two databases, not the one the other commands work on
  process.exitCode = await runCopyToPostgres(config, argv.slice(1), io);
} else {
  const store = await openStore(config);
  try {
    process.exitCode = await runAdmin(store, argv, io);
  } finally {
    await store.close();
  }
}
