import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

/**
 * Security headers on every response, pages and API alike. The web app is built so that a strict policy
 * holds: no inline script anywhere, every script and style from our own origin. A route that needs a
 * policy of its own (the simulated payment page) sets it, and this hook leaves it alone.
 */
export interface SecurityHeaderOptions {
  /** HSTS only in production: development runs on plain http://127.0.0.1. */
  readonly production: boolean;
  readonly docsPath: string;
}

type Directives = Readonly<Record<string, string>>;

const APPLICANT_POLICY: Directives = {
  'default-src': "'self'",
  'script-src': "'self'",
  'style-src': "'self'",
  // Previews of the scans being uploaded, and QR codes drawn as data: URLs.
  'img-src': "'self' data: blob:",
  'font-src': "'self'",
  'connect-src': "'self'",
  'manifest-src': "'self'",
  'worker-src': "'self'",
  'frame-src': "'none'",
  'object-src': "'none'",
  'base-uri': "'none'",
  'form-action': "'self'",
  'frame-ancestors': "'none'",
};

/** The console previews a PDF scan in a frame from a blob: URL, which Chromium treats as a plugin. */
const CONSOLE_POLICY: Directives = {
  ...APPLICANT_POLICY,
  'frame-src': "'self' blob:",
  'object-src': 'blob:',
  'media-src': "'self' blob:",
};

/** Swagger UI: its own scripts only, but its rendering sets inline styles. */
const DOCS_POLICY: Directives = {
  ...APPLICANT_POLICY,
  'style-src': "'self' 'unsafe-inline'",
  'worker-src': "'none'",
  'manifest-src': "'none'",
};

/** JSON and files are never rendered as documents of ours: they may load nothing and frame nothing. */
const API_POLICY: Directives = { 'default-src': "'none'", 'frame-ancestors': "'none'", sandbox: '' };

/**
 * Powerful features: the app itself may ask for the position (nearest office) and the camera (scans,
 * the officer's photo); everything else is off, for embedded content too.
 */
export const PERMISSIONS_POLICY = [
  'camera=(self)',
  'geolocation=(self)',
  'microphone=()',
  'payment=()',
  'usb=()',
  'serial=()',
  'midi=()',
  'display-capture=()',
  'fullscreen=()',
  'accelerometer=()',
  'gyroscope=()',
  'magnetometer=()',
  'autoplay=()',
  'xr-spatial-tracking=()',
].join(', ');

export function contentSecurityPolicy(directives: Directives, production: boolean): string {
  const entries = Object.entries(directives).map(([name, value]) => (value ? `${name} ${value}` : name));
  if (production && directives['default-src'] !== "'none'") entries.push('upgrade-insecure-requests');
  return entries.join('; ');
}

export function registerSecurityHeaders(app: FastifyInstance, options: SecurityHeaderOptions): void {
  const policies = {
    applicant: contentSecurityPolicy(APPLICANT_POLICY, options.production),
    console: contentSecurityPolicy(CONSOLE_POLICY, options.production),
    docs: contentSecurityPolicy(DOCS_POLICY, options.production),
    api: contentSecurityPolicy(API_POLICY, options.production),
  };
  const policyFor = (path: string): string => {
    if (path === options.docsPath || path.startsWith(`${options.docsPath}/`)) return policies.docs;
    if (path.startsWith('/api/')) return policies.api;
    if (path === '/console' || path.startsWith('/console/')) return policies.console;
    return policies.applicant;
  };
  const fixed: Record<string, string> = {
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'same-origin',
    'permissions-policy': PERMISSIONS_POLICY,
    'x-frame-options': 'DENY',
    'cross-origin-opener-policy': 'same-origin',
    'cross-origin-resource-policy': 'same-origin',
    ...(options.production ? { 'strict-transport-security': 'max-age=31536000; includeSubDomains' } : {}),
  };

  // onSend, not onRequest: it also sees replies built by error handlers and the not-found handler.
  app.addHook('onSend', async (request: FastifyRequest, reply: FastifyReply) => {
    for (const [name, value] of Object.entries(fixed)) if (!reply.hasHeader(name)) reply.header(name, value);
    if (!reply.hasHeader('content-security-policy')) {
      reply.header('content-security-policy', policyFor(request.url.split('?')[0] ?? '/'));
    }
  });
}
