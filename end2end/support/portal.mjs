// Shared harness for the end-to-end tests.
//
// - One headless Chromium per test file (node --test runs each file in its own
//   process, and this module launches the browser lazily, once per process).
// - A fresh browser context per test, so cookies (the language choice) never
//   leak from one test into another.
// - `scenario(title, story)` declares a user story once and registers it twice:
//   with JavaScript enabled (waiting for hydration) and with JavaScript disabled
//   (plain server-rendered HTML and GET forms).

import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { checkAccessibility } from './axe.mjs';
import { baseUrlFromEnvironment } from './base-url.mjs';

/** Where the portal under test runs, e.g. http://127.0.0.1:3000 */
export const BASE_URL = baseUrlFromEnvironment();

/** Every wait for the portal (navigation, hydration, an awaited change). */
export const NAVIGATION_TIMEOUT_MS = 30_000;

/** Whole-test budget: several navigations, plus the browser launch for the first test. */
const TEST_TIMEOUT_MS = 180_000;

const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

const LAUNCH_OPTIONS = {
  executablePath: CHROMIUM_PATH,
  headless: true,
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--disable-quic',
  ],
};

/** The two ways every scenario is run. */
export const MODES = [
  { name: 'JavaScript enabled', javaScriptEnabled: true },
  { name: 'JavaScript disabled', javaScriptEnabled: false },
];

const RESULTS_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'test-results');

let browserPromise;

function sharedBrowser() {
  browserPromise ??= chromium.launch(LAUNCH_OPTIONS).catch((error) => {
    throw new Error(
      `Could not launch Chromium at ${CHROMIUM_PATH} (set CHROMIUM_PATH to use another one): ${error.message}`,
    );
  });
  return browserPromise;
}

after(async () => {
  if (browserPromise) {
    const browser = await browserPromise.catch(() => undefined);
    await browser?.close();
  }
});

/**
 * Declares a user story once; runs it with JavaScript enabled and disabled.
 *
 * @param {string} title what the user does and sees
 * @param {(portal: Portal, t: import('node:test').TestContext) => Promise<void>} story
 * @param {{ context?: import('playwright-core').BrowserContextOptions, timeout?: number }} [options]
 *   extra browser context options, e.g. a phone-sized viewport; a longer
 *   time limit for stories that pass through many hands
 */
export function scenario(title, story, options = {}) {
  for (const mode of MODES) {
    test(`${title} [${mode.name}]`, { timeout: options.timeout ?? TEST_TIMEOUT_MS }, async (t) => {
      const browser = await sharedBrowser();
      const context = await browser.newContext({
        baseURL: BASE_URL,
        javaScriptEnabled: mode.javaScriptEnabled,
        locale: 'vi-VN',
        viewport: { width: 1280, height: 800 },
        ...options.context,
      });
      context.setDefaultNavigationTimeout(NAVIGATION_TIMEOUT_MS);
      context.setDefaultTimeout(NAVIGATION_TIMEOUT_MS);
      const page = await context.newPage();
      const portal = new Portal(page, mode);
      try {
        await story(portal, t);
        assert.deepEqual(portal.pageErrors, [], 'the page raised no uncaught JavaScript errors');
        await portal.checkAccessibility();
        assert.deepEqual(
          portal.accessibilityViolations,
          [],
          'axe (WCAG 2.1 A and AA) finds no serious or critical violation on the pages visited',
        );
      } catch (error) {
        await portal.recordFailure(t, error);
        throw error;
      } finally {
        await context.close();
      }
    });
  }
}

/** A browser tab on the portal, in one mode, with the few moves a user makes. */
export class Portal {
  /**
   * @param {import('playwright-core').Page} page
   * @param {{ name: string, javaScriptEnabled: boolean }} mode
   */
  constructor(page, mode) {
    this.page = page;
    this.mode = mode;
    this.javaScriptEnabled = mode.javaScriptEnabled;
    /** Requests of the current page that failed or answered an error. */
    this.failedRequests = [];
    /** Uncaught errors in the pages' JavaScript during this test. */
    this.pageErrors = [];
    /** Serious and critical axe findings on the pages visited, one line each. */
    this.accessibilityViolations = [];
    page.on('response', (response) => {
      if (response.status() >= 400) this.failedRequests.push(`${response.status()} ${response.url()}`);
    });
    page.on('requestfailed', (request) => {
      const reason = request.failure()?.errorText ?? 'failed';
      // Requests cut short by leaving the page are not failures of the app.
      if (!reason.includes('ERR_ABORTED')) this.failedRequests.push(`${reason} ${request.url()}`);
    });
    page.on('pageerror', (error) => this.pageErrors.push(error.message));
    // A script the Content-Security-Policy blocked is a broken page too.
    page.on('console', (message) => {
      if (message.type() === 'error' && /Content Security Policy|The bundle has no island|interactive parts could not load/.test(message.text())) {
        this.pageErrors.push(message.text());
      }
    });
    page.on('framenavigated', (frame) => {
      if (frame === page.mainFrame()) {
        this.failedRequests = [];
      }
    });
  }

