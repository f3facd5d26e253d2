// vitest's global setup: the relay compiled once before the tests that start it as a process
// (spawnRelay, the admin CLI), so parallel test files do not each find it stale and build it.
import { buildServerAndSay } from '../../scripts/build-server.mjs';

export default async function setup(): Promise<void> {
  await buildServerAndSay({ quiet: true });
}
