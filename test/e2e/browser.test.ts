import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type restify from 'restify';
import { createApp, type App } from '../../src/app';
import { loadConfig } from '../../src/config';
import { createServer, listen } from '../../src/index';
import { REPO_ROOT } from '../../src/paths';

const CHROMIUM = '/usr/bin/chromium';
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];
const required = process.env.REQUIRE_BROWSER === '1';
const available = existsSync(CHROMIUM);
const SHOTS = join(REPO_ROOT, 'test-results', 'screenshots');

if (!available && required) {
  describe('the local Web Chat page in a real browser', () => {
    it('needs Debian chromium', () => {
      throw new Error(`REQUIRE_BROWSER=1 but ${CHROMIUM} is missing: run "apt-get update && apt-get install -y chromium".`);
    });
  });
} else if (!available) {
  describe.skip(`the local Web Chat page in a real browser (skipped: install Debian chromium with "apt-get update && apt-get install -y chromium")`, () => {
    it('runs in chromium', () => undefined);
  });
} else {
  describe('the local Web Chat page in a real browser', () => {
    let app: App;
    let server: restify.Server;
    let base: string;
    let browser: Browser;
    let page: Page;

    beforeAll(async () => {
      mkdirSync(SHOTS, { recursive: true });
      app = await createApp(loadConfig({ LOG_LEVEL: 'silent', STORAGE: 'memory' }));
      server = createServer(app);
      base = `http://127.0.0.1:${await listen(server, 0, '127.0.0.1')}`;
      browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS, headless: true });
      page = await browser.newPage({ viewport: { width: 360, height: 740 }, locale: 'en-US' });
      page.on('pageerror', (error) => console.error('page error:', error.message));
    }, 60_000);

    afterAll(async () => {
      await browser?.close();
      server?.close();
      await app?.close();
    });

    it('chats in Vietnamese, follows a card button, then lays out Urdu right to left', async () => {
      await page.goto(`${base}/?locale=en`);
      await expect.poll(() => page.locator('.ac-adaptiveCard').count(), { timeout: 20_000 }).toBeGreaterThan(0);
      await page.screenshot({ path: join(SHOTS, '1-welcome-en.png') });

      await page.selectOption('#language', 'vi');
      const changed = app.translator.t('vi', 'language.changed', { language: 'Tiếng Việt' });
      await expect.poll(() => page.getByText(changed).count(), { timeout: 20_000 }).toBeGreaterThan(0);
      expect(await page.getAttribute('html', 'lang')).toBe('vi');

      const input = page.locator('[data-id="webchat-sendbox-input"]');
      await input.fill('cong ty co duoc giu ho chieu cua toi khong');
      await input.press('Enter');
      const entry = app.kb.get('passport-retention', 'vi')!.entry;
      await expect.poll(() => page.getByText(entry.title).count(), { timeout: 20_000 }).toBeGreaterThan(0);
      const source = page.locator(`a[href="${entry.sources[0]!.url}"]`).last();
      await expect.poll(() => source.count()).toBeGreaterThan(0);
      await page.screenshot({ path: join(SHOTS, '2-answer-vi.png'), fullPage: true });

      const followUp = app.kb.get(entry.followUps[0]!, 'vi')!.entry;
      await page.locator('.ac-pushButton', { hasText: followUp.title }).last().click();
      await expect.poll(() => page.locator('.webchat__bubble', { hasText: followUp.answer.slice(0, 30) }).count(), { timeout: 20_000 }).toBeGreaterThan(0);
      await page.screenshot({ path: join(SHOTS, '3-card-button-vi.png') });

      await page.selectOption('#language', 'ur');
      const urdu = app.translator.t('ur', 'language.changed', { language: 'اردو' });
      await expect.poll(() => page.getByText(urdu).count(), { timeout: 20_000 }).toBeGreaterThan(0);
      expect(await page.getAttribute('html', 'dir')).toBe('rtl');
      const transcriptDir = await page.locator('.webchat__basic-transcript').first().evaluate((el) => (globalThis as unknown as { getComputedStyle(e: unknown): { direction: string } }).getComputedStyle(el).direction);
      expect(transcriptDir).toBe('rtl');
      const placeholder = await page.locator('[data-id="webchat-sendbox-input"]').getAttribute('placeholder');
      expect(placeholder).toBe(app.translator.t('ur', 'webchat.placeholder'));
      await page.screenshot({ path: join(SHOTS, '4-urdu-rtl.png') });
    }, 120_000);
  });
}
