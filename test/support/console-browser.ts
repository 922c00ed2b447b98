// Driving the web console in a real browser: playwright-core with Debian's Chromium
// (/usr/bin/chromium, installed by .ci/run), a real `settle serve` on the virtual clock, an admin
// session that moves the clock and feeds orders, and on every page a watch for console errors and
// failed requests plus an axe-core check. Used by the journeys and by scripts/screenshots.ts.
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { ensureConsoleBuilt } from '../../src/service/console/assets.ts';
import { call, type Headers, type Server, signIn, startServe, stopServe } from './serve-process.ts';

export const CHROMIUM = process.env.SETTLE_CHROMIUM ?? '/usr/bin/chromium';

/** Why the browser tests cannot run here, or undefined when they can. */
export function chromiumMissing(): string | undefined {
  return existsSync(CHROMIUM)
    ? undefined
    : `no Chromium at ${CHROMIUM} (apt-get install chromium, or set SETTLE_CHROMIUM)`;
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    // Root in CI has no user namespace for the sandbox; the pages are our own.
    args: ['--no-sandbox', '--disable-dev-shm-usage', '--disable-gpu'],
  });
}

export interface ConsoleServer {
  readonly url: string;
  readonly admin: Headers;
  /** Moves the virtual clock forward; the deadlines that fall due fire before it answers. */
  advance(days: number, hours?: number): Promise<void>;
  /**
   * A delivered order for a demo buyer at a demo store, ready for a dispute; with a channel, its
   * outbound shipment too (platform logistics or the seller's own).
   */
  deliveredOrder(o: {
    id: string;
    buyer: string;
    seller: string;
    minor: string;
    currency: string;
    country?: string;
    channel?: 'platform' | 'seller';
  }): Promise<void>;
  /** The server's time (the virtual clock), in ms. */
  now(): Promise<number>;
  /** An API call as the admin or the first demo arbitrator; fails on anything but 2xx. */
  call(
    who: 'admin' | 'arbitrator',
    method: string,
    path: string,
    body?: unknown,
  ): Promise<{ status: number; body: unknown }>;
  stop(): Promise<void>;
}

