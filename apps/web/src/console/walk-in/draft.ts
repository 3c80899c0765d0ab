import type { WalkInCreate, WalkInLaneCode, PriorityGroup } from '#shared/contracts/walk-ins.ts';
import type { ReplacementReason } from '#shared/document-requirements.ts';

/** The counter form as typed; nothing is chosen for the officer (no lane, no group, no product). */
export interface WalkInDraft {
  lane: WalkInLaneCode | null;
  priorityGroup: PriorityGroup | null;
  reason: string;
  email: string;
  phone: string;
  nik: string;
  fullName: string;
  dateOfBirth: string;
  placeOfBirth: string;
  sex: 'M' | 'F' | null;
  type: 'NEW' | 'REPLACEMENT' | null;
  replacementReason: ReplacementReason | null;
  previousPassportNumber: string;
  product: WalkInCreate['application']['product'] | null;
}

export const emptyWalkIn: WalkInDraft = {
  lane: null,
  priorityGroup: null,
  reason: '',
  email: '',
  phone: '',
  nik: '',
  fullName: '',
  dateOfBirth: '',
  placeOfBirth: '',
  sex: null,
  type: null,
  replacementReason: null,
  previousPassportNumber: '',
  product: null,
};

/** The lost/damaged lane only serves a replacement for one of those reasons. */
export const lostOrDamagedReasons: readonly ReplacementReason[] = [
  'LOST',
  'DAMAGED',
  'LOST_FORCE_MAJEURE',
  'DAMAGED_FORCE_MAJEURE',
];

export type MissingChoice = 'lane' | 'priorityGroup' | 'sex' | 'type' | 'replacementReason' | 'product';

/** The choices still to make before the form can go; the button says which. */
export function missingChoices(draft: WalkInDraft): MissingChoice[] {
  const missing: MissingChoice[] = [];
  if (!draft.lane) missing.push('lane');
  if (draft.lane === 'PRIORITY' && !draft.priorityGroup) missing.push('priorityGroup');
  if (!draft.sex) missing.push('sex');
  if (!draft.type) missing.push('type');
  if (draft.type === 'REPLACEMENT' && !draft.replacementReason) missing.push('replacementReason');
  if (!draft.product) missing.push('product');
  return missing;
}

/** The request body, or null while a choice is missing; the server checks everything again. */
export function walkInBody(draft: WalkInDraft): WalkInCreate | null {
  if (missingChoices(draft).length > 0) return null;
  const replacement = draft.type === 'REPLACEMENT';
  const previous = draft.previousPassportNumber.trim().toUpperCase();
  return {
    lane: draft.lane!,
    ...(draft.lane === 'PRIORITY' ? { priorityGroup: draft.priorityGroup! } : {}),
    reason: draft.reason.trim(),
    contact: { email: draft.email.trim(), phone: draft.phone.trim(), language: 'id' },
    application: {
      type: draft.type!,
      ...(replacement ? { replacementReason: draft.replacementReason! } : {}),
      ...(replacement && previous ? { previousPassportNumber: previous } : {}),
      service: 'REGULAR',
      product: draft.product!,
      applicant: {
        nik: draft.nik.replace(/\s+/g, ''),
        fullName: draft.fullName.trim(),
        dateOfBirth: draft.dateOfBirth,
        placeOfBirth: draft.placeOfBirth.trim(),
        sex: draft.sex!,
        // Whether the person is married comes from Dukcapil, never from the counter's form.
        married: false,
      },
      circumstances: { naturalised: false, nameChanged: false },
    },
  };
}
