import type { Localized } from '../i18n.ts';

export interface ProblemDefinition {
  /** HTTP status answered for this problem. */
  readonly status: number;
  /** Short, stable summary of the problem type (RFC 9457 `title`), per language. */
  readonly title: Localized;
}

/** Each area declares its own problems; `problems/index.ts` joins them into one catalog. */
export function defineProblems<const T extends Record<string, ProblemDefinition>>(definitions: T): T {
  return definitions;
}