export async function startConsoleServer(): Promise<ConsoleServer> {
  // Built here, once, so the server does not build while the clock of a test runs.
  await ensureConsoleBuilt();
  const dataDir = await mkdtemp(join(tmpdir(), 'settle-console-'));
  let server: Server | undefined;
  try {
    server = await startServe(
      {
        SETTLE_DATA_DIR: dataDir,
        SETTLE_CLOCK: 'virtual',
        LOG_LEVEL: 'info',
        SETTLE_RUNNER_POLL_MS: '200',
      },
      400_000,
    );
  } catch (error) {
    await rm(dataDir, { recursive: true, force: true });
    throw error;
  }
  const url = server.url.replace('0.0.0.0', '127.0.0.1');
  const admin = await signIn(url, 'admin@settle.example', 'demo-password');
  let arbitrator: Headers | undefined;
  const now = async () => {
    const r = await fetch(`${url}/v1/session`, { headers: admin });
    return Date.parse(r.headers.get('settle-now') ?? new Date().toISOString());
  };
  const must = async (method: string, path: string, body: unknown, as = admin) => {
    const a = await call(url, method, path, as, body);
    if (a.status >= 300)
      throw new Error(`${method} ${path}: ${a.status} ${JSON.stringify(a.body)}`);
    return a;
  };
  const running = server;
  return {
    url,
    admin,
    advance: async (days, hours = 0) => {
      await must('POST', '/v1/clock/advance', { days, hours });
    },
    deliveredOrder: async (o) => {
      const at = await now();
      const country = o.country ?? (o.currency === 'USD' ? 'US' : 'DE');
      await must('PUT', `/v1/orders/${o.id}`, {
        sellerId: o.seller,
        buyerId: o.buyer,
        buyerCountry: country,
        amountPaid: { minor: o.minor, currency: o.currency },
        paidAt: new Date(at - 10 * 86_400_000).toISOString(),
        items: [
          {
            sku: `${o.id}-sku`,
            title: 'Desk lamp',
            quantity: 1,
            unitPrice: { minor: o.minor, currency: o.currency },
          },
        ],
      });
      if (o.channel !== undefined)
        await must('PUT', `/v1/shipments/${o.id}-out`, {
          orderId: o.id,
          channel: o.channel,
          carrier: 'Cainiao',
          trackingNumber: `LP-${o.id}`,
          at: new Date(at - 8 * 86_400_000).toISOString(),
        });
      await must('POST', `/v1/orders/${o.id}/status`, {
        status: 'delivered',
        at: new Date(at - 86_400_000).toISOString(),
      });
    },
    now,
    call: async (who, method, path, body) => {
      if (who === 'arbitrator' && arbitrator === undefined)
        arbitrator = await signIn(url, 'arbitrator@settle.example', 'demo-password');
      const a = await must(method, path, body, who === 'admin' ? admin : arbitrator);
      return { status: a.status, body: a.body };
    },
    stop: async () => {
      await stopServe(running, 'SIGTERM');
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** What went wrong on a page that no journey intended: console errors and failed requests. */
export interface Watch {
  readonly problems: string[];
  /** A refusal the journey provokes on purpose (its 4xx shows as a console error). */
  expect(urlPart: string, status: number): void;
}

export function watch(page: Page): Watch {
  const problems: string[] = [];
  const expected: { urlPart: string; status: number }[] = [];
  const intended = (text: string, url: string) =>
    expected.some((e) => url.includes(e.urlPart) && text.includes(String(e.status)));
  page.on('console', (m) => {
    if (m.type() !== 'error') return;
    const url = m.location().url ?? '';
    if (!intended(m.text(), url)) problems.push(`console: ${m.text()} (${url})`);
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('requestfailed', (r) => {
    // A poll cut short by navigating away is not a failure.
    if (r.failure()?.errorText !== 'net::ERR_ABORTED')
      problems.push(`request failed: ${r.method()} ${r.url()} ${r.failure()?.errorText}`);
  });
  page.on('response', (r) => {
    if (
      r.status() >= 400 &&
      !expected.some((e) => r.url().includes(e.urlPart) && r.status() === e.status)
    )
      problems.push(`response ${r.status()}: ${r.request().method()} ${r.url()}`);
  });
  return { problems, expect: (urlPart, status) => expected.push({ urlPart, status }) };
}

export async function newPage(
  browser: Browser,
  options: { locale?: string; phone?: boolean } = {},
): Promise<{ context: BrowserContext; page: Page; watch: Watch }> {
  const context = await browser.newContext({
    locale: options.locale ?? 'en-US',
    viewport: options.phone === true ? { width: 390, height: 844 } : { width: 1280, height: 900 },
    ...(options.phone === true ? { isMobile: true, hasTouch: true, deviceScaleFactor: 2 } : {}),
  });
  context.setDefaultTimeout(45_000);
  const page = await context.newPage();
  return { context, page, watch: watch(page) };
}

/** Signs in from the sign-in page by picking the demo account by its name. */
export async function signInAs(page: Page, url: string, name: string): Promise<void> {
  await page.goto(`${url}/`);
  await page.getByTestId('demo-account').filter({ hasText: name }).getByRole('button').click();
  await page.getByRole('button', { name: /Sign out|退出登录/ }).waitFor();
}

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** axe-core on the page as it is: the serious and critical violations, as readable lines. */
export async function axeViolations(page: Page): Promise<string[]> {
  // Evaluated through the DevTools protocol: the console's CSP (rightly) refuses inline scripts.
  await page.evaluate(AXE);
  // A string: this file is compiled for Node, without the DOM's types.
  const result = (await page.evaluate('axe.run()')) as {
    violations: { id: string; impact: string; help: string; nodes: { target: string[] }[] }[];
  };
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.impact} ${v.id}: ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
    );
}

/** A page is clean: no console error or failed request so far and, unless told, no serious axe finding. */
export async function expectClean(page: Page, w: Watch, label: string, axe = true): Promise<void> {
  const { expect } = await import('vitest');
  if (axe) expect(await axeViolations(page), `axe: ${label}`).toEqual([]);
  expect(w.problems, label).toEqual([]);
}

/**
 * Whether a browser test file runs: when Chromium is here, and always under CI=true (where its
 * absence then fails the file instead of skipping it). `suffix` names the reason when it skips.
 */
export function consoleGate(): {
  readonly run: boolean;
  readonly missing?: string;
  readonly suffix: string;
} {
  const missing = chromiumMissing();
  return {
    run: missing === undefined || process.env.CI === 'true',
    ...(missing === undefined ? {} : { missing }),
    suffix: missing === undefined ? '' : ` (${missing})`,
  };
}

/** A first start migrates and seeds the demo: minutes on a busy two-core machine. */
export const CONSOLE_START_MS = 480_000;
