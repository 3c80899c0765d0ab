import type { ReplacementReason } from '#shared/document-requirements.ts';
import { isAdult } from '#shared/eligibility.ts';

/**
 * What an applicant chooses (DOMAIN.md "What an applicant chooses") and what it costs. The fee amounts
 * come from GET /api/v1/fees, so a new regulation needs no app release.
 */
export type PassportKind = 'NON_ELECTRONIC' | 'ELECTRONIC' | 'POLYCARBONATE';
export const passportKinds: readonly PassportKind[] = ['ELECTRONIC', 'POLYCARBONATE', 'NON_ELECTRONIC'];

/** As in the API contract (contracts/applications.ts), repeated so the bundle carries no zod. */
export const travelPurposes = [
  'TOURISM',
  'UMRAH',
  'HAJJ',
  'WORK',
  'MIGRANT_WORKER',
  'STUDY',
  'MEDICAL',
  'OTHER',
] as const;

export interface Choices {
  type: 'NEW' | 'REPLACEMENT';
  replacementReason: ReplacementReason | null;
  kind: PassportKind;
  validityYears: 5 | 10;
  service: 'REGULAR' | 'EXPRESS';
  married: boolean;
  naturalised: boolean;
  nameChanged: boolean;
}

export const defaultChoices: Choices = {
  type: 'NEW',
  replacementReason: null,
  kind: 'ELECTRONIC',
  validityYears: 10,
  service: 'REGULAR',
  married: false,
  naturalised: false,
  nameChanged: false,
};

export function productCode(choices: Pick<Choices, 'kind' | 'validityYears'>): string {
  return `${choices.kind}_${choices.validityYears}Y`;
}

/** 10 years only for adults; an unknown date of birth leaves both open (the server decides). */
export function adultApplicant(dateOfBirth: string, married: boolean, today: string): boolean {
  return !dateOfBirth || isAdult({ dateOfBirth, married }, today);
}

/** Keeps the choices consistent after one of them changed (a minor cannot keep 10 years). */
export function normalise(choices: Choices, adult: boolean): Choices {
  return {
    ...choices,
    validityYears: adult ? choices.validityYears : 5,
    replacementReason: choices.type === 'NEW' ? null : (choices.replacementReason ?? 'EXPIRED'),
  };
}

export interface FeeLine {
  code: string;
  amount: number;
}

/** What the app bills: the passport, plus percepatan. */
export function feeLines(choices: Choices, amounts: ReadonlyMap<string, number>): FeeLine[] {
  const codes = [productCode(choices)];
  if (choices.service === 'EXPRESS') codes.push('EXPRESS');
  return codes.map((code) => ({ code, amount: amounts.get(code) ?? 0 }));
}

/**
 * The charge for a lost or damaged passport (not force majeure): billed at the office after the
 * examination (BAP) and the head of office's decision (issue 16), so it is shown apart, not in the total.
 */
export function laterFine(choices: Choices, amounts: ReadonlyMap<string, number>): FeeLine | null {
  if (choices.type !== 'REPLACEMENT') return null;
  const code =
    choices.replacementReason === 'LOST'
      ? 'FINE_LOST'
      : choices.replacementReason === 'DAMAGED'
        ? 'FINE_DAMAGED'
        : null;
  return code ? { code, amount: amounts.get(code) ?? 0 } : null;
}
