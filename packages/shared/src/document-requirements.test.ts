import { describe, expect, it } from 'vitest';
import { requiredDocuments, type DocumentCase, type DocumentKind } from './document-requirements.ts';

/** Each row of DOMAIN.md "Documents to upload (scans) and bring (originals)". */
const rows: [string, DocumentCase, DocumentKind[]][] = [
  [
    'adult, new: KTP-el, KK, one of birth/marriage certificate, diploma, baptism letter',
    { adult: true, type: 'NEW' },
    ['KTP_EL', 'KARTU_KELUARGA', 'IDENTITY_PROOF'],
  ],
  [
    'adult, new, naturalised: plus the naturalisation letter',
    { adult: true, type: 'NEW', naturalised: true },
    ['KTP_EL', 'KARTU_KELUARGA', 'IDENTITY_PROOF', 'NATURALISATION_LETTER'],
  ],
  [
    'adult, new, name changed: plus the court name-change order',
    { adult: true, type: 'NEW', nameChanged: true },
    ['KTP_EL', 'KARTU_KELUARGA', 'IDENTITY_PROOF', 'NAME_CHANGE_ORDER'],
  ],
  [
    'replacement, expired: KTP-el, KK, old passport',
    { adult: true, type: 'REPLACEMENT', replacementReason: 'EXPIRED' },
    ['KTP_EL', 'KARTU_KELUARGA', 'OLD_PASSPORT'],
  ],
  [
    'replacement, pages full: KTP-el, KK, old passport',
    { adult: true, type: 'REPLACEMENT', replacementReason: 'PAGES_FULL' },
    ['KTP_EL', 'KARTU_KELUARGA', 'OLD_PASSPORT'],
  ],
  [
    'lost: KTP-el, KK, police loss report',
    { adult: true, type: 'REPLACEMENT', replacementReason: 'LOST' },
    ['KTP_EL', 'KARTU_KELUARGA', 'POLICE_LOSS_REPORT'],
  ],
  [
    'damaged: KTP-el, KK, the damaged passport',
    { adult: true, type: 'REPLACEMENT', replacementReason: 'DAMAGED' },
    ['KTP_EL', 'KARTU_KELUARGA', 'OLD_PASSPORT'],
  ],
  [
    'lost by force majeure: a letter from the kelurahan or another authority instead of the police report',
    { adult: true, type: 'REPLACEMENT', replacementReason: 'LOST_FORCE_MAJEURE' },
    ['KTP_EL', 'KARTU_KELUARGA', 'FORCE_MAJEURE_LETTER'],
  ],
  [
    'damaged by force majeure: the damaged passport and the letter',
    { adult: true, type: 'REPLACEMENT', replacementReason: 'DAMAGED_FORCE_MAJEURE' },
    ['KTP_EL', 'KARTU_KELUARGA', 'OLD_PASSPORT', 'FORCE_MAJEURE_LETTER'],
  ],
  [
    'change of data: passport, KTP-el, KK and the basis of the change',
    { adult: true, type: 'REPLACEMENT', replacementReason: 'DATA_CHANGE', nameChanged: true },
    ['KTP_EL', 'KARTU_KELUARGA', 'OLD_PASSPORT', 'DATA_CHANGE_BASIS'],
  ],
  [
    'minor, new: a parent’s KTP-el, KK, parents’ marriage certificate, birth certificate, parents’ statement',
    { adult: false, type: 'NEW' },
    [
      'PARENT_KTP_EL',
      'KARTU_KELUARGA',
      'BIRTH_CERTIFICATE',
      'PARENTS_MARRIAGE_CERTIFICATE',
      'PARENTS_STATEMENT',
    ],
  ],
  [
    'minor, replacement: plus the child’s old passport',
    { adult: false, type: 'REPLACEMENT', replacementReason: 'EXPIRED' },
    [
      'PARENT_KTP_EL',
      'KARTU_KELUARGA',
      'BIRTH_CERTIFICATE',
      'PARENTS_MARRIAGE_CERTIFICATE',
      'PARENTS_STATEMENT',
      'OLD_PASSPORT',
    ],
  ],
  [
    'minor, divorced parents: plus the custody order',
    { adult: false, type: 'NEW', parents: 'DIVORCED' },
    [
      'PARENT_KTP_EL',
      'KARTU_KELUARGA',
      'BIRTH_CERTIFICATE',
      'PARENTS_MARRIAGE_CERTIFICATE',
      'CUSTODY_ORDER',
      'PARENTS_STATEMENT',
    ],
  ],
  [
    'minor, a parent deceased: plus the death certificate',
    { adult: false, type: 'NEW', parents: 'PARENT_DECEASED' },
    [
      'PARENT_KTP_EL',
      'KARTU_KELUARGA',
      'BIRTH_CERTIFICATE',
      'PARENTS_MARRIAGE_CERTIFICATE',
      'DEATH_CERTIFICATE',
      'PARENTS_STATEMENT',
    ],
  ],
  [
    'minor with a guardian: the guardianship order',
    { adult: false, type: 'NEW', parents: 'GUARDIAN' },
    ['PARENT_KTP_EL', 'KARTU_KELUARGA', 'BIRTH_CERTIFICATE', 'GUARDIANSHIP_ORDER', 'PARENTS_STATEMENT'],
  ],
];

describe('required documents (DOMAIN.md)', () => {
  it.each(rows)('%s', (_row, documentCase, expected) => {
    expect(requiredDocuments(documentCase)).toEqual(expected);
  });

  it('never lists a document twice', () => {
    const kinds = requiredDocuments({
      adult: true,
      type: 'REPLACEMENT',
      replacementReason: 'DATA_CHANGE',
      nameChanged: true,
      naturalised: true,
    });
    expect(new Set(kinds).size).toBe(kinds.length);
  });
});
