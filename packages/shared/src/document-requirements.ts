import type { Localized } from './i18n.ts';

/**
 * The scans an application needs, as data (DOMAIN.md "Documents to upload"; Permenkumham 8/2014 as
 * amended, and the immigration offices' published checklists). Shared with the web app's advisor.
 */
export const documentKinds = {
  KTP_EL: {
    label: { id: 'KTP elektronik', en: 'Electronic identity card (KTP-el)' },
    hint: {
      id: 'Foto atau pindaian KTP-el asli, seluruh kartu terlihat jelas.',
      en: 'A photo or scan of the original KTP-el, the whole card clearly visible.',
    },
  },
  KARTU_KELUARGA: {
    label: { id: 'Kartu Keluarga', en: 'Family card (Kartu Keluarga)' },
    hint: {
      id: 'Kartu Keluarga terbaru yang memuat nama pemohon.',
      en: 'The latest family card listing the applicant.',
    },
  },
  IDENTITY_PROOF: {
    label: {
      id: 'Akta kelahiran, akta perkawinan/buku nikah, ijazah, atau surat baptis',
      en: 'Birth certificate, marriage certificate, school certificate or baptism letter',
    },
    hint: {
      id: 'Salah satu saja, yang memuat nama, tempat dan tanggal lahir, serta nama orang tua.',
      en: 'One of them, showing name, place and date of birth, and the parents’ names.',
    },
  },
  BIRTH_CERTIFICATE: {
    label: { id: 'Akta kelahiran anak', en: 'Child’s birth certificate' },
    hint: {
      id: 'Akta kelahiran anak yang dimohonkan paspor.',
      en: 'The birth certificate of the child applying.',
    },
  },
  NATURALISATION_LETTER: {
    label: { id: 'Surat pewarganegaraan', en: 'Naturalisation letter' },
    hint: {
      id: 'Bagi yang memperoleh kewarganegaraan Indonesia melalui pewarganegaraan.',
      en: 'For those who became Indonesian citizens by naturalisation.',
    },
  },
  NAME_CHANGE_ORDER: {
    label: { id: 'Penetapan pengadilan tentang ganti nama', en: 'Court order on the change of name' },
    hint: { id: 'Bagi yang pernah mengganti nama.', en: 'For those who changed their name.' },
  },
  OLD_PASSPORT: {
    label: { id: 'Paspor lama', en: 'Previous passport' },
    hint: {
      id: 'Halaman data (biodata) paspor lama; bawa paspor aslinya saat datang.',
      en: 'The data page of the previous passport; bring the passport itself when you come.',
    },
  },
  POLICE_LOSS_REPORT: {
    label: { id: 'Surat keterangan hilang dari kepolisian', en: 'Police report of the loss' },
    hint: {
      id: 'Surat Keterangan Hilang dari kepolisian untuk paspor yang hilang.',
      en: 'The police’s certificate of loss for the lost passport.',
    },
  },
  FORCE_MAJEURE_LETTER: {
    label: { id: 'Surat keterangan keadaan kahar', en: 'Letter on force majeure' },
    hint: {
      id: 'Surat dari kelurahan atau instansi berwenang bahwa paspor hilang/rusak karena bencana atau keadaan kahar.',
      en: 'A letter from the kelurahan or another authority that the passport was lost or damaged by a disaster.',
    },
  },
  DATA_CHANGE_BASIS: {
    label: { id: 'Dasar perubahan data', en: 'Basis of the change of data' },
    hint: {
      id: 'Penetapan pengadilan, akta kelahiran, atau akta perkawinan yang menjadi dasar perubahan.',
      en: 'The court order, birth certificate or marriage certificate the change is based on.',
    },
  },
  PARENT_KTP_EL: {
    label: { id: 'KTP elektronik orang tua', en: 'A parent’s electronic identity card' },
    hint: {
      id: 'KTP-el ayah atau ibu yang mendampingi.',
      en: 'The KTP-el of the father or mother who comes along.',
    },
  },
  PARENTS_MARRIAGE_CERTIFICATE: {
    label: { id: 'Akta perkawinan/buku nikah orang tua', en: 'Parents’ marriage certificate' },
    hint: {
      id: 'Akta perkawinan atau buku nikah kedua orang tua.',
      en: 'The parents’ marriage certificate or marriage book.',
    },
  },
  PARENTS_STATEMENT: {
    label: { id: 'Surat pernyataan orang tua (bermeterai)', en: 'Parents’ statement (duty-stamped)' },
    hint: {
      id: 'Pernyataan kedua orang tua untuk permohonan paspor anak, bermeterai.',
      en: 'Both parents’ statement for the child’s passport, with a duty stamp.',
    },
  },
  CUSTODY_ORDER: {
    label: { id: 'Penetapan hak asuh anak', en: 'Custody order' },
    hint: {
      id: 'Bila orang tua bercerai: putusan pengadilan tentang hak asuh.',
      en: 'If the parents are divorced: the court’s custody order.',
    },
  },
  DEATH_CERTIFICATE: {
    label: { id: 'Akta kematian orang tua', en: 'Parent’s death certificate' },
    hint: { id: 'Bila salah satu orang tua meninggal dunia.', en: 'If one of the parents has died.' },
  },
  GUARDIANSHIP_ORDER: {
    label: { id: 'Penetapan perwalian', en: 'Guardianship order' },
    hint: {
      id: 'Bila anak diwakili wali, bukan orang tua.',
      en: 'If a guardian, not a parent, acts for the child.',
    },
  },
  DISNAKER_RECOMMENDATION: {
    label: {
      id: 'Surat rekomendasi dinas ketenagakerjaan (Disnaker)',
      en: 'Recommendation letter of the labour office (Disnaker)',
    },
    hint: {
      id: 'Bagi Pekerja Migran Indonesia: rekomendasi paspor dari dinas ketenagakerjaan kabupaten/kota.',
      en: 'For Indonesian migrant workers: the passport recommendation of the district labour office.',
    },
  },
  DUAL_CITIZENSHIP_DECREE: {
    label: {
      id: 'Bukti kewarganegaraan ganda terbatas (affidavit/fasilitas keimigrasian)',
      en: 'Proof of limited dual citizenship (affidavit / immigration facility)',
    },
    hint: {
      id: 'Bagi anak berkewarganegaraan ganda (UU 12/2006): surat keputusan atau affidavit yang terdaftar.',
      en: 'For a child of dual citizenship (Law 12/2006): the registered decree or affidavit.',
    },
  },
  FOREIGN_PASSPORT: {
    label: { id: 'Paspor kebangsaan lain', en: 'The other nationality’s passport' },
    hint: {
      id: 'Halaman data paspor asing anak berkewarganegaraan ganda, bila ada.',
      en: 'The data page of the dual-citizenship child’s foreign passport, if any.',
    },
  },
} as const satisfies Record<string, { label: Localized; hint: Localized }>;

