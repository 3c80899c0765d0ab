import type { LiveQueue, OfficerReleases } from '#shared/contracts/officer-releases.ts';
import type { OfficeReleases } from '#shared/contracts/releases.ts';
import type { Clock } from '../../platform/clock.ts';
import { DomainError } from '../../platform/errors.ts';
import type { ActingOfficer } from './desk.ts';

/** What the console's release page needs of the releases module (given by the app factory). */
export interface ReleasesReader {
  releasesOf(officeCode: string): Promise<OfficeReleases>;
  liveQueues(officeCode: string): Promise<LiveQueue[]>;
}

/**
 * An office's quota releases with their queues live (issue 14 item 4). Any officer of the office sees
 * its own; headquarters names the office; another office's officer finds nothing there (404), as with
 * applications. Nothing personal is shown, so nothing is audited.
 */
export async function officeReleases(
  deps: { readonly releases: ReleasesReader; readonly clock: Clock },
  who: ActingOfficer,
  requested: string | undefined,
): Promise<OfficerReleases> {
  const { officer } = who;
  const hq = officer.roles.includes('HQ_ADMIN');
  const officeCode = requested ?? officer.officeCode;
  if (!officeCode) {
    throw new DomainError({
      code: 'FORBIDDEN',
      detail: {
        id: 'Pilih kantor: akun pusat tidak terikat pada satu kantor.',
        en: 'Name an office: a headquarters account belongs to no office.',
      },
    });
  }
  if (!hq && officeCode !== officer.officeCode) throw new DomainError({ code: 'NOT_FOUND' });
  const [record, live] = await Promise.all([
    deps.releases.releasesOf(officeCode),
    deps.releases.liveQueues(officeCode),
  ]);
  return { ...record, officeCode, now: deps.clock.now().toISOString(), live };
}
