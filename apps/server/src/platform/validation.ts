import type { FastifySchemaCompiler } from 'fastify';
import { z } from 'zod';
import type { Language, Localized } from '#shared/i18n.ts';
import { isValidationMessageKey, validationMessages } from '#shared/validation-messages.ts';
import type { FieldProblem } from './errors.ts';

/**
 * Validates requests with zod, keeping the raw issues so the error handler can phrase them in the
 * request's language (the schema compiler runs once per route, before any request is seen).
 */
export const zodValidatorCompiler: FastifySchemaCompiler<z.ZodType> =
  ({ schema }) =>
  (data) => {
    const result = schema.safeParse(data, { reportInput: true });
    if (result.success) return { value: result.data };
    return {
      error: Object.assign(new Error('Request validation failed'), { validation: result.error.issues }),
    };
  };

const locales: Record<Language, ReturnType<typeof z.locales.en>['localeError']> = {
  id: z.locales.id().localeError,
  en: z.locales.en().localeError,
};

export function isZodIssueList(value: unknown): value is z.core.$ZodIssue[] {
  return (
    Array.isArray(value) && value.every((issue) => typeof issue === 'object' && issue && 'code' in issue)
  );
}

/** Field problems for a problem document: path and message only, never the offending input. */
export function fieldProblemsFromIssues(issues: readonly z.core.$ZodIssue[]): FieldProblem[] {
  return issues.flatMap((issue) => {
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({
        path: joinPath([...issue.path, key]),
        message: { id: 'Kolom ini tidak dikenal.', en: 'This field is not recognised.' },
      }));
    }
    return [{ path: joinPath(issue.path), message: localize(issue) }];
  });
}

function localize(issue: z.core.$ZodIssue): Localized {
  if (isValidationMessageKey(issue.message)) return validationMessages[issue.message];
  const input = (issue as { input?: unknown }).input;
  if (issue.code === 'invalid_type' && input === undefined) return validationMessages.required;
  return { id: phrase('id', issue), en: phrase('en', issue) };
}

function phrase(language: Language, issue: z.core.$ZodIssue): string {
  const result = locales[language](issue as unknown as z.core.$ZodRawIssue);
  const text = typeof result === 'string' ? result : result?.message;
  return text ?? issue.message;
}

function joinPath(path: readonly PropertyKey[]): string {
  return path.map(String).join('.');
}
