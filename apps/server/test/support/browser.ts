import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { expect } from 'vitest';

/**
 * Browser journeys on Debian's Chromium, driven by playwright-core (never `npx playwright install`: the
 * machines have no internet). Playwright gives every launch a fresh profile directory of its own.
 */
export const CHROMIUM_PATH = '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
/** A camera that films a test pattern, granted without a prompt: for the photo and QR screens. */
export const FAKE_CAMERA_ARGS = ['--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream'];

const repositoryRoot = fileURLToPath(new URL('../../../../', import.meta.url));
export const SCREENSHOTS_DIR = join(repositoryRoot, 'test-output', 'screenshots');

export interface OpenPageOptions {
  /** Folder of this test's screenshots; the running vitest test's name when left out. */
  testName?: string;
  viewport?: { width: number; height: number };
  /** BCP 47, e.g. `id-ID` (the default) or `en-GB`; sets navigator.languages and Accept-Language. */
  locale?: string;
  baseURL?: string;
  /** Added to the standard flags, e.g. FAKE_CAMERA_ARGS. */
  extraArgs?: readonly string[];
  /** Browser permissions to grant, e.g. `['camera']`. */
  permissions?: string[];
}

export interface OpenedPage {
  readonly browser: Browser;
  readonly context: BrowserContext;
  readonly page: Page;
  /** Console errors and uncaught exceptions of the page, in order; a journey should end with none. */
  readonly consoleErrors: string[];
  close(): Promise<void>;
}

export function launchChromium(extraArgs: readonly string[] = []): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: [...CHROMIUM_ARGS, ...extraArgs] });
}

/** Each page remembers the folder its screenshots go to. */
const screenshotFolders = new WeakMap<Page, string>();
/** Screenshots taken per folder in this process: the `NN-` prefix keeps them in journey order. */
const taken = new Map<string, number>();

export async function openPage(options: OpenPageOptions = {}): Promise<OpenedPage> {
  const browser = await launchChromium(options.extraArgs);
  try {
    const context = await browser.newContext({
      viewport: options.viewport ?? { width: 1440, height: 900 },
      locale: options.locale ?? 'id-ID',
      baseURL: options.baseURL,
      permissions: options.permissions,
    });
    const page = await context.newPage();
    const consoleErrors: string[] = [];
    page.on('console', (message) => {
      if (message.type() !== 'error') return;
      const { url, lineNumber } = message.location();
      consoleErrors.push(url ? `${message.text()} (${url}:${lineNumber})` : message.text());
    });
    page.on('pageerror', (error) => consoleErrors.push(`Uncaught ${error.name}: ${error.message}`));

    const folder = join(SCREENSHOTS_DIR, slug(options.testName ?? currentTestName()));
    if (!taken.has(folder)) {
      // A fresh run of a test replaces its old pictures rather than mixing with them.
      await rm(folder, { recursive: true, force: true });
      taken.set(folder, 0);
    }
    screenshotFolders.set(page, folder);
    return { browser, context, page, consoleErrors, close: () => browser.close() };
  } catch (error) {
    await browser.close();
    throw error;
  }
}

/** Saves a full-page PNG as `test-output/screenshots/<test name>/NN-<name>.png`; returns its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  const folder = screenshotFolders.get(page) ?? join(SCREENSHOTS_DIR, slug(currentTestName()));
  const count = (taken.get(folder) ?? 0) + 1;
  taken.set(folder, count);
  await mkdir(folder, { recursive: true });
  const path = join(folder, `${String(count).padStart(2, '0')}-${slug(name)}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

function currentTestName(): string {
  return expect.getState().currentTestName ?? 'browser';
}

function slug(text: string): string {
  return (
    text
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 80) || 'unnamed'
  );
}
