import { describe, expect, it } from 'vitest';
import { walkInCreateSchema } from '#shared/contracts/walk-ins.ts';
import { emptyWalkIn, missingChoices, walkInBody, type WalkInDraft } from './draft.ts';

const filled: WalkInDraft = {
  ...emptyWalkIn,
  lane: 'PRIORITY',
  priorityGroup: 'ELDERLY',
  reason: '  Lansia datang langsung  ',
  email: 'keluarga@contoh.id',
  phone: '0812 3456 7890',
  nik: '3171 0101 0170 0001',
  fullName: 'Siti Aminah ',
  dateOfBirth: '1958-03-02',
  placeOfBirth: 'Bogor',
  sex: 'F',
  type: 'NEW',
  product: 'ELECTRONIC_5Y',
};

describe('the walk-in counter form', () => {
  it('when nothing is chosen yet, then every choice is named as missing and there is no body', () => {
    expect(missingChoices(emptyWalkIn)).toEqual(['lane', 'sex', 'type', 'product']);
    expect(walkInBody(emptyWalkIn)).toBeNull();
  });

  it('when the priority lane or a replacement is chosen, then its group or reason is asked for', () => {
    expect(missingChoices({ ...filled, priorityGroup: null })).toEqual(['priorityGroup']);
    expect(missingChoices({ ...filled, type: 'REPLACEMENT' })).toEqual(['replacementReason']);
  });

  it('when the form is complete, then the body is what the API accepts, trimmed, without the form’s married box', () => {
    const body = walkInBody(filled)!;
    expect(walkInCreateSchema.safeParse(body).success).toBe(true);
    expect(body).toMatchObject({
      lane: 'PRIORITY',
      priorityGroup: 'ELDERLY',
      reason: 'Lansia datang langsung',
      application: { applicant: { nik: '3171010101700001', fullName: 'Siti Aminah', married: false } },
    });
    const other = walkInBody({
      ...filled,
      lane: 'LOST_DAMAGED',
      type: 'REPLACEMENT',
      replacementReason: 'LOST',
      previousPassportNumber: ' c1234567 ',
    })!;
    expect(other).not.toHaveProperty('priorityGroup');
    expect(other.application).toMatchObject({
      replacementReason: 'LOST',
      previousPassportNumber: 'C1234567',
    });
  });
});
