import type { Language } from '#shared/i18n.ts';

/**
 * The console's fetch client. The officer token lives in sessionStorage, so it dies with the tab and is
 * never shared with the applicant app; every request names the chosen language so problem details come
 * back in it.
 */
export const API_BASE = '/api/v1/officer';
const TOKEN_KEY = 'mpaspor.officer.token';

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly detail: string;
  readonly fieldErrors: readonly { path: string; message: string }[];

  constructor(init: { status: number; code: string; detail: string; fieldErrors?: ApiError['fieldErrors'] }) {
    super(init.detail);
    this.name = 'ApiError';
    this.status = init.status;
    this.code = init.code;
    this.detail = init.detail;
    this.fieldErrors = init.fieldErrors ?? [];
  }
}

/** Reads an RFC 9457 body leniently: a proxy or a crash may answer with anything. */
export function problemFrom(status: number, body: unknown, fallback: string): ApiError {
  const problem = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
  const text = (value: unknown) => (typeof value === 'string' && value.trim() ? value : undefined);
  const errors = Array.isArray(problem.errors)
    ? problem.errors.filter(
        (e): e is { path: string; message: string } =>
          typeof e === 'object' && e !== null && typeof e.path === 'string' && typeof e.message === 'string',
      )
    : [];
  return new ApiError({
    status,
    code: text(problem.code) ?? `HTTP_${status}`,
    detail: text(problem.detail) ?? text(problem.title) ?? fallback,
    fieldErrors: errors,
  });
}

export const officerToken = {
  get: (): string | null => sessionStorage.getItem(TOKEN_KEY),
  set: (token: string) => sessionStorage.setItem(TOKEN_KEY, token),
  clear: () => sessionStorage.removeItem(TOKEN_KEY),
};

const expiryListeners = new Set<() => void>();

/** Called when the server no longer knows the token (expired, revoked, logged out elsewhere). */
export function onSessionExpired(listener: () => void): () => void {
  expiryListeners.add(listener);
  return () => expiryListeners.delete(listener);
}

export interface RequestOptions {
  language: Language;
  method?: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** Sent as JSON. */
  json?: unknown;
  /** Sent as the raw body with its own type (photos). */
  blob?: Blob;
  /** Shown when the server's answer carries no detail. */
  networkError: string;
}

export async function apiFetch(path: string, options: RequestOptions): Promise<Response> {
  const headers = new Headers({ 'Accept-Language': options.language });
  const token = officerToken.get();
  if (token) headers.set('Authorization', `Bearer ${token}`);
  let body: BodyInit | undefined;
  if (options.json !== undefined) {
    headers.set('Content-Type', 'application/json');
    body = JSON.stringify(options.json);
  } else if (options.blob) {
    headers.set('Content-Type', options.blob.type || 'application/octet-stream');
    body = options.blob;
  }
  let response: Response;
  try {
    response = await fetch(`${API_BASE}${path}`, { method: options.method ?? 'GET', headers, body });
  } catch {
    throw new ApiError({ status: 0, code: 'NETWORK', detail: options.networkError });
  }
  if (response.ok) return response;
  const problem = problemFrom(response.status, await response.json().catch(() => null), options.networkError);
  if (response.status === 401 && token) {
    officerToken.clear();
    expiryListeners.forEach((listener) => listener());
  }
  throw problem;
}

/** The parsed JSON answer, or null when the server answered without a body (201/204). */
export async function apiJson<T>(path: string, options: RequestOptions): Promise<T | null> {
  const response = await apiFetch(path, options);
  const text = await response.text();
  return text ? (JSON.parse(text) as T) : null;
}
