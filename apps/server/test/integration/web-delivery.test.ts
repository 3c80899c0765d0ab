import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../support/server-process.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';

/**
 * How the built web app travels: compressed when the browser accepts it, fingerprinted assets cached for
 * a year, pages and the service worker revalidated; and the applicant's first load holds neither the
 * console's texts nor code of screens it does not show. Serves the build `npm test` makes first.
 */
const WEB_DIST = join(REPO_ROOT, 'apps/web/dist');
const IMMUTABLE = 'public, max-age=31536000, immutable';
let t: TestApp;

beforeAll(async () => {
  if (!existsSync(join(WEB_DIST, 'sw.js'))) throw new Error('apps/web/dist missing: run npm run build');
  t = await createTestApp({ config: { webDistDir: WEB_DIST } });
});
afterAll(() => t?.close());

const distFile = (path: string) => readFileSync(join(WEB_DIST, path));
const html = (path: string) => distFile(path).toString('utf8');

/** The applicant page's initial scripts: its module entry and the chunks it modulepreloads. */
function initialScripts(): string[] {
  const page = html('index.html');
  return [
    ...page.matchAll(/<script[^>]+type="module"[^>]+src="\/([^"]+)"/g),
    ...page.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="\/([^"]+)"/g),
  ].map((match) => match[1]!);
}

/** The built scripts whose code holds `text`. */
const assetsHolding = (text: string) =>
  readdirSync(join(WEB_DIST, 'assets'))
    .filter((name) => name.endsWith('.js'))
    .map((name) => `assets/${name}`)
    .filter((file) => distFile(file).toString('utf8').includes(text));

/** The service worker's precache list, as paths in the build. */
function precached(): string[] {
  const list = html('sw.js').match(/const PRECACHE = (\[.*\]);/)?.[1];
  return (JSON.parse(list ?? '[]') as string[]).map((path) => path.slice(1));
}

function get(url: string, headers: Record<string, string> = {}) {
  return t.app.inject({ method: 'GET', url, headers });
}

describe('when a browser fetches a fingerprinted script', () => {
  const asset = () => initialScripts()[0]!;

  it('then it gets brotli if it accepts it, gzip if only that, the file itself if neither', async () => {
    const raw = distFile(asset());
    const br = await get(`/${asset()}`, { 'accept-encoding': 'gzip, deflate, br' });
    expect(br.statusCode).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.rawPayload.length).toBeLessThan(raw.length / 2);
    expect(brotliDecompressSync(br.rawPayload).equals(raw)).toBe(true);

    const gzip = await get(`/${asset()}`, { 'accept-encoding': 'gzip' });
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gzip.rawPayload).equals(raw)).toBe(true);

    const identity = await get(`/${asset()}`);
    expect(identity.headers['content-encoding']).toBeUndefined();
    expect(identity.rawPayload.equals(raw)).toBe(true);
    for (const response of [br, gzip, identity]) {
      expect(response.headers['content-type']).toMatch(/^(text|application)\/javascript/);
      expect(response.headers.vary).toMatch(/accept-encoding/i);
    }
  });

  it('then it may be kept a year without asking again: a new build gives it a new name', async () => {
    for (const encoding of ['br', 'gzip', 'identity']) {
      const response = await get(`/${asset()}`, { 'accept-encoding': encoding });
      expect(response.headers['cache-control']).toBe(IMMUTABLE);
    }
  });
});

