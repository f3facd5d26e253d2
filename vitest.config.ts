import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/server/**/*.test.ts'],
    // worker threads start faster than forked processes; nothing here needs a process of its own
    // (the relay runs in-process through app.request, or is spawned by tests/support/relay.ts)
    pool: 'threads',
    // the machine has 2 cores
    maxWorkers: 2,
    testTimeout: 30_000,
    globalSetup: ['tests/support/build-server.ts'],
  },
});
