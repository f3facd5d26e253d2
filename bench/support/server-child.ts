// Runs one server in its own process so the load generator does not share its event loop:
//   node --import tsx bench/support/server-child.ts relay|bare <dataDir> [staticDir]
// Prints "READY <url>" and stops when its stdin closes.
import { startServer } from '../../server/main';
import { startBareServer } from './bare-server';

const [kind, dataDir, staticDir] = process.argv.slice(2);
if (!dataDir || (kind !== 'relay' && kind !== 'bare')) {
  console.error('usage: server-child.ts relay|bare <dataDir> [staticDir]');
  process.exit(2);
}

const running =
  kind === 'relay'
    ? await startServer({ port: 0, host: '127.0.0.1', dataDir, staticDir: staticDir ?? `${dataDir}/no-dist`, seedDemo: true })
    : await startBareServer(dataDir);
console.log(`READY ${running.url}`);

process.stdin.resume();
process.stdin.on('end', () => {
  void running.close().then(() => process.exit(0));
});
