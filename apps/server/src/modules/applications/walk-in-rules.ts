import type { ApplicationCreate } from '#shared/contracts/applications.ts';
import type { PriorityGroup, WalkInLaneCode } from '#shared/contracts/walk-ins.ts';
import { ageOn } from '#shared/eligibility.ts';
import { DomainError } from '../../platform/errors.ts';

/**
 * Who may be served at the counter without the app, per lane (issue 16), as data with its source:
 * DOMAIN.md "Legal frame" — priority applicants may walk in: the elderly over 60, children under 5,
 * pregnant women and people with disabilities (Layanan Ramah HAM, Ditjen Imigrasi); lost and damaged
 * passports go to the office for the examination report (BAP); when the app is down the counter is
 * the fallback. Age-based groups are checked against the birth date Dukcapil confirmed; pregnancy and
 * disability are the officer's finding, recorded with their reason.
 */
export const ELDERLY_FROM_AGE = 60;
export const CHILD_UNDER_AGE = 5;

const lostOrDamaged = new Set(['LOST', 'DAMAGED', 'LOST_FORCE_MAJEURE', 'DAMAGED_FORCE_MAJEURE']);

export interface WalkInChoice {
  readonly lane: WalkInLaneCode;
  readonly priorityGroup?: PriorityGroup | undefined;
}

export function checkWalkIn(choice: WalkInChoice, application: ApplicationCreate, today: string): void {
  const { lane, priorityGroup } = choice;
  if (lane !== 'PRIORITY' && priorityGroup) {
    throw notEligible('priorityGroup', {
      id: 'Kelompok prioritas hanya untuk jalur prioritas.',
      en: 'A priority group belongs to the priority lane only.',
    });
  }
  if (lane === 'PRIORITY') checkPriority(priorityGroup, application, today);
  if (lane === 'LOST_DAMAGED' && !lostOrDamaged.has(application.replacementReason ?? '')) {
    throw notEligible('lane', {
      id: 'Jalur paspor hilang/rusak hanya untuk penggantian karena hilang atau rusak.',
      en: 'The lost/damaged lane is only for replacing a lost or damaged passport.',
    });
  }
}

function checkPriority(group: PriorityGroup | undefined, application: ApplicationCreate, today: string) {
  const age = ageOn(application.applicant.dateOfBirth, today);
  if (!group) {
    throw notEligible('priorityGroup', {
      id: 'Pilih kelompok prioritas pemohon.',
      en: 'Choose the applicant’s priority group.',
    });
  }
  if (group === 'ELDERLY' && age < ELDERLY_FROM_AGE) {
    throw notEligible('priorityGroup', {
      id: `Jalur lansia untuk pemohon berusia ${ELDERLY_FROM_AGE} tahun ke atas (usia pemohon ${age}).`,
      en: `The elderly lane is for applicants aged ${ELDERLY_FROM_AGE} or over (the applicant is ${age}).`,
    });
  }
  if (group === 'CHILD_UNDER_5' && age >= CHILD_UNDER_AGE) {
    throw notEligible('priorityGroup', {
      id: `Jalur anak untuk anak di bawah ${CHILD_UNDER_AGE} tahun (usia pemohon ${age}).`,
      en: `The children's lane is for children under ${CHILD_UNDER_AGE} (the applicant is ${age}).`,
    });
  }
  if (group === 'PREGNANT' && application.applicant.sex !== 'F') {
    throw notEligible('priorityGroup', {
      id: 'Jalur ibu hamil hanya untuk pemohon perempuan.',
      en: 'The pregnant women’s lane is for female applicants.',
    });
  }
}

function notEligible(path: string, message: { id: string; en: string }): DomainError {
  return new DomainError({ code: 'WALK_IN_NOT_ELIGIBLE', detail: message, errors: [{ path, message }] });
}
