import { createHmac } from 'node:crypto';
import { officeSupervisorRoles, type OfficerRole } from '#shared/roles.ts';

/**
 * Demo officers of the simulation: a supervisor for every office, one officer per single role at the
 * first pilot office (to show role separation), and an HQ administrator. Passwords are derived from the
 * installation's simulation secret, so each data directory has its own and `/sim/officers` can list
 * them without storing them in clear.
 */
export interface DemoOfficer {
  readonly username: string;
  readonly fullName: string;
  readonly password: string;
  readonly officeCode: string | null;
  readonly roles: readonly OfficerRole[];
}

export const PILOT_OFFICE_CODES = ['JAKARTA_SELATAN', 'JAKARTA_PUSAT', 'TANGERANG'] as const;

const singleRoleOfficers: ReadonlyArray<readonly [string, OfficerRole, string]> = [
  ['loket', 'CHECK_IN', 'Petugas Loket'],
  ['langsung', 'COUNTER', 'Petugas Layanan Langsung'],
  ['verifikator', 'VERIFIER', 'Verifikator'],
  ['wawancara', 'BIOMETRICS', 'Petugas Wawancara'],
  ['adjudikator', 'ADJUDICATOR', 'Pejabat Adjudikasi'],
  ['penerbitan', 'ISSUER', 'Petugas Penerbitan'],
];

export function demoOfficers(
  offices: readonly { code: string; name: string }[],
  secret: string,
): DemoOfficer[] {
  const officer = (
    username: string,
    fullName: string,
    officeCode: string | null,
    roles: readonly OfficerRole[],
  ) => ({
    username,
    fullName,
    password: demoPassword(secret, username),
    officeCode,
    roles,
  });
  const supervisors = offices.map((o) =>
    officer(`spv.${slug(o.code)}`, `Supervisor ${o.name}`, o.code, officeSupervisorRoles),
  );
  const pilot = PILOT_OFFICE_CODES[0];
  const specialists = offices.some((o) => o.code === pilot)
    ? singleRoleOfficers.map(([prefix, role, title]) =>
        officer(`${prefix}.${slug(pilot)}`, `${title} Jakarta Selatan`, pilot, [role]),
      )
    : [];
  return [
    officer('admin.pusat', 'Admin Direktorat Jenderal Imigrasi', null, ['HQ_ADMIN']),
    ...supervisors,
    ...specialists,
  ];
}

function slug(officeCode: string): string {
  return officeCode.toLowerCase().replaceAll('_', '-');
}

const ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789'; // no 0/o, 1/l/i: read aloud and typed from a screen

/** 16 characters from a 31-letter alphabet: about 79 bits. */
export function demoPassword(secret: string, username: string): string {
  const digest = createHmac('sha256', secret).update(`demo-officer:${username}`).digest();
  let password = '';
  for (let i = 0; i < 16; i++) {
    password += ALPHABET[(digest[i] as number) % ALPHABET.length];
    if (i % 4 === 3 && i < 15) password += '-';
  }
  return password;
}
