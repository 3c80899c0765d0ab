import { describe, expect, it } from 'vitest';
import { problemCatalog } from '#shared/problems/index.ts';
import { FixedClock } from '../../platform/clock.ts';
import { DomainError } from '../../platform/errors.ts';
import { regionDirectory } from '../offices/index.ts';
import {
  DukcapilUnavailableError,
  type BiodataField,
  type DukcapilPort,
  type DukcapilVerdict,
  type ResidentBiodata,
} from './dukcapil.port.ts';
import { createIdentityService } from './service.ts';

/** DOMAIN.md test vector: Kota Bandung district 05, woman born 20-10-1990. */
const NIK = '3273056010900009';
const siti: ResidentBiodata = {
  fullName: 'Siti Rahma',
  dateOfBirth: '1990-10-20',
  placeOfBirth: 'Bandung',
  sex: 'F',
};

/** A stand-in registry that answers what it is told and remembers whether it was asked. */
function fakeDukcapil(answer: () => Promise<DukcapilVerdict>) {
  const asked: string[] = [];
  const port: DukcapilPort = {
    verifyResident(nik) {
      asked.push(nik);
      return answer();
    },
    residentRecord: () => Promise.resolve(null),
  };
  return { port, asked };
}

function serviceAnswering(answer: () => Promise<DukcapilVerdict>, now = '2026-11-25T03:00:00Z') {
  const dukcapil = fakeDukcapil(answer);
  const service = createIdentityService({
    dukcapil: dukcapil.port,
    clock: new FixedClock(now),
    regions: regionDirectory(),
  });
  return { service, asked: dukcapil.asked };
}

async function refusal(promise: Promise<unknown>): Promise<DomainError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof DomainError)) throw new Error(`expected a DomainError, got ${String(error)}`);
  return error;
}

describe('verifyIdentity', () => {
  it('when Dukcapil confirms every field, then the parsed NIK comes back', async () => {
    const { service } = serviceAnswering(async () => ({ result: 'match' }));
    const verified = await service.verifyIdentity(NIK, siti);
    expect(verified.nik).toMatchObject({ districtCode: '327305', dateOfBirth: '1990-10-20', sex: 'F' });
    expect(verified.warnings).toEqual([]);
  });

  it('when the NIK is malformed, then NIK_INVALID on nik, and Dukcapil is not asked', async () => {
    const { service, asked } = serviceAnswering(async () => ({ result: 'match' }));
    const error = await refusal(service.verifyIdentity('32730560109O0009', siti));
    expect(error.code).toBe('NIK_INVALID');
    expect(problemCatalog[error.code].status).toBe(422);
    expect(error.errors?.map((e) => e.path)).toEqual(['nik']);
    expect(asked).toEqual([]);
  });

  it('when digits 7–12 disagree with the date of birth (DOMAIN.md: the usual cause), then NIK_INVALID on nik and dateOfBirth', async () => {
    const { service, asked } = serviceAnswering(async () => ({ result: 'match' }));
    const error = await refusal(service.verifyIdentity(NIK, { ...siti, dateOfBirth: '1990-10-02' }));
    expect(error.code).toBe('NIK_INVALID');
    expect(error.errors?.map((e) => e.path)).toEqual(['nik', 'dateOfBirth']);
    expect(error.errors?.[0]?.message.id).toContain('NIK Anda menunjukkan tanggal lahir 20-10-1990');
    expect(asked).toEqual([]);
  });

  it('when the sex disagrees with the +40 rule, then NIK_INVALID on nik and sex', async () => {
    const { service } = serviceAnswering(async () => ({ result: 'match' }));
    const error = await refusal(service.verifyIdentity(NIK, { ...siti, sex: 'M' }));
    expect(error.code).toBe('NIK_INVALID');
    expect(error.errors?.map((e) => e.path)).toEqual(['nik', 'sex']);
  });

  it('when the birth is in the future in Jakarta’s calendar, then the NIK is refused', async () => {
    // 25 Nov 2026 16:59 UTC is still the 25th in Jakarta (UTC+7 makes it 23:59), so a NIK dated the
    // 26th cannot be from 2026 and reads as 1926, which the biodata does not say.
    const nikBorn26Nov = '3273052611260001';
    const boy = { ...siti, sex: 'M' as const, dateOfBirth: '2026-11-26' };
    const { service } = serviceAnswering(async () => ({ result: 'match' }), '2026-11-25T16:59:00Z');
    expect((await refusal(service.verifyIdentity(nikBorn26Nov, boy))).code).toBe('NIK_INVALID');
    const oneMinuteLater = serviceAnswering(async () => ({ result: 'match' }), '2026-11-25T17:00:00Z');
    await expect(oneMinuteLater.service.verifyIdentity(nikBorn26Nov, boy)).resolves.toMatchObject({
      nik: { dateOfBirth: '2026-11-26' },
    });
  });

  it('when Dukcapil does not know the NIK, then NIK_NOT_FOUND on nik', async () => {
    const { service, asked } = serviceAnswering(async () => ({ result: 'not_found' }));
    const error = await refusal(service.verifyIdentity(` ${NIK} `, siti));
    expect(error.code).toBe('NIK_NOT_FOUND');
    expect(error.errors?.map((e) => e.path)).toEqual(['nik']);
    expect(error.errors?.[0]?.message.id).toContain('Disdukcapil');
    expect(asked).toEqual([NIK]);
  });

  it.each<BiodataField>(['fullName', 'dateOfBirth', 'placeOfBirth', 'sex'])(
    'when Dukcapil says %s differs, then NIK_DATA_MISMATCH names exactly that field and what to do',
    async (field) => {
      const { service } = serviceAnswering(async () => ({ result: 'mismatch', fields: [field] }));
      const error = await refusal(service.verifyIdentity(NIK, siti));
      expect(error.code).toBe('NIK_DATA_MISMATCH');
      expect(error.errors?.map((e) => e.path)).toEqual([field]);
      const message = error.errors?.[0]?.message;
      expect(message?.id).toContain('tidak sesuai dengan data kependudukan');
      expect(message?.id).toContain('Disdukcapil setempat');
      expect(message?.en).toContain('have it corrected at your local Disdukcapil office');
    },
  );

  it('when several fields differ, then each gets its own error', async () => {
    const { service } = serviceAnswering(async () => ({
      result: 'mismatch',
      fields: ['fullName', 'placeOfBirth'],
    }));
    const error = await refusal(service.verifyIdentity(NIK, siti));
    expect(error.errors?.map((e) => e.path)).toEqual(['fullName', 'placeOfBirth']);
  });

  it('when Dukcapil is unavailable, then 503 DUKCAPIL_UNAVAILABLE with Retry-After in seconds', async () => {
    const { service } = serviceAnswering(async () => {
      throw new DukcapilUnavailableError('circuit open');
    });
    const error = await refusal(service.verifyIdentity(NIK, siti));
    expect(error.code).toBe('DUKCAPIL_UNAVAILABLE');
    expect(problemCatalog[error.code].status).toBe(503);
    expect(error.headers?.['Retry-After']).toMatch(/^\d+$/);
    expect(error.detail?.id).toContain('coba lagi');
  });

  it('when the adapter fails in an unexpected way, then that error is not disguised as an outage', async () => {
    const bug = new TypeError('cannot read properties of undefined');
    const { service } = serviceAnswering(async () => {
      throw bug;
    });
    await expect(service.verifyIdentity(NIK, siti)).rejects.toBe(bug);
  });
});
