import type { Localized } from '#shared/i18n.ts';
import type { ProblemCode } from '#shared/problems/index.ts';

export interface FieldProblem {
  /** Dotted path of the field in the request, e.g. `dateOfBirth` or `applicant.nik`. */
  readonly path: string;
  readonly message: Localized;
}

export interface DomainErrorOptions {
  readonly code: ProblemCode;
  /** What happened and what to do next, per language; the problem's title is used when absent. */
  readonly detail?: Localized;
  readonly errors?: readonly FieldProblem[];
  readonly headers?: Readonly<Record<string, string>>;
  readonly cause?: unknown;
}

/**
 * A failure the user can act on, named by a stable code. Services throw it; only the HTTP layer
 * turns it into a status and a problem document, so services never touch HTTP types.
 */
export class DomainError extends Error {
  readonly code: ProblemCode;
  readonly detail: Localized | undefined;
  readonly errors: readonly FieldProblem[] | undefined;
  readonly headers: Readonly<Record<string, string>> | undefined;

  constructor(options: DomainErrorOptions) {
    super(options.detail?.en ?? options.code, { cause: options.cause });
    this.name = 'DomainError';
    this.code = options.code;
    this.detail = options.detail;
    this.errors = options.errors;
    this.headers = options.headers;
  }
}

export function isDomainError(error: unknown): error is DomainError {
  return error instanceof DomainError;
}
