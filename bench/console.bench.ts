// Web console benchmark (issue 11): what a first visit costs and how fast a dispute appears.
// - console.first_page_js_gzip_kb: the JavaScript a browser loads for the sign-in page and the
//   first page after signing in (a buyer's orders, a seller's inbox; the larger of the two),
//   each script gzipped here at level 9, summed. Target <= 300 KB.
// - console.dispute_lcp_ms: the largest contentful paint of a dispute page (demo-dispute-1,
//   signed in as its seller), loaded fresh in a new tab, from PerformanceObserver
//   'largest-contentful-paint'; the median of several loads. Target <= 1000 ms on localhost.
// Chromium (/usr/bin/chromium) via playwright-core against a real `settle serve` on the virtual
// clock with the demo data. Reports, never asserts; run alone with
// `node --import tsx bench/console.bench.ts [--quick]`.
import { gzipSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import {
  chromiumMissing,
  launchBrowser,
  newPage,
  signInAs,
  startConsoleServer,
} from '../test/support/console-browser.ts';
import { ceilingFigure, emit, type Figure, QUICK } from './figures.ts';

const LCP_LOADS = QUICK ? 3 : 9;
const JS_TARGET_KB = 300;
const LCP_TARGET_MS = 1000;

function median(xs: readonly number[]): number {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

/** The gzipped bytes of every script the page loads while `visit` runs, by URL. */
async function scriptsDuring(page: Page, visit: () => Promise<void>): Promise<Map<string, number>> {
  const sizes = new Map<string, number>();
  const pending: Promise<void>[] = [];
  page.on('response', (r) => {
    if (r.request().resourceType() !== 'script' || sizes.has(r.url())) return;
    sizes.set(r.url(), 0);
    pending.push(
      r
        .body()
        .then((body) => void sizes.set(r.url(), gzipSync(body, { level: 9 }).length))
        .catch(() => undefined),
    );
  });
  await visit();
  await page.waitForLoadState('networkidle');
  await Promise.all(pending);
  return sizes;
}

async function firstPageJs(browser: Browser, url: string, name: string) {
  const p = await newPage(browser);
  const sizes = await scriptsDuring(p.page, () => signInAs(p.page, url, name));
  await p.context.close();
  return [...sizes.values()].reduce((a, b) => a + b, 0) / 1024;
}

// Runs in the page before any of its scripts: keeps the latest LCP candidate's time.
const OBSERVE_LCP = `window.__lcp = -1;
new PerformanceObserver((list) => {
  for (const e of list.getEntries()) window.__lcp = e.startTime;
}).observe({ type: 'largest-contentful-paint', buffered: true });`;

async function disputeLcp(browser: Browser, url: string): Promise<number[]> {
  const p = await newPage(browser);
  await signInAs(p.page, url, 'Li Wei');
  await p.context.addInitScript(OBSERVE_LCP);
  const samples: number[] = [];
  for (let i = 0; i < LCP_LOADS; i++) {
    const page = await p.context.newPage();
    await page.goto(`${url}/disputes/demo-dispute-1`);
    await page.getByTestId('timeline').waitFor();
    await page.waitForLoadState('networkidle');
    // LCP entries are queued to observers a frame after the paint.
    await page.evaluate('new Promise((r) => requestAnimationFrame(() => setTimeout(r, 100)))');
    samples.push((await page.evaluate('window.__lcp')) as number);
    await page.close();
  }
  await p.context.close();
  return samples;
}

async function main(): Promise<void> {
  const missing = chromiumMissing();
  if (missing !== undefined) {
    process.stdout.write(`console bench skipped: ${missing}\n`);
    return;
  }
  const server = await startConsoleServer();
  const browser = await launchBrowser();
  try {
    const buyerKb = await firstPageJs(browser, server.url, 'Alice Martin');
    const sellerKb = await firstPageJs(browser, server.url, 'Li Wei');
    const lcp = await disputeLcp(browser, server.url);
    const figures: Figure[] = [
      ceilingFigure(
        'console.first_page_js_gzip_kb',
        Math.max(buyerKb, sellerKb),
        'KB',
        JS_TARGET_KB,
        `scripts of the sign-in page and the first page after sign-in, gzip -9: buyer ${buyerKb.toFixed(1)} KB, seller ${sellerKb.toFixed(1)} KB`,
      ),
      ceilingFigure(
        'console.dispute_lcp_ms',
        median(lcp),
        'ms',
        LCP_TARGET_MS,
        `largest contentful paint of /disputes/demo-dispute-1 (seller), median of ${lcp.length} fresh loads: ${lcp.map((x) => Math.round(x)).join(', ')} ms`,
      ),
    ];
    for (const f of figures) process.stdout.write(`${f.name}: ${f.value} ${f.unit} (${f.note})\n`);
    emit(figures);
  } finally {
    await browser.close();
    await server.stop();
  }
}

await main();
