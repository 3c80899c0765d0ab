import type { Language } from '../i18n.ts';
import { accountProblems } from './accounts.ts';
import { applicationProblems } from './applications.ts';
import { billingProblems } from './billing.ts';
import type { ProblemDefinition } from './define.ts';
import { documentProblems } from './documents.ts';
import { identityProblems } from './identity.ts';
import { officerProblems } from './officer.ts';
import { platformProblems } from './platform.ts';
import { releaseProblems } from './releases.ts';
import { schedulingProblems } from './scheduling.ts';
import { simponiProblems } from './simponi.ts';

export type { ProblemDefinition } from './define.ts';

export const problemCatalog = {
  ...platformProblems,
  ...identityProblems,
  ...accountProblems,
  ...applicationProblems,
  ...documentProblems,
  ...schedulingProblems,
  ...releaseProblems,
  ...billingProblems,
  ...simponiProblems,
  ...officerProblems,
} as const satisfies Record<string, ProblemDefinition>;

export type ProblemCode = keyof typeof problemCatalog;

export const problemCodes = Object.keys(problemCatalog) as ProblemCode[];

export function isProblemCode(value: unknown): value is ProblemCode {
  return typeof value === 'string' && Object.hasOwn(problemCatalog, value);
}

/** The RFC 9457 `type` of a problem: a relative URI that the server documents. */
export function problemTypeUri(code: ProblemCode): string {
  return `/api/v1/problems/${code}`;
}

export function problemTitle(code: ProblemCode, language: Language): string {
  return problemCatalog[code].title[language];
}
