import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/server/**/*.test.ts'],
    // the machine has 2 cores; server tests each start a real server
    maxWorkers: 2,
    testTimeout: 30_000,
  },
});
