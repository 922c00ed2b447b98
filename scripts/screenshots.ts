// `npm run screenshots`: the console's main pages in English and Chinese, written to
// docs/screenshots/ (shown in the README). Starts its own server on the virtual clock with the
// demo data, and Debian's Chromium (/usr/bin/chromium, or SETTLE_CHROMIUM).
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import {
  chromiumMissing,
  launchBrowser,
  newPage,
  signInAs,
  startConsoleServer,
} from '../test/support/console-browser.ts';
import { adminShots } from './screenshots-admin.ts';

const OUT = join(import.meta.dirname, '..', 'docs', 'screenshots');
const missing = chromiumMissing();
if (missing !== undefined) {
  console.error(missing);
  process.exit(2);
}

await mkdir(OUT, { recursive: true });
const server = await startConsoleServer();
const browser = await launchBrowser();

async function shot(page: Page, name: string, ready: string) {
  try {
    await page.locator(ready).first().waitFor({ timeout: 60_000 });
  } catch (error) {
    // Keep going: one page that does not show is reported, the others are still taken.
    console.error(`${name}: ${(error as Error).message.split('\n')[0]}`);
    process.exitCode = 1;
  }
  // Let the polls settle and the fonts paint.
  await page.waitForTimeout(500);
  await page.screenshot({ path: join(OUT, `${name}.png`) });
  console.log(`docs/screenshots/${name}.png`);
}

try {
  for (const [language, locale] of [
    ['en', 'en-US'],
    ['zh-CN', 'zh-CN'],
  ] as const) {
    const buyer = await newPage(browser, { locale });
    await buyer.page.goto(`${server.url}/`);
    await shot(buyer.page, `sign-in.${language}`, '[data-testid=demo-account]');
    await signInAs(buyer.page, server.url, 'Alice Martin');
    await shot(buyer.page, `buyer-home.${language}`, '[data-testid=dispute-row]');
    await buyer.page.goto(`${server.url}/disputes/demo-dispute-3`);
    await shot(buyer.page, `buyer-dispute.${language}`, '[data-testid=next-deadline]');
    await buyer.context.close();

    const seller = await newPage(browser, { locale });
    await signInAs(seller.page, server.url, 'Li Wei');
    await shot(seller.page, `seller-inbox.${language}`, '[data-testid=dispute-row]');
    await seller.page.goto(`${server.url}/disputes/demo-dispute-2`);
    await shot(seller.page, `seller-dispute.${language}`, '[data-testid=impact] table');
    await seller.page.goto(`${server.url}/store-metrics`);
    await shot(seller.page, `seller-metrics.${language}`, '.recharts-surface');
    await seller.page.goto(`${server.url}/disputes/demo-dispute-2/case-file`);
    await shot(seller.page, `case-file.${language}`, '[data-testid=case-file]');
    await seller.context.close();

    const arbitrator = await newPage(browser, { locale });
    await signInAs(arbitrator.page, server.url, 'Avery Judge');
    await shot(arbitrator.page, `workbench-queue.${language}`, '[data-testid=queue-row]');
    await arbitrator.page.goto(`${server.url}/disputes/demo-dispute-1`);
    await shot(arbitrator.page, `workbench-case.${language}`, '[data-testid=rates-after]');
    await arbitrator.context.close();

    const phone = await newPage(browser, { locale, phone: true });
    await signInAs(phone.page, server.url, 'Alice Martin');
    await phone.page.goto(`${server.url}/disputes/demo-dispute-3`);
    await shot(phone.page, `phone-dispute.${language}`, '[data-testid=next-deadline]');
    await phone.context.close();

    await adminShots(browser, server.url, locale, language, shot);
  }
} finally {
  await browser.close();
  await server.stop();
}
