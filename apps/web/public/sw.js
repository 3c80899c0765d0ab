/* global self, caches */
/*
 * The applicant app's service worker, written by hand. The build stamps BUILD_ID and PRECACHE
 * (vite.config.ts, `stampServiceWorker`), so every deployment changes these bytes: the browser installs
 * the new worker, which waits until the user accepts the update prompt (SKIP_WAITING).
 *
 * - App shell (index.html, every chunk of the applicant app, manifest, icons): precached; the page
 *   network-first so a deployment shows at once when online, the cached shell when not; either way
 *   without the prerendered home screen (see withoutPrerender).
 * - My applications, one application and its arrival pass: network-first, the last answer kept so the
 *   app shows the last known status and the QR offline. The page deletes that cache at logout.
 * - Everything else (other API calls, the console, the simulators): straight to the network.
 */
const BUILD_ID = 'dev';
const PRECACHE = [];
const SHELL_CACHE = `mpaspor-shell-${BUILD_ID}`;
const API_CACHE = 'mpaspor-api';
const SHELL = ['/', '/manifest.webmanifest', '/favicon.svg', '/icons/icon-192.png', ...PRECACHE];
const CACHED_API = /^\/api\/v1\/applications(\/[^/]+(\/arrival-pass)?)?$/;
const NOT_THE_APP = /^\/(console|sim|api|metrics|healthz|readyz)(\/|$)/;

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(SHELL_CACHE).then((cache) => cache.addAll(SHELL)));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) =>
        Promise.all(
          keys
            .filter((key) => key.startsWith('mpaspor-shell-') && key !== SHELL_CACHE)
            .map((key) => caches.delete(key)),
        ),
      )
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('message', (event) => {
  if (event.data && event.data.type === 'SKIP_WAITING') self.skipWaiting();
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (request.mode === 'navigate') {
    if (NOT_THE_APP.test(url.pathname)) return;
    event.respondWith(shellPage(request));
  } else if (url.pathname.startsWith('/assets/') || SHELL.includes(url.pathname)) {
    event.respondWith(cacheFirst(request));
  } else if (CACHED_API.test(url.pathname)) {
    event.respondWith(lastKnown(request));
  }
});

async function shellPage(request) {
  try {
    return await withoutPrerender(await fetch(request));
  } catch {
    const cached = await caches.match('/', { cacheName: SHELL_CACHE });
    return cached ? withoutPrerender(cached) : Response.error();
  }
}

/**
 * The page holds the home screen drawn at build time, for a first visit. A visit through this worker is
 * a return, perhaps signed in or in another language: the app draws its own first screen from the cached
 * script at once, rather than show the home screen for a moment before it.
 */
async function withoutPrerender(response) {
  if (!response.ok || !(response.headers.get('content-type') || '').startsWith('text/html')) return response;
  const html = (await response.text()).replace(
    /<div id="root" data-prerendered="[^"]*">[\s\S]*?<\/div><!--\/prerendered-->/,
    '<div id="root"></div>',
  );
  const headers = new Headers(response.headers);
  // The body is decoded text now, of another length.
  headers.delete('content-encoding');
  headers.delete('content-length');
  return new Response(html, { status: response.status, statusText: response.statusText, headers });
}

async function cacheFirst(request) {
  const cached = await caches.match(request, { ignoreSearch: true });
  if (cached) return cached;
  const response = await fetch(request);
  if (response.ok) {
    const cache = await caches.open(SHELL_CACHE);
    await cache.put(request, response.clone());
  }
  return response;
}

/** The network's answer when there is one; else the last one, marked so the page can say it is old. */
async function lastKnown(request) {
  try {
    const response = await fetch(request);
    if (response.ok) {
      const cache = await caches.open(API_CACHE);
      await cache.put(request.url, response.clone());
    }
    return response;
  } catch (error) {
    const cached = await caches.match(request.url, { cacheName: API_CACHE, ignoreVary: true });
    if (!cached) throw error;
    const headers = new Headers(cached.headers);
    headers.set('x-mpaspor-offline', '1');
    return new Response(cached.body, { status: cached.status, statusText: cached.statusText, headers });
  }
}