export type DocumentKind = keyof typeof documentKinds;
export const documentKindCodes = Object.keys(documentKinds) as DocumentKind[];

export const replacementReasons = [
  'EXPIRED',
  'PAGES_FULL',
  'LOST',
  'DAMAGED',
  'LOST_FORCE_MAJEURE',
  'DAMAGED_FORCE_MAJEURE',
  'DATA_CHANGE',
] as const;
export type ReplacementReason = (typeof replacementReasons)[number];

export type ParentalSituation = 'MARRIED' | 'DIVORCED' | 'PARENT_DECEASED' | 'GUARDIAN';

export interface DocumentCase {
  readonly adult: boolean;
  readonly type: 'NEW' | 'REPLACEMENT';
  readonly replacementReason?: ReplacementReason | null | undefined;
  readonly naturalised?: boolean | undefined;
  readonly nameChanged?: boolean | undefined;
  /** Minors only: who signs for the child. */
  readonly parents?: ParentalSituation | undefined;
  /** Per Dukcapil: a child of dual citizenship (UU 12/2006 Art. 6; Permenkumham 8/2014 as amended). */
  readonly dualCitizenship?: boolean | undefined;
  /** Travelling as an Indonesian migrant worker (PMI): the labour office's recommendation (UU 18/2017). */
  readonly migrantWorker?: boolean | undefined;
}

/** What the reason for a replacement adds, for adults and minors alike. */
const byReason: Record<ReplacementReason, readonly DocumentKind[]> = {
  EXPIRED: ['OLD_PASSPORT'],
  PAGES_FULL: ['OLD_PASSPORT'],
  LOST: ['POLICE_LOSS_REPORT'],
  DAMAGED: ['OLD_PASSPORT'],
  LOST_FORCE_MAJEURE: ['FORCE_MAJEURE_LETTER'],
  DAMAGED_FORCE_MAJEURE: ['OLD_PASSPORT', 'FORCE_MAJEURE_LETTER'],
  DATA_CHANGE: ['OLD_PASSPORT', 'DATA_CHANGE_BASIS'],
};

const byParents: Record<ParentalSituation, readonly DocumentKind[]> = {
  MARRIED: ['PARENTS_MARRIAGE_CERTIFICATE'],
  DIVORCED: ['PARENTS_MARRIAGE_CERTIFICATE', 'CUSTODY_ORDER'],
  PARENT_DECEASED: ['PARENTS_MARRIAGE_CERTIFICATE', 'DEATH_CERTIFICATE'],
  GUARDIAN: ['GUARDIANSHIP_ORDER'],
};

export function requiredDocuments(c: DocumentCase): DocumentKind[] {
  const kinds: DocumentKind[] = c.adult
    ? ['KTP_EL', 'KARTU_KELUARGA']
    : [
        'PARENT_KTP_EL',
        'KARTU_KELUARGA',
        'BIRTH_CERTIFICATE',
        ...byParents[c.parents ?? 'MARRIED'],
        'PARENTS_STATEMENT',
      ];
  if (c.type === 'NEW' && c.adult) kinds.push('IDENTITY_PROOF');
  if (c.type === 'REPLACEMENT' && c.replacementReason) kinds.push(...byReason[c.replacementReason]);
  if (c.naturalised) kinds.push('NATURALISATION_LETTER');
  if (c.dualCitizenship) kinds.push('DUAL_CITIZENSHIP_DECREE', 'FOREIGN_PASSPORT');
  if (c.migrantWorker) kinds.push('DISNAKER_RECOMMENDATION');
  if (c.nameChanged && c.replacementReason !== 'DATA_CHANGE') kinds.push('NAME_CHANGE_ORDER');
  return [...new Set(kinds)];
}
