// The admin console in a real browser (Chromium via playwright-core) against a real `settle
// serve` on the virtual clock: a policy version for buyers in Italy, previewed, simulated against
// the current one (the smallest what-if, its key figures and report page), then saved, runs
// new Italian disputes while an old one keeps its version; an API key is created, used, revoked
// and then refused; a user is created and given another role; the books page passes both checks; the header's clock moves time; one
// journey in zh-CN. Every admin page passes axe-core (no serious or critical violation) and no
// page logs a console error or a failed request. Under CI=true a missing Chromium fails.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CONSOLE_START_MS,
  type ConsoleServer,
  consoleGate,
  expectClean,
  launchBrowser,
  newPage,
  signInAs,
  startConsoleServer,
} from '../support/console-browser.ts';
import { call, signIn } from '../support/serve-process.ts';

const { run, missing, suffix } = consoleGate();
const JOURNEY_MS = 120_000;
const START_MS = CONSOLE_START_MS;

describe.skipIf(!run)(`admin console${suffix}`, () => {
  let server: ConsoleServer;
  let browser: Browser;

  beforeAll(async () => {
    if (missing !== undefined) throw new Error(missing);
    server = await startConsoleServer();
    browser = await launchBrowser();
  }, START_MS);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  /** A buyer in Italy opens a dispute on a fresh order; its policy versions. */
  async function italianDispute(id: string): Promise<string[]> {
    const now = Date.parse(
      (await fetch(`${server.url}/v1/session`, { headers: server.admin })).headers.get(
        'settle-now',
      ) ?? '',
    );
    const order = await call(server.url, 'PUT', `/v1/orders/${id}`, server.admin, {
      sellerId: 'demo-shop-cn',
      buyerId: 'demo-buyer-it',
      buyerCountry: 'IT',
      amountPaid: { minor: '4000', currency: 'EUR' },
      paidAt: new Date(now - 10 * 86_400_000).toISOString(),
      items: [
        {
          sku: `${id}-sku`,
          title: 'Lamp',
          quantity: 1,
          unitPrice: { minor: '4000', currency: 'EUR' },
        },
      ],
    });
    expect(order.status).toBeLessThan(300);
    const delivered = await call(server.url, 'POST', `/v1/orders/${id}/status`, server.admin, {
      status: 'delivered',
      at: new Date(now - 86_400_000).toISOString(),
    });
    expect(delivered.status).toBeLessThan(300);
    const buyer = await signIn(server.url, 'demo-buyer-it@example.com', 'demo-password');
    const opened = await call(server.url, 'POST', '/v1/disputes', buyer, {
      disputeId: `dsp-${id}`,
      orderId: id,
      reason: 'damaged',
      request: { kind: 'refund', amount: { minor: '4000', currency: 'EUR' } },
      description: 'The lamp arrived broken.',
    });
    expect(opened.status, JSON.stringify(opened.body)).toBe(201);
    return (opened.body as { policyVersions: string[] }).policyVersions;
  }

  it(
    'an admin adds a policy version for Italy, sees the difference, and only new disputes run on it',
    async () => {
      const oldVersions = await italianDispute('adm-it-old');
      const { page, watch, context } = await newPage(browser);
      await signInAs(page, server.url, 'Ada Admin');
      await page.getByRole('heading', { name: 'Administration' }).waitFor();
      await expectClean(page, watch, 'admin home');
      await page.getByRole('link', { name: 'Policies' }).first().click();
      await page.getByTestId('policy-current').waitFor();
      await expect.poll(() => page.getByLabel('Country code').inputValue()).toBe('IT');
      await page.getByLabel('Negotiation window (hours)').fill('192');
      await page.getByRole('button', { name: 'Show the difference' }).click();
      const diff = page.getByTestId('policy-diff');
      await diff.getByRole('cell', { name: '192 hours' }).waitFor();
      expect(await diff.getByRole('row').count()).toBe(2);
      const cells = diff.getByRole('row').nth(1).getByRole('cell');
      expect(await cells.allTextContents()).toEqual([
        'Negotiation windownegotiationMs',
        '120 hours',
        '192 hours',
      ]);
      await expectClean(page, watch, 'policies with a difference');

      // What-if: the smallest marketplace, the current values against 192 hours, side by side.
      const sim = diff.getByTestId('simulation');
      for (const [label, value] of [
        ['Sellers', '4'],
        ['Orders', '60'],
        ['Days', '10'],
        ['Seed', '7'],
      ] as const)
        await sim.getByLabel(label, { exact: true }).fill(value);
      await sim.getByRole('button', { name: 'Simulate' }).click();
      const report = sim.getByTestId('simulation-report');
      await report.waitFor({ timeout: 60_000 });
      const heads = await report.getByRole('columnheader').allTextContents();
      expect(heads.slice(0, 4)).toEqual(['Figure', 'Current', 'This version', 'Change']);
      await report.getByRole('cell', { name: 'Median days to resolution' }).waitFor();
      await report.getByRole('cell', { name: 'Refunds from escrow (minor units)' }).waitFor();
      const html = await report.getByRole('link', { name: /full report/ }).getAttribute('href');
      expect(html).toMatch(/^\/v1\/simulations\/[\w-]+\/report\.html$/);
      const page2 = await call(server.url, 'GET', html ?? '', server.admin);
      expect(page2.status).toBe(200);
      await expectClean(page, watch, 'policies with a simulation report');
      const save = diff.getByRole('button', { name: /^Save version buyer:IT#\d+$/ });
      const versionId = ((await save.textContent()) ?? '').replace('Save version ', '');
      await save.click();
      await page.getByTestId('policy-saved').waitFor();
      await page.getByText(`Current version: ${versionId}`).waitFor();

      const newVersions = await italianDispute('adm-it-new');
      expect(newVersions).toContain(versionId);
      expect(oldVersions).not.toContain(versionId);
      const old = await call(server.url, 'GET', '/v1/disputes/dsp-adm-it-old', server.admin);
      expect((old.body as { policyVersions: string[] }).policyVersions).toEqual(oldVersions);

      await page.reload();
      await page.getByRole('button', { name: `Show disputes on ${versionId}` }).click();
      const list = page.getByTestId('disputes-on-version');
      await list.getByRole('link', { name: 'dsp-adm-it-new' }).waitFor();
      expect(await list.getByRole('link', { name: 'dsp-adm-it-old' }).count()).toBe(0);
      await expectClean(page, watch, 'policy usage');
      await context.close();
    },
    JOURNEY_MS,
  );

  it(
    'an admin creates an API key, it works, is revoked, and the next call is refused',
    async () => {
      const { page, watch, context } = await newPage(browser);
      await signInAs(page, server.url, 'Ada Admin');
      await page.goto(`${server.url}/admin/api-keys`);
      await page.getByLabel('Name').fill('warehouse backend');
      await page.getByRole('button', { name: 'Create key' }).click();
      const secret = ((await page.getByTestId('api-key-secret').textContent()) ?? '').trim();
      expect(secret.length).toBeGreaterThan(20);
      await page.getByRole('button', { name: 'Copy the key' }).waitFor();
      await expectClean(page, watch, 'API keys with a new key');

      const use = () =>
        fetch(`${server.url}/v1/disputes?limit=1`, {
          headers: { authorization: `Bearer ${secret}` },
        });
      expect((await use()).status).toBe(200);
      await page.getByRole('button', { name: 'Revoke warehouse backend' }).click();
      await page
        .getByTestId('api-keys')
        .getByRole('row', { name: /warehouse backend/ })
        .getByText('Revoked')
        .waitFor();
      expect((await use()).status).toBe(401);
      expect(watch.problems).toEqual([]);

      await page.goto(`${server.url}/admin/users`);
      await page.getByRole('button', { name: 'Reset password of admin@settle.example' }).waitFor();
      const create = page.getByRole('form', { name: 'Create a user' });
      await create.getByLabel('Email').fill('temp.judge@settle.example');
      await create.getByLabel('Name').fill('Temp Judge');
      await create.getByRole('button', { name: 'Create' }).click();
      await page
        .getByText(/^Created temp\.judge@settle\.example\. Its password, shown once: /)
        .waitFor();
      const change = page.getByRole('form', { name: 'Change a role' });
      await change.getByLabel('Account').selectOption({ label: 'temp.judge@settle.example' });
      await change.getByLabel('Role').selectOption('buyer');
      await change.getByRole('button', { name: 'Change role' }).click();
      await page
        .getByText('temp.judge@settle.example is now Buyer; their sessions ended.')
        .waitFor();
      await expectClean(page, watch, 'users');

      await page.goto(`${server.url}/admin/webhooks`);
      await page.getByRole('textbox', { name: 'URL' }).fill('https://hooks.example.test/settle');
      await page.getByRole('button', { name: 'Subscribe', exact: true }).click();
      await page.getByText(/^Signing secret, shown once: /).waitFor();
      await page
        .getByRole('button', { name: 'Delivery log of https://hooks.example.test/settle' })
        .click();
      await page.getByTestId('delivery-log').waitFor();
      await expectClean(page, watch, 'webhooks');
      await context.close();
    },
    JOURNEY_MS,
  );

  it(
    'the books page passes both checks; the platform accounts chart; the clock moves time (and fits a phone)',
    async () => {
      const { page, watch, context } = await newPage(browser);
      await signInAs(page, server.url, 'Ada Admin');
      await page.goto(`${server.url}/admin/books`);
      await page.getByRole('button', { name: 'Run both checks' }).click();
      await expect
        .poll(() => page.getByTestId('ledger-check-result').textContent(), { timeout: 30_000 })
        .toBe('Pass');
      await expect
        .poll(() => page.getByTestId('audit-verify-result').textContent(), { timeout: 30_000 })
        .toBe('Pass');
      await expectClean(page, watch, 'books');

      await page.goto(`${server.url}/admin/accounts`);
      await page.getByRole('heading', { name: 'Platform accounts' }).waitFor();
      await page.getByTestId('platform-account').first().waitFor();
      await expectClean(page, watch, 'platform accounts');

      const now = page.getByTestId('virtual-now');
      const before = await now.textContent();
      await page.getByRole('button', { name: '+1 day' }).click();
      await expect.poll(() => now.textContent()).not.toBe(before);
      expect(watch.problems).toEqual([]);
      await context.close();

      // A phone's header has no room: the clock sits at the top of the admin pages instead.
      const phone = await newPage(browser, { phone: true });
      await signInAs(phone.page, server.url, 'Ada Admin');
      await phone.page.goto(`${server.url}/admin/books`);
      await phone.page.getByRole('button', { name: '+1 hour' }).waitFor();
      expect(await phone.page.getByTestId('virtual-now').count()).toBe(1);
      await expectClean(phone.page, phone.watch, 'phone books');
      await phone.context.close();
    },
    JOURNEY_MS,
  );

  it(
    'in zh-CN: the admin runs the books and reads the policy page in Chinese',
    async () => {
      const { page, watch, context } = await newPage(browser, { locale: 'zh-CN' });
      await signInAs(page, server.url, 'Ada Admin');
      await page.getByRole('heading', { name: '管理后台' }).waitFor();
      await page.goto(`${server.url}/admin/books`);
      await page.getByRole('button', { name: '运行两项检查' }).click();
      await expect
        .poll(() => page.getByTestId('ledger-check-result').textContent(), { timeout: 30_000 })
        .toBe('通过');
      await expect
        .poll(() => page.getByTestId('audit-verify-result').textContent(), { timeout: 30_000 })
        .toBe('通过');
      await page.goto(`${server.url}/admin/policies`);
      await page.getByRole('heading', { name: '各版本下的纠纷' }).waitFor();
      await page.getByTestId('policy-current').waitFor();
      await expectClean(page, watch, 'zh-CN policies');
      await context.close();
    },
    JOURNEY_MS,
  );
});
