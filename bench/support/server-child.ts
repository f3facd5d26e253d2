// The bare node:http baseline in its own process (the relay runs through tests/support/relay.ts):
//   node --import tsx bench/support/server-child.ts <dataDir>
// Prints "READY <url>" and stops when its stdin closes.
import { startBareServer } from './bare-server';

const [dataDir] = process.argv.slice(2);
if (!dataDir) {
  console.error('usage: server-child.ts <dataDir>');
  process.exit(2);
}

const running = await startBareServer(dataDir);
console.log(`READY ${running.url}`);

process.stdin.resume();
process.stdin.on('end', () => {
  void running.close().then(() => process.exit(0));
});
