import { DomainError } from '../../platform/errors.ts';

const wib = new Intl.DateTimeFormat('id-ID', {
  dateStyle: 'long',
  timeStyle: 'short',
  timeZone: 'Asia/Jakarta',
});
const wibEn = new Intl.DateTimeFormat('en-GB', {
  dateStyle: 'long',
  timeStyle: 'short',
  timeZone: 'Asia/Jakarta',
});

export function notOpen(nextOpensAt: Date | null): DomainError {
  return new DomainError({
    code: 'RELEASE_QUEUE_NOT_OPEN',
    detail: nextOpensAt
      ? {
          id: `Antrean berikutnya dibuka ${wib.format(nextOpensAt)} WIB, sebelum kuota dibuka.`,
          en: `The next queue opens on ${wibEn.format(nextOpensAt)} WIB, before the quota is released.`,
        }
      : {
          id: 'Belum ada pembukaan kuota terjadwal di kantor ini.',
          en: 'No quota release is scheduled at this office yet.',
        },
  });
}

export function nikTaken(): DomainError {
  return new DomainError({
    code: 'RELEASE_QUEUE_NIK_TAKEN',
    detail: {
      id: 'Satu NIK hanya boleh satu kali dalam antrean. Jika bukan Anda yang mendaftarkannya, laporkan ke kantor imigrasi.',
      en: 'A NIK may be in the queue once. If you did not put it there, report it to the immigration office.',
    },
  });
}

export function admissionRequired(why: 'MISSING' | 'EXPIRED'): DomainError {
  return new DomainError({
    code: 'ADMISSION_REQUIRED',
    detail:
      why === 'EXPIRED'
        ? {
            id: 'Waktu giliran Anda untuk memesan sudah habis.',
            en: 'Your turn to book has run out.',
          }
        : {
            id: 'Kuota ini dibuka melalui antrean. Masuk antrean kantor ini dan pesan saat giliran Anda tiba.',
            en: 'This quota is released through a queue. Join the office’s queue and book when your turn comes.',
          },
  });
}

export function productNotOffered(): DomainError {
  return new DomainError({
    code: 'PRODUCT_NOT_OFFERED',
    detail: {
      id: 'Kantor ini tidak menerbitkan jenis paspor permohonan Anda. Pilih kantor lain.',
      en: 'This office does not issue the passport kind of your application. Choose another office.',
    },
  });
}
