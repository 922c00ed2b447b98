import { defineConfig } from 'vitest/config';

// One runner for every layer: *.test.ts (pure), *.db.test.ts (PGlite and PostgreSQL), the web
// console's units (web/src) and its browser journeys (test/console/*.browser.test.ts).
// Coverage is reported on every run; src/domain must stay at or above 95% of lines.
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts', 'web/src/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // Vitest's default is one worker fewer than the cores: one on this 2-core machine, so every
    // file ran after the other while most of them wait on PostgreSQL, a child server or
    // Chromium. Two keep both cores busy; `--maxWorkers=1` on the command line still wins.
    maxWorkers: 2,
    globalSetup: ['./test/support/console-build.global.ts'],
    reporters: ['default', './test/support/summary-reporter.ts'],
    coverage: {
      provider: 'v8',
      include: ['src/**/*.ts'],
      exclude: ['src/**/*.test.ts'],
      reporter: ['text-summary', 'text'],
      thresholds: { 'src/domain/**/*.ts': { lines: 95 } },
    },
  },
});
