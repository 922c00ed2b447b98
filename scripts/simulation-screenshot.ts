// Screenshots a simulation report page for docs/simulation.md:
//   node scripts/simulation-screenshot.ts <report.html> <out.png>
// Headless Chromium (/usr/bin/chromium or CHROMIUM_PATH); the page is self-contained.
import { resolve } from 'node:path';
import { chromium } from 'playwright-core';

const [html, png] = process.argv.slice(2);
if (html === undefined || png === undefined) {
  console.error('usage: node scripts/simulation-screenshot.ts <report.html> <out.png>');
  process.exit(2);
}
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
});
try {
  const page = await browser.newPage({ viewport: { width: 1240, height: 900 } });
  await page.goto(`file://${resolve(html)}`);
  await page.screenshot({ path: png, fullPage: true });
} finally {
  await browser.close();
}
