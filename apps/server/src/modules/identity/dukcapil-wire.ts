import { z } from 'zod';
import { isoDate } from '#shared/contracts/common.ts';
import type { Sex } from '#shared/nik.ts';
import type {
  BiodataField,
  DukcapilVerdict,
  FamilyRelation,
  MaritalStatus,
  ResidentBiodata,
  ResidentRecord,
} from './dukcapil.port.ts';

/**
 * The wire contract of Dukcapil's biodata verification (README "Wire contract"), modelled on its
 * per-field "Sesuai / Tidak Sesuai" answers. The real adapter speaks it as a client and the simulator
 * (module sim) as a server, so both read the same schemas and the two cannot drift apart.
 */
const jenisKelamin = z.enum(['LAKI-LAKI', 'PEREMPUAN']);
const fieldVerdict = z.enum(['SESUAI', 'TIDAK SESUAI']);

export const dukcapilVerifyRequestSchema = z
  .object({
    nik: z.string().describe('16-digit NIK'),
    namaLengkap: z.string().describe('Full name'),
    tanggalLahir: isoDate.describe('Date of birth, YYYY-MM-DD'),
    tempatLahir: z.string().describe('Place of birth'),
    jenisKelamin: jenisKelamin.describe('Sex'),
  })
  .strict()
  .meta({ id: 'DukcapilVerifyRequest' });

export const dukcapilVerifyResponseSchema = z
  .object({
    ditemukan: z.boolean().describe('Whether the NIK is in the civil registry'),
    hasil: z
      .object({
        namaLengkap: fieldVerdict,
        tanggalLahir: fieldVerdict,
        tempatLahir: fieldVerdict,
        jenisKelamin: fieldVerdict,
      })
      .nullable()
      .optional()
      .describe('Per field: whether the value sent matches the registry; null when not found'),
  })
  .meta({ id: 'DukcapilVerifyResponse' });

export type DukcapilVerifyRequest = z.infer<typeof dukcapilVerifyRequestSchema>;
export type DukcapilVerifyResponse = z.infer<typeof dukcapilVerifyResponseSchema>;
type WireField = keyof DukcapilVerifyRequest & keyof NonNullable<DukcapilVerifyResponse['hasil']>;

/** In the port's order, so a verdict lists fields the same way whichever adapter answered. */
const wireFields = [
  ['fullName', 'namaLengkap'],
  ['dateOfBirth', 'tanggalLahir'],
  ['placeOfBirth', 'tempatLahir'],
  ['sex', 'jenisKelamin'],
] as const satisfies readonly (readonly [BiodataField, WireField])[];

const wireSex = { M: 'LAKI-LAKI', F: 'PEREMPUAN' } as const satisfies Record<Sex, string>;

export function toWireRequest(nik: string, biodata: ResidentBiodata): DukcapilVerifyRequest {
  return {
    nik,
    namaLengkap: biodata.fullName,
    tanggalLahir: biodata.dateOfBirth,
    tempatLahir: biodata.placeOfBirth,
    jenisKelamin: wireSex[biodata.sex],
  };
}

export function fromWireRequest(request: DukcapilVerifyRequest): { nik: string; biodata: ResidentBiodata } {
  return {
    nik: request.nik,
    biodata: {
      fullName: request.namaLengkap,
      dateOfBirth: request.tanggalLahir,
      placeOfBirth: request.tempatLahir,
      sex: request.jenisKelamin === 'PEREMPUAN' ? 'F' : 'M',
    },
  };
}

/** Null when the answer says "found" but carries no per-field result: the caller cannot trust it. */
export function fromWireResponse(response: DukcapilVerifyResponse): DukcapilVerdict | null {
  if (!response.ditemukan) return { result: 'not_found' };
  const hasil = response.hasil;
  if (!hasil) return null;
  const fields = wireFields.filter(([, wire]) => hasil[wire] === 'TIDAK SESUAI').map(([field]) => field);
  return fields.length === 0 ? { result: 'match' } : { result: 'mismatch', fields };
}

export function toWireResponse(verdict: DukcapilVerdict): DukcapilVerifyResponse {
  if (verdict.result === 'not_found') return { ditemukan: false, hasil: null };
  const differing: readonly BiodataField[] = verdict.result === 'mismatch' ? verdict.fields : [];
  const verdictOf = (field: BiodataField) => (differing.includes(field) ? 'TIDAK SESUAI' : 'SESUAI');
  return {
    ditemukan: true,
    hasil: {
      namaLengkap: verdictOf('fullName'),
      tanggalLahir: verdictOf('dateOfBirth'),
      tempatLahir: verdictOf('placeOfBirth'),
      jenisKelamin: verdictOf('sex'),
    },
  };
}