describe('when a browser opens a page or the service worker', () => {
  it.each([
    ['the applicant app', '/', 'index.html'],
    ['a deep link into the applicant app', '/applications/x', 'index.html'],
    ['the officer console', '/console', 'console/index.html'],
    ['a deep link into the console', '/console/queue', 'console/index.html'],
  ])('then %s comes compressed and must be revalidated', async (_what, url, file) => {
    const response = await get(url, { accept: 'text/html', 'accept-encoding': 'br, gzip' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-encoding']).toBe('br');
    expect(response.headers['cache-control']).toBe('no-cache');
    expect(response.headers.vary).toMatch(/accept-encoding/i);
    expect(brotliDecompressSync(response.rawPayload).equals(distFile(file))).toBe(true);
  });

  it.each([
    ['id-ID,id;q=0.9', 'index.html', 'Selamat datang di M-Paspor'],
    ['en-GB,en;q=0.9,id;q=0.5', 'index.en.html', 'Welcome to M-Paspor'],
    ['fr-FR', 'index.html', 'Selamat datang di M-Paspor'],
  ])(
    'then for Accept-Language %s the applicant page is %s, its home screen drawn',
    async (accept, file, title) => {
      for (const url of ['/', '/applications/x']) {
        const response = await get(url, { accept: 'text/html', 'accept-language': accept });
        expect(response.statusCode).toBe(200);
        expect(response.headers.vary).toMatch(/accept-language/i);
        expect(response.rawPayload.equals(distFile(file))).toBe(true);
        expect(response.body).toContain(`<h1 id="screen-title" tabindex="-1">${title}</h1>`);
      }
    },
  );

  it.each(['/sw.js', '/manifest.webmanifest'])(
    'then %s comes compressed and must be revalidated',
    async (url) => {
      const gzip = await get(url, { 'accept-encoding': 'gzip' });
      expect(gzip.statusCode).toBe(200);
      expect(gzip.headers['content-encoding']).toBe('gzip');
      expect(gzip.headers['cache-control']).toBe('no-cache');
      expect(gunzipSync(gzip.rawPayload).equals(distFile(url.slice(1)))).toBe(true);
      const identity = await get(url);
      expect(identity.headers['content-encoding']).toBeUndefined();
      expect(identity.headers['cache-control']).toBe('no-cache');
    },
  );

  it('then icons are kept a day, not forever: their names do not change between builds', async () => {
    const response = await get('/icons/icon-192.png', { 'accept-encoding': 'br, gzip' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['cache-control']).toBe('public, max-age=86400');
    expect(response.headers['content-encoding']).toBeUndefined();
  });

  it('then the build stamp is not served', async () => {
    expect((await get('/.build-hash')).statusCode).toBe(404);
  });
});

describe('when a phone loads the applicant app for the first time', () => {
  const initialCode = () => initialScripts().map((file) => distFile(file).toString('utf8'));

  it('then its scripts are the entry and what it modulepreloads, all fingerprinted', () => {
    expect(initialScripts().length).toBeGreaterThan(0);
    for (const file of initialScripts()) expect(file).toMatch(/^assets\/.+-[\w-]{8}\.js$/);
  });

  it.each([
    // Console-only texts, one per language; they must be in the console's code (else the test is blind).
    ['the console', 'Lihat kode terbaru di aplikasi autentikator Anda.'],
    ['the console', 'Read the current code in your authenticator app.'],
    // The upload screen is loaded when first opened.
    ['the upload screen', 'upload-next'],
    // The payment screen likewise.
    ['the payment screen', 'pay-countdown'],
  ])('then it does not carry the code of %s (%s)', (_what, text) => {
    expect(assetsHolding(text).length).toBeGreaterThan(0);
    for (const code of initialCode()) expect(code).not.toContain(text);
  });

  it('then it does not carry a QR code library: the server draws the arrival QR as SVG', () => {
    // Error texts of the `qrcode` package, which survive minification.
    for (const code of initialCode()) {
      expect(code).not.toContain('stored in a QR Code');
      expect(code).not.toContain('No input text');
    }
  });

  it('then the service worker precaches the lazily loaded screens, and nothing of the console', () => {
    const files = precached();
    expect(files).toEqual(expect.arrayContaining(initialScripts()));
    for (const text of ['upload-next', 'pay-countdown']) {
      expect(files).toEqual(expect.arrayContaining(assetsHolding(text)));
    }
    for (const file of assetsHolding('Read the current code in your authenticator app.')) {
      expect(files).not.toContain(file);
    }
  });
});
