import type { Language } from '#shared/i18n.ts';

/**
 * The applicant app's fetch client. The bearer token lives in localStorage so an installed app stays
 * logged in between launches (and opens offline); every request names the language so problem details
 * come back in it.
 */
export const API_BASE = '/api/v1';
const SESSION_KEY = 'mpaspor.applicant.session';

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly fieldErrors: readonly { path: string; message: string }[];

  constructor(init: { status: number; code: string; detail: string; fieldErrors?: ApiError['fieldErrors'] }) {
    super(init.detail);
    this.name = 'ApiError';
    this.status = init.status;
    this.code = init.code;
    this.fieldErrors = init.fieldErrors ?? [];
  }
}

/** Reads an RFC 9457 body leniently: a proxy or a crash may answer with anything. */
export function problemFrom(status: number, body: unknown): ApiError {
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
    detail: text(problem.detail) ?? text(problem.title) ?? '',
    fieldErrors: errors,
  });
}

export interface StoredSession {
  token: string;
  expiresAt: string;
  account: {
    email: string;
    fullName: string;
    nik: string;
    dateOfBirth: string;
    placeOfBirth: string;
    sex: 'M' | 'F';
  };
}

export const sessionStore = {
  get(): StoredSession | null {
    try {
      return JSON.parse(localStorage.getItem(SESSION_KEY) ?? 'null') as StoredSession | null;
    } catch {
      return null;
    }
  },
  set: (session: StoredSession) => localStorage.setItem(SESSION_KEY, JSON.stringify(session)),
  clear: () => localStorage.removeItem(SESSION_KEY),
};

let language: Language = 'id';
export function setRequestLanguage(next: Language) {
  language = next;
}

const expiryListeners = new Set<() => void>();
export function onSessionExpired(listener: () => void): () => void {
  expiryListeners.add(listener);
  return () => expiryListeners.delete(listener);
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'DELETE';
  json?: unknown;
}

export async function apiFetch(path: string, options: RequestOptions = {}): Promise<Response> {
  const headers = new Headers({ 'Accept-Language': language });
  const session = sessionStore.get();
  if (session) headers.set('Authorization', `Bearer ${session.token}`);
  let body: string | undefined;
  if (options.json !== undefined) {
    headers.set('Content-Type', 'application/json');
    body = JSON.stringify(options.json);
  }
  let response: Response;
  try {
    response = await fetch(`${API_BASE}${path}`, { method: options.method ?? 'GET', headers, body });
  } catch {
    throw new ApiError({ status: 0, code: 'NETWORK', detail: '' });
  }
  if (response.ok) return response;
  const problem = problemFrom(response.status, await response.json().catch(() => null));
  if (response.status === 401 && session) {
    sessionStore.clear();
    expiryListeners.forEach((listener) => listener());
  }
  throw problem;
}

/** The parsed JSON answer, or null when the server answered without a body (202/204). */
export async function apiJson<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const response = await apiFetch(path, options);
  const text = await response.text();
  return (text ? JSON.parse(text) : null) as T;
}

/** True when the service worker answered from its cache because the network was unreachable. */
export function fromOfflineCache(response: Response): boolean {
  return response.headers.get('x-mpaspor-offline') === '1';
}
