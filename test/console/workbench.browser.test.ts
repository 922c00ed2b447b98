// The arbitration workbench in a real browser (Chromium via playwright-core) against a real
// `settle serve` on the virtual clock, with the demo data: an arbitrator claims the swapped-
// waybill case (demo-dispute-1), compares the two photos, confirms the label mismatch, sees the
// suggestion change and rules `logistics`; the seller's page shows the ruling with an unchanged
// seller-responsibility rate. A second arbitrator decides an appeal (in zh-CN) that the first,
// who made the ruling, cannot. One ruling made with the keyboard alone. Queue and case page pass
// axe-core with no serious or critical violation; no console errors or failed requests.
import type { Browser } from 'playwright-core';
import sharp from 'sharp';
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
import { call, type Headers, signIn } from '../support/serve-process.ts';

const { run, missing, suffix } = consoleGate();
const JOURNEY_MS = 120_000;
const START_MS = CONSOLE_START_MS;
const PASSWORD = 'demo-password';

describe.skipIf(!run)(`arbitration workbench${suffix}`, () => {
  let server: ConsoleServer;
  let browser: Browser;
  const as: Record<string, Headers> = {};
  const must = async (who: string, method: string, path: string, body?: unknown) => {
    const a = await call(server.url, method, path, as[who] ?? {}, body);
    if (a.status >= 300)
      throw new Error(`${method} ${path}: ${a.status} ${JSON.stringify(a.body)}`);
    return a;
  };
  /** A photo uploaded by a party over the API (multipart), answering its evidence id. */
  const upload = async (who: string, disputeId: string, name: string) => {
    const png = await sharp({
      create: { width: 64, height: 48, channels: 3, background: '#3a6ea5' },
    })
      .png()
      .toBuffer();
    const form = new FormData();
    form.set('kind', 'item_photo');
    form.set('file', new Blob([new Uint8Array(png)], { type: 'image/png' }), name);
    const res = await fetch(`${server.url}/v1/disputes/${disputeId}/evidence`, {
      method: 'POST',
      headers: as[who] ?? {},
      body: form,
    });
    const body = (await res.json()) as { id: string };
    if (res.status !== 201) throw new Error(`upload: ${res.status} ${JSON.stringify(body)}`);
    return body.id;
  };

  beforeAll(async () => {
    if (missing !== undefined) throw new Error(missing);
    server = await startConsoleServer();
    browser = await launchBrowser();
    const accounts: [string, string][] = [
      ['arbitrator', 'arbitrator@settle.example'],
      ['buyer', 'demo-buyer-us@example.com'],
      ['seller', 'seller@demo-shop-cn.example'],
    ];
    for (const [who, email] of accounts) as[who] = await signIn(server.url, email, PASSWORD);
  }, START_MS);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it(
    'an arbitrator claims the swapped-waybill case, compares the labels, confirms the finding, sees the suggestion change and rules logistics; the seller sees the ruling and an unchanged seller-responsibility rate',
    async () => {
      // The seller's page before the ruling: its seller-responsibility rate now.
      const seller = await newPage(browser);
      await signInAs(seller.page, server.url, 'Li Wei');
      await seller.page.goto(`${server.url}/disputes/demo-dispute-1`);
      const rateRow = seller.page
        .getByTestId('impact')
        .getByRole('row', { name: /Seller-responsibility rate/ });
      await rateRow.waitFor();
      // "0% (0/6)": the rate and its numerator must not move; the denominator may (the ruled
      // dispute is one more resolved).
      const numeratorOf = (text: string | null) => text?.replace(/\/\d+\)$/, ')');
      const rateBefore = numeratorOf(await rateRow.getByRole('cell').first().textContent());

      const arb = await newPage(browser);
      const a = arb.page;
      await signInAs(a, server.url, 'Avery Judge');
      const row = a.locator('[data-testid=queue-row][data-dispute=demo-dispute-1]');
      await row.waitFor();
      expect(await row.getByTestId('suggested').textContent()).toBe('Logistics');
      await expectClean(a, arb.watch, 'queue');
      await row.getByRole('button', { name: 'Claim case demo-dispute-1' }).click();
      await expect.poll(() => row.getByTestId('holder').textContent()).toContain('you');

      // A second arbitrator sees who holds it.
      const other = await newPage(browser);
      await signInAs(other.page, server.url, 'Sam Reviewer');
      const theirRow = other.page.locator('[data-testid=queue-row][data-dispute=demo-dispute-1]');
      await expect
        .poll(() => theirRow.getByTestId('holder').textContent())
        .toContain('Avery Judge');
      expect(await theirRow.getByTestId('claim').isDisabled()).toBe(true);
      await expectClean(other.page, other.watch, 'queue (second arbitrator)', false);
      await other.context.close();

      await row.getByRole('link', { name: 'Open case demo-dispute-1' }).click();
      await a.getByTestId('case').waitFor();
      await a.getByText('You hold this case until').waitFor();
      const suggestion = a.getByTestId('suggestion');
      await suggestion.getByText('not yet confirmed').waitFor();
      await a.getByTestId('ruling-consequences').getByRole('table').waitFor();
      await expectClean(a, arb.watch, 'case page');

      // The top-label photo beside the outer packaging, and the label photo zoomed.
      await a.getByLabel('Compare labels.jpg').check();
      await a.getByLabel('Compare box.jpg').check();
      await expect.poll(() => a.getByTestId('compared-image').count()).toBe(2);
      await a.getByRole('button', { name: 'Zoom labels.jpg' }).click();
      const zoomed = a.getByTestId('zoomed-image');
      await zoomed.waitFor();
      const width = (await zoomed.boundingBox())?.width ?? 0;
      await a.getByRole('button', { name: 'Zoom in' }).click();
      await expect
        .poll(async () => (await zoomed.boundingBox())?.width ?? 0)
        .toBeGreaterThan(width);
      await a.keyboard.press('Escape');
      await zoomed.waitFor({ state: 'detached' });

      // Confirming the buyer's stated finding changes the suggestion's reason.
      const findings = a.getByTestId('findings-form');
      await findings
        .getByLabel('File')
        .selectOption({ label: 'labels.jpg (Label comparison photo)' });
      await findings.getByRole('button', { name: 'Confirm' }).click();
      await suggestion.getByText('confirmed by the arbitrator').waitFor();
      await a.getByTestId('confirmed-finding').first().waitFor();

      // Evidence asked of the seller, with a due date.
      const ask = a.getByTestId('request-evidence');
      await ask.getByLabel('Ask', { exact: true }).selectOption('seller');
      await ask.getByLabel('Tracking proof').check();
      await ask.getByRole('button', { name: 'Send the request' }).click();
      await a
        .locator('[data-testid=evidence-request][data-from=seller]')
        .filter({ hasText: 'Tracking proof' })
        .waitFor();

      // An internal note, and the ruling form saying who pays and what the rates do.
      await a.getByLabel('Add a note').fill('Waybill LP001CN was relabelled at the hub.');
      await a.getByRole('button', { name: 'Save' }).click();
      await a.getByTestId('note').filter({ hasText: 'relabelled at the hub' }).waitFor();
      const form = a.getByTestId('ruling-form');
      expect(await form.getByLabel('Responsibility').inputValue()).toBe('logistics');
      await form.getByLabel('Reason').selectOption('label_mismatch');
      await form
        .getByTestId('funding')
        .getByText('paid by the platform’s logistics compensation account')
        .waitFor();
      expect(
        await form.getByTestId('rate-sellerResponsibilityRate').getAttribute('data-changed'),
      ).toBe('false');
      await form.getByLabel('Responsibility').selectOption('seller');
      await form.getByTestId('funding').getByText('paid by the seller').waitFor();
      expect(
        await form.getByTestId('rate-sellerResponsibilityRate').getAttribute('data-changed'),
      ).toBe('true');
      await form.getByLabel('Responsibility').selectOption('logistics');
      await form.getByLabel('Note to both parties').fill('The parcel was relabelled in transit.');
      await form.getByRole('button', { name: 'Rule' }).click();
      await a.locator('[data-testid=case][data-status=resolved]').waitFor();
      await a.getByTestId('case-ruling').getByText('responsibility: Logistics').waitFor();
      await expectClean(a, arb.watch, 'case page after the ruling', false);

      // The seller's page: the ruling, and the seller-responsibility rate as it was.
      await seller.page.getByTestId('resolution').getByText('ruled by the platform').waitFor();
      await expect
        .poll(async () => numeratorOf(await rateRow.getByRole('cell').first().textContent()))
        .toBe(rateBefore);
      await expectClean(seller.page, seller.watch, 'seller dispute page', false);
      // Internal notes never reach the seller's page.
      expect(await seller.page.getByText('relabelled at the hub').count()).toBe(0);
      await arb.context.close();
      await seller.context.close();
    },
    JOURNEY_MS,
  );

  it(
    'the arbitrator who ruled cannot decide the appeal; a second arbitrator decides it, in zh-CN',
    async () => {
      // demo-dispute-3 ruled by Avery Judge, then appealed by the buyer with a new photo.
      await must('arbitrator', 'POST', '/v1/disputes/demo-dispute-3/ruling', {
        outcome: { kind: 'no_refund' },
        responsibility: 'buyer',
        reasonCode: 'no_evidence',
        note: 'The return has not arrived.',
      });
      const photo = await upload('buyer', 'demo-dispute-3', 'receipt.png');
      await must('buyer', 'POST', '/v1/disputes/demo-dispute-3/appeal', {
        note: 'Here is the carrier’s delivery photo.',
        evidenceIds: [photo],
      });

      const first = await newPage(browser);
      await signInAs(first.page, server.url, 'Avery Judge');
      await first.page.goto(`${server.url}/appeals`);
      await first.page.getByTestId('queue-empty').waitFor();
      await first.page.goto(`${server.url}/disputes/demo-dispute-3`);
      await first.page.getByTestId('own-ruling').waitFor();
      expect(await first.page.getByTestId('appeal-form').count()).toBe(0);
      await expectClean(first.page, first.watch, 'own appeal', false);
      await first.context.close();

      const second = await newPage(browser, { locale: 'zh-CN' });
      const s = second.page;
      await signInAs(s, server.url, 'Sam Reviewer');
      await s.getByRole('link', { name: '申诉' }).first().click();
      const row = s.locator('[data-testid=queue-row][data-dispute=demo-dispute-3]');
      await row.waitFor();
      await expectClean(s, second.watch, 'appeals queue (zh-CN)');
      await row.getByRole('button', { name: '认领案件 demo-dispute-3' }).click();
      await row.getByRole('link', { name: '打开案件 demo-dispute-3' }).click();
      const form = s.getByTestId('appeal-form');
      await form.waitFor();
      await s.getByText('您认领了此案件').waitFor();
      await form.getByText('推翻原裁决').click();
      await form.getByLabel('责任方').selectOption('logistics');
      await form.getByTestId('funding').getByText('平台物流赔付账户').waitFor();
      await expectClean(s, second.watch, 'appeal decision (zh-CN)');
      await form.getByRole('button', { name: '作出决定' }).click();
      await s.locator('[data-testid=case][data-status=resolved]').waitFor();
      expect(second.watch.problems).toEqual([]);
      await second.context.close();
    },
    JOURNEY_MS,
  );

  it(
    'one ruling with the keyboard alone: move through the queue, claim, open, reach the ruling form, rule',
    async () => {
      // A fresh case escalated by the seller: the youngest in the queue.
      await server.deliveredOrder({
        id: 'wb-order-key',
        buyer: 'demo-buyer-us',
        seller: 'demo-shop-cn',
        minor: '4200',
        currency: 'USD',
      });
      await must('buyer', 'POST', '/v1/disputes', {
        disputeId: 'wb-key',
        orderId: 'wb-order-key',
        reason: 'damaged',
        request: { kind: 'refund', amount: { minor: '4200', currency: 'USD' } },
        description: 'The lamp arrived with a cracked base.',
      });
      await must('seller', 'POST', '/v1/disputes/wb-key/escalate', { note: 'Please decide.' });

      const arb = await newPage(browser);
      const k = arb.page;
      await signInAs(k, server.url, 'Avery Judge');
      const rows = k.getByTestId('queue-row');
      await k.locator('[data-testid=queue-row][data-dispute=wb-key]').waitFor();
      const ids = await rows.evaluateAll((els) => els.map((e) => e.getAttribute('data-dispute')));
      // `?` lists the shortcuts; Escape closes the list.
      await k.keyboard.press('?');
      await k.getByTestId('shortcut-list').waitFor();
      await k.keyboard.press('Escape');
      await k.getByTestId('shortcut-list').waitFor({ state: 'detached' });
      for (let i = 0; i <= ids.indexOf('wb-key'); i++) await k.keyboard.press('j');
      await k.locator('[data-testid=queue-row][data-dispute=wb-key][data-selected=true]').waitFor();
      await k.keyboard.press('c');
      const row = k.locator('[data-testid=queue-row][data-dispute=wb-key]');
      await expect.poll(() => row.getByTestId('holder').textContent()).toContain('you');
      await k.keyboard.press('Enter');
      await k.locator('[data-testid=case][data-status=in_arbitration]').waitFor();
      await k.getByTestId('ruling-consequences').getByRole('table').waitFor();
      // `r` puts the focus on the ruling form's first field; the fields follow in tab order.
      await k.keyboard.press('r');
      await expect
        .poll(() => k.evaluate('document.activeElement && document.activeElement.id'))
        .toBe('ruling-outcome');
      await k.keyboard.press('Tab'); // amount: the refundable maximum already
      await k.keyboard.press('Tab'); // responsibility
      await k.keyboard.press('Tab'); // reason
      await k.keyboard.press('Tab'); // note
      await k.keyboard.type('Ruled from the keyboard.');
      await k.keyboard.press('Tab'); // the Rule button
      await k.keyboard.press('Enter');
      await k.locator('[data-testid=case][data-status=resolved]').waitFor();
      await expectClean(k, arb.watch, 'keyboard ruling', false);
      await arb.context.close();
    },
    JOURNEY_MS,
  );
});
