import { defineProblems } from './define.ts';

/** NIK and civil-registry (Dukcapil) problems. */
export const identityProblems = defineProblems({
  NIK_INVALID: {
    status: 422,
    title: { id: 'NIK tidak valid', en: 'The NIK is not valid' },
  },
});
