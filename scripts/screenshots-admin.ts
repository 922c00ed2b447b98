// The admin pages for `npm run screenshots` (scripts/screenshots.ts calls this per language):
// the admin home with the header's clock, a policy form with a previewed difference, the books
// after both checks, and the platform's accounts; and the policy page's simulation panel with its
// report (the panel alone, it is taller than the window).
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { newPage, signInAs } from '../test/support/console-browser.ts';

export async function adminShots(
  browser: Browser,
  url: string,
  locale: string,
  language: string,
  shot: (page: Page, name: string, ready: string) => Promise<void>,
): Promise<void> {
  const admin = await newPage(browser, { locale });
  const page = admin.page;
  await signInAs(page, url, 'Ada Admin');
  await shot(page, `admin-home.${language}`, '[data-testid=virtual-now]');
  await page.goto(`${url}/admin/policies`);
  await page.getByTestId('policy-current').waitFor();
  await page.locator('input').nth(1).fill('192');
  await page.locator('form button[type=submit]').nth(1).click();
  await shot(page, `admin-policies.${language}`, '[data-testid=policy-diff]');
  // The what-if of the question, three days of negotiation instead of five, on a
  // marketplace big enough to show differences: the panel alone, once it reported.
  await page.locator('input').nth(1).fill('72');
  await page.locator('form button[type=submit]').nth(1).click();
  const simulation = page.getByTestId('simulation');
  const size = simulation.locator('input');
  for (const [i, value] of ['40', '3000', '30', '42'].entries()) await size.nth(i).fill(value);
  await simulation.locator('button[type=submit]').click();
  await simulation.getByTestId('simulation-report').waitFor({ timeout: 300_000 });
  await page.addStyleTag({ content: '.mantine-AppShell-header { visibility: hidden; }' });
  await page.waitForTimeout(300);
  const file = `admin-simulation.${language}.png`;
  await simulation.screenshot({
    path: fileURLToPath(new URL(`../docs/screenshots/${file}`, import.meta.url)),
  });
  console.log(`docs/screenshots/${file}`);
  await page.goto(`${url}/admin/books`);
  await page.locator('main button').first().click();
  await shot(page, `admin-books.${language}`, '[data-testid=audit-verify] details');
  await page.goto(`${url}/admin/accounts`);
  await shot(page, `admin-accounts.${language}`, '.recharts-surface');
  await admin.context.close();
}