/** `POST {url}/data-keluarga`: the family card (KK), marital status and verified contact of a NIK. */
export const dukcapilFamilyRequestSchema = z
  .object({ nik: z.string().describe('16-digit NIK') })
  .strict()
  .meta({ id: 'DukcapilFamilyRequest' });

const statusKawin = z.enum(['BELUM KAWIN', 'KAWIN', 'CERAI HIDUP', 'CERAI MATI']);
const hubunganKeluarga = z.enum(['KEPALA KELUARGA', 'SUAMI', 'ISTRI', 'ANAK', 'FAMILI LAIN']);

export const dukcapilFamilyResponseSchema = z
  .object({
    ditemukan: z.boolean(),
    noKK: z.string().nullable().optional().describe('Family card (Kartu Keluarga) number'),
    tanggalLahir: isoDate.nullable().optional(),
    statusKawin: statusKawin.nullable().optional(),
    tanggalKawin: isoDate.nullable().optional().describe('Date of the marriage, when married'),
    hubunganKeluarga: hubunganKeluarga.nullable().optional().describe('Place on the family card'),
    nikAyah: z.string().nullable().optional().describe("Father's NIK, when recorded"),
    nikIbu: z.string().nullable().optional().describe("Mother's NIK, when recorded"),
    kewarganegaraanGanda: z
      .boolean()
      .nullable()
      .optional()
      .describe('A child of dual citizenship (UU 12/2006); absent means no'),
    telepon: z.string().nullable().optional().describe('Phone number verified by the registry'),
    email: z.string().nullable().optional().describe('E-mail verified by the registry'),
  })
  .meta({ id: 'DukcapilFamilyResponse' });

export type DukcapilFamilyResponse = z.infer<typeof dukcapilFamilyResponseSchema>;

const maritalFromWire = {
  'BELUM KAWIN': 'BELUM_KAWIN',
  KAWIN: 'KAWIN',
  'CERAI HIDUP': 'CERAI_HIDUP',
  'CERAI MATI': 'CERAI_MATI',
} as const satisfies Record<z.infer<typeof statusKawin>, MaritalStatus>;

const relationFromWire = {
  'KEPALA KELUARGA': 'KEPALA_KELUARGA',
  SUAMI: 'SUAMI',
  ISTRI: 'ISTRI',
  ANAK: 'ANAK',
  'FAMILI LAIN': 'FAMILI_LAIN',
} as const satisfies Record<z.infer<typeof hubunganKeluarga>, FamilyRelation>;

const inverse = <K extends string, V extends string>(map: Record<K, V>) =>
  Object.fromEntries(Object.entries(map).map(([k, v]) => [v, k])) as Record<V, K>;
const maritalToWire = inverse(maritalFromWire);
const relationToWire = inverse(relationFromWire);

/** Null for an unknown NIK; undefined when "found" comes without the fields (not to be trusted). */
export function fromWireFamily(response: DukcapilFamilyResponse): ResidentRecord | null | undefined {
  if (!response.ditemukan) return null;
  if (!response.noKK || !response.tanggalLahir || !response.statusKawin) return undefined;
  return {
    familyCardNumber: response.noKK,
    dateOfBirth: response.tanggalLahir,
    married: response.statusKawin !== 'BELUM KAWIN',
    maritalStatus: maritalFromWire[response.statusKawin],
    marriageDate: response.tanggalKawin ?? null,
    familyRelation: response.hubunganKeluarga ? relationFromWire[response.hubunganKeluarga] : null,
    fatherNik: response.nikAyah ?? null,
    motherNik: response.nikIbu ?? null,
    dualCitizenship: response.kewarganegaraanGanda ?? false,
    phone: response.telepon ?? null,
    email: response.email ?? null,
  };
}

export function toWireFamily(record: ResidentRecord | null): DukcapilFamilyResponse {
  if (!record) return { ditemukan: false };
  return {
    ditemukan: true,
    noKK: record.familyCardNumber,
    tanggalLahir: record.dateOfBirth,
    statusKawin: maritalToWire[record.maritalStatus],
    tanggalKawin: record.marriageDate,
    hubunganKeluarga: record.familyRelation ? relationToWire[record.familyRelation] : null,
    nikAyah: record.fatherNik,
    nikIbu: record.motherNik,
    kewarganegaraanGanda: record.dualCitizenship,
    telepon: record.phone,
    email: record.email,
  };
}
