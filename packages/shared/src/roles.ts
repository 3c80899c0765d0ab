import type { Localized } from './i18n.ts';

/** Officer roles: one per step of the office visit, plus administration (issue: officer console). */
export const officerRoles = [
  'CHECK_IN',
  'COUNTER',
  'VERIFIER',
  'BIOMETRICS',
  'ADJUDICATOR',
  'ISSUER',
  'OFFICE_ADMIN',
  'HQ_ADMIN',
] as const;
export type OfficerRole = (typeof officerRoles)[number];

/** Everything an office supervisor may do inside their own office: all roles but HQ's. */
export const officeSupervisorRoles = officerRoles.filter(
  (role): role is Exclude<OfficerRole, 'HQ_ADMIN'> => role !== 'HQ_ADMIN',
);

export const officerRoleLabels = {
  CHECK_IN: { id: 'Petugas Kedatangan', en: 'Check-in officer' },
  COUNTER: { id: 'Petugas Loket Layanan Langsung', en: 'Walk-in counter officer' },
  VERIFIER: { id: 'Verifikator Berkas', en: 'Document verifier' },
  BIOMETRICS: { id: 'Petugas Foto & Wawancara', en: 'Photo and interview officer' },
  ADJUDICATOR: { id: 'Pejabat Adjudikasi', en: 'Adjudicator' },
  ISSUER: { id: 'Petugas Penerbitan', en: 'Issuance officer' },
  OFFICE_ADMIN: { id: 'Admin Kantor', en: 'Office administrator' },
  HQ_ADMIN: { id: 'Admin Pusat', en: 'Headquarters administrator' },
} as const satisfies Record<OfficerRole, Localized>;