  /**
   * Opens a path as a user would by typing the address; with JavaScript, waits
   * until the app has hydrated. Returns the navigation's HTTP response.
   */
  async open(pathAndQuery) {
    const response = await this.page.goto(pathAndQuery, { waitUntil: 'load' });
    assert.ok(response, `no HTTP response for ${pathAndQuery}`);
    await this.waitUntilInteractive();
    await this.checkAccessibility();
    return response;
  }

  /**
   * With JavaScript: waits for `body[data-hydrated="true"]`, and gives up at
   * once if the app's script or WebAssembly failed to load. Without
   * JavaScript: nothing to wait for.
   */
  async waitUntilInteractive() {
    if (!this.javaScriptEnabled) return;
    const hydrated = this.page.locator('body[data-hydrated="true"]');
    const deadline = Date.now() + NAVIGATION_TIMEOUT_MS;
    for (;;) {
      if ((await hydrated.count()) > 0) return;
      // The app's own script and WebAssembly: without them it can never hydrate.
      const brokenAssets = this.failedRequests.filter((line) => /\/pkg\/[^?#\s]*\.(js|wasm)\b/.test(line));
      if (brokenAssets.length || Date.now() >= deadline) {
        throw new Error(
          (brokenAssets.length
            ? `The page cannot hydrate: the app's script or WebAssembly failed to load on ${this.page.url()}.`
            : `The page never hydrated (no body[data-hydrated="true"] after ${NAVIGATION_TIMEOUT_MS / 1000} s) on ${this.page.url()}.`) +
            (this.failedRequests.length ? `\nFailed requests:\n  ${this.failedRequests.join('\n  ')}` : '') +
            (this.pageErrors.length ? `\nPage errors:\n  ${this.pageErrors.join('\n  ')}` : ''),
        );
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  /**
   * Does something that takes the user to another page (a click, Enter in a
   * form) and waits until the address matches `isExpected`. With JavaScript
   * the router may change the page without a reload, so this waits for the
   * URL rather than a load event; the content is checked with `eventually`.
   *
   * @param {(url: URL) => boolean} isExpected
   * @param {() => Promise<unknown>} action
   */
  async navigateBy(isExpected, action) {
    await Promise.all([
      this.page.waitForURL((url) => isExpected(url), {
        waitUntil: 'commit',
        timeout: NAVIGATION_TIMEOUT_MS,
      }),
      action(),
    ]);
    if (this.javaScriptEnabled) {
      // A full reload (e.g. the language links) hydrates again; a client-side
      // navigation keeps the attribute, so this returns at once.
      await this.page.waitForLoadState('load');
      await this.waitUntilInteractive();
    } else {
      await this.page.waitForLoadState('load');
    }
    await this.checkAccessibility();
    return new URL(this.page.url());
  }

  /**
   * Runs axe on the page shown now (once per address and mode in a test
   * file) and keeps its serious and critical findings for the end of the
   * story, so a finding fails the test without cutting the story short.
   */
  async checkAccessibility() {
    this.accessibilityViolations.push(...(await checkAccessibility(this.page, this.mode)));
  }

  /** The current address as a URL. */
  url() {
    return new URL(this.page.url());
  }

  /** Visible text of the first element matching `selector`, whitespace collapsed. */
  async textOf(selector) {
    return squash(await this.page.locator(selector).first().innerText());
  }

  /** Visible texts of all elements matching `selector`, whitespace collapsed. */
  async textsOf(selector) {
    return (await this.page.locator(selector).allInnerTexts()).map(squash);
  }

  /** Saves a screenshot and tells what the page was when a story failed. */
  async recordFailure(t, error) {
    try {
      await mkdir(RESULTS_DIR, { recursive: true });
      const file = path.join(RESULTS_DIR, `${slug(t.name)}.png`);
      await this.page.screenshot({ path: file, fullPage: true, timeout: 5_000 });
      t.diagnostic(`screenshot: ${file}`);
    } catch {
      // The page may be gone; the assertion message is what matters.
    }
    t.diagnostic(`failed at ${this.page.url()}: ${error?.message?.split('\n')[0]}`);
    if (this.pageErrors.length) t.diagnostic(`page errors: ${this.pageErrors.join(' | ')}`);
  }
}

/**
 * Retries `check` until it stops throwing or the time runs out, then throws
 * its last error. With JavaScript the router renders new content a moment
 * after the address changes; without JavaScript the first try passes.
 */
export async function eventually(check, { timeout = NAVIGATION_TIMEOUT_MS, interval = 100 } = {}) {
  const deadline = Date.now() + timeout;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() >= deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, interval));
    }
  }
}

/** Collapses runs of whitespace, as a reader sees text. */
export function squash(text) {
  return String(text ?? '').replace(/\s+/g, ' ').trim();
}

function slug(text) {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .toLowerCase()
    .slice(0, 120);
}
