import type { FastifyInstance, FastifyRequest } from 'fastify';
import { DomainError } from './errors.ts';

/**
 * Access is declared on every API route (`config: { access }`) and checked by one hook; a route
 * that forgets to declare it stops the server at start-up instead of being open by accident.
 * Record-level checks (is this my application?) belong to the services.
 */
export type Access = 'public' | 'applicant' | 'officer';

export interface ApplicantPrincipal {
  readonly accountId: string;
  readonly sessionId: string;
  /** Cookie sessions need CSRF protection on writes; bearer tokens cannot be sent by another site. */
  readonly via: 'bearer' | 'cookie';
  readonly csrfToken: string;
}

/** An officer's session: separate tokens, separate table, never valid on the applicant API. */
export interface OfficerPrincipal {
  readonly officerId: string;
  readonly username: string;
  readonly fullName: string;
  readonly officeCode: string | null;
  readonly roles: readonly string[];
  readonly sessionId: string;
  readonly via: 'bearer' | 'cookie';
  readonly csrfToken: string;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
  }
  interface FastifyRequest {
    applicant: ApplicantPrincipal | null;
    officer: OfficerPrincipal | null;
  }
}

export interface AccessDeps {
  /** Resolves the applicant from the request's bearer token or session cookie; null when none is valid. */
  authenticateApplicant(request: FastifyRequest): Promise<ApplicantPrincipal | null>;
  authenticateOfficer(request: FastifyRequest): Promise<OfficerPrincipal | null>;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const UNDECLARED_ALLOWED = ['/api/v1/openapi.json', '/api/v1/problems/:code'];

export function registerAccess(app: FastifyInstance, deps: AccessDeps): void {
  app.decorateRequest('applicant', null);

  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/v1/') || UNDECLARED_ALLOWED.includes(route.url)) return;
    const access = (route.config as { access?: Access } | undefined)?.access;
    if (!access) throw new Error(`Route ${route.method} ${route.url} does not declare config.access`);
  });

  app.decorateRequest('officer', null);
  // Before validation: a caller without a session learns nothing about a route's body (issue 18's
  // access matrix): it is refused before its body is validated.
  app.addHook('preValidation', async (request) => {
    const access = request.routeOptions.config.access;
    if (access !== 'applicant' && access !== 'officer') return;
    const principal =
      access === 'applicant'
        ? await deps.authenticateApplicant(request)
        : await deps.authenticateOfficer(request);
    if (!principal) {
      throw new DomainError({
        code: 'UNAUTHENTICATED',
        detail: {
          id: 'Sesi Anda tidak ada atau sudah berakhir. Silakan masuk kembali.',
          en: 'You are not logged in or your session has ended. Please log in again.',
        },
      });
    }
    if (principal.via === 'cookie' && !SAFE_METHODS.has(request.method)) {
      const sent = request.headers['x-csrf-token'];
      if (typeof sent !== 'string' || !constantTimeEqual(sent, principal.csrfToken)) {
        throw new DomainError({ code: 'CSRF_INVALID' });
      }
    }
    if (access === 'applicant') request.applicant = principal as ApplicantPrincipal;
    else request.officer = principal as OfficerPrincipal;
  });
}

function constantTimeEqual(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}

/** The applicant of a route declared `access: 'applicant'` (the hook guarantees one). */
export function applicantOf(request: FastifyRequest): ApplicantPrincipal {
  if (!request.applicant) throw new DomainError({ code: 'UNAUTHENTICATED' });
  return request.applicant;
}

/** The officer of a route declared `access: 'officer'` (the hook guarantees one). */
export function officerOf(request: FastifyRequest): OfficerPrincipal {
  if (!request.officer) throw new DomainError({ code: 'UNAUTHENTICATED' });
  return request.officer;
}
