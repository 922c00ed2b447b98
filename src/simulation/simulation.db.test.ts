// The simulator runs the real engine and store and must be replayable: the same seed gives the
// same bytes, another seed another report; every run reconciles (ledger, refunds by funder,
// metrics fold, audit chains); a compare runs the same marketplace under a second policy. On
// PGlite, and one small run on PostgreSQL.
import { beforeAll, describe, expect, it } from 'vitest';
import { describePostgres } from '../../test/support/databases.ts';
import { compareReports } from './compare.ts';
import { withParams } from './defaults.ts';
import type { SimulationInput } from './driver.ts';
import { renderHtml } from './html-report.ts';
import { parsePolicy } from './policy-file.ts';
import { reportJson } from './report-json.ts';
import { type RunOutcome, simulate } from './run.ts';

// A small marketplace with disputes made common, so a few hundred orders cover most paths.
const SMALL: SimulationInput = {
  sellers: 6,
  orders: 300,
  days: 10,
  seed: 3,
  policy: {},
  params: withParams({ disputeRate: 0.1, chargebackRate: 0.01 }),
};

describe('simulation [pglite]', () => {
  let first: RunOutcome;
  let again: RunOutcome;
  let otherSeed: RunOutcome;
  let threeDay: RunOutcome;
  beforeAll(async () => {
    first = await simulate(SMALL);
    again = await simulate(SMALL);
    otherSeed = await simulate({ ...SMALL, seed: 4 });
    threeDay = await simulate({ ...SMALL, policy: parsePolicy({ negotiationDays: 3 }) });
  }, 600_000);

  it('gives byte-identical JSON for the same seed, and a different report for another', () => {
    expect(first.report.disputes).toBeGreaterThan(10);
    expect(reportJson(again)).toBe(reportJson(first));
    expect(reportJson(otherSeed)).not.toBe(reportJson(first));
  });

  it('reconciles: ledger, refunds by funder, metrics fold and every chain', () => {
    for (const run of [first, otherSeed, threeDay]) {
      expect(run.reconciliation).toMatchObject({
        ok: true,
        ledgerBalanced: true,
        ledgerTied: true,
        metricsMatch: true,
        chainsIntact: true,
        fundersMatchRulings: true,
      });
      expect(run.reconciliation.disputesVerified).toBe(run.report.disputes);
      expect(run.reconciliation.refundsLedgerMinor).toBe(run.report.refundedTotalMinor);
    }
    // Deadlines really fired through the runner, and arbitrators ruled.
    expect(first.report.deadlineFirings.seller_response ?? 0).toBeGreaterThan(0);
    expect(first.report.how.arbitration ?? 0).toBeGreaterThan(0);
  });

  it('compares two policies on the same marketplace and behaviour', () => {
    // Same orders, same people: the same disputes open; the 3-day window ends negotiation sooner.
    expect(threeDay.report.disputes).toBe(first.report.disputes);
    expect(threeDay.report.orders).toBe(first.report.orders);
    const comparison = compareReports(first.report, threeDay.report);
    const median = comparison.differences.find((d) => d.figure === 'median days to resolution');
    expect(median?.candidate).toBeLessThanOrEqual(median?.base ?? 0);
    expect(comparison.differences.some((d) => d.change !== 0)).toBe(true);
    const html = renderHtml({
      input: { ...SMALL, comparePolicy: { negotiationMs: 3 * 86_400_000 } },
      base: first,
      candidate: threeDay,
      comparison,
    });
    expect(html).toContain('<svg');
    expect(html).toContain('candidate policy');
    expect(html).not.toMatch(/<script|https?:\/\/(?!settle)/);
  });
});

describePostgres('simulation', (url) => {
  it('runs a small marketplace in its own schema and reconciles', async () => {
    const run = await simulate({ ...SMALL, orders: 200, seed: 5 }, { databaseUrl: url });
    expect(run.report.disputes).toBeGreaterThan(0);
    expect(run.reconciliation.ok).toBe(true);
  }, 300_000);
});
