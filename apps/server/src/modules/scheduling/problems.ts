import { DomainError } from '../../platform/errors.ts';

export function sessionUnavailable(why: 'FULL' | 'NOT_BOOKABLE'): DomainError {
  return why === 'FULL'
    ? new DomainError({
        code: 'SESSION_FULL',
        detail: {
          id: 'Kuota sesi ini sudah habis. Pilih sesi atau tanggal lain.',
          en: 'This session is fully booked. Choose another session or day.',
        },
      })
    : new DomainError({
        code: 'SESSION_NOT_BOOKABLE',
        detail: {
          id: 'Sesi ini tidak dapat dipesan: belum dibuka, sudah lewat, atau bukan untuk jenis layanan permohonan ini.',
          en: 'This session cannot be booked: not released yet, already past, or not for this application’s service.',
        },
      });
}

const kindLabels: Record<string, { id: string; en: string }> = {
  NON_ELECTRONIC: { id: 'paspor non-elektronik', en: 'non-electronic passports' },
  ELECTRONIC: { id: 'paspor elektronik', en: 'electronic passports' },
  POLYCARBONATE: { id: 'paspor elektronik polikarbonat', en: 'polycarbonate electronic passports' },
};

/** An office without the blanks for a passport kind must say so, not look "full" (issue 6). */
export function productNotOffered(kind: string, offered: readonly string[]): DomainError {
  const label = kindLabels[kind] ?? { id: kind, en: kind };
  const list = (language: 'id' | 'en') => offered.map((k) => kindLabels[k]?.[language] ?? k).join(', ');
  return new DomainError({
    code: 'PRODUCT_NOT_OFFERED',
    detail: {
      id: `Kantor ini tidak menerbitkan ${label.id}. Kantor ini melayani: ${list('id')}. Pilih kantor lain atau jenis paspor lain.`,
      en: `This office does not issue ${label.en}. It serves: ${list('en')}. Choose another office or passport type.`,
    },
  });
}

export function rangeProblem(maxDays: number): DomainError {
  return new DomainError({
    code: 'VALIDATION',
    errors: [
      {
        path: 'to',
        message: {
          id: `Rentang tanggal paling lama ${maxDays} hari dan "to" tidak sebelum "from".`,
          en: `The range is at most ${maxDays} days and "to" is not before "from".`,
        },
      },
    ],
  });
}

export function rescheduleLimit(): DomainError {
  return new DomainError({
    code: 'RESCHEDULE_LIMIT',
    detail: {
      id: 'Jadwal kedatangan hanya dapat diubah satu kali. Untuk keadaan khusus, hubungi kantor imigrasi.',
      en: 'The arrival time can be changed only once. For special circumstances, contact the immigration office.',
    },
  });
}

export function tooLateToReschedule(date: string): DomainError {
  return new DomainError({
    code: 'INVALID_STATE',
    detail: {
      id: `Jadwal hanya dapat diubah paling lambat sehari sebelum tanggal kedatangan (${date}).`,
      en: `The arrival time can be changed no later than the day before the booked date (${date}).`,
    },
  });
}
