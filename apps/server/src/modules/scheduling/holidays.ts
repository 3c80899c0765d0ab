import { z } from 'zod';
import { readReferenceCsv } from '../../platform/reference-data.ts';

/**
 * National non-working days: libur nasional and cuti bersama (2026 official, 2027 estimated;
 * apps/server/reference/README.md §3). Kantor Imigrasi are closed on both.
 */
export interface Holiday {
  readonly date: string;
  readonly kind: 'libur_nasional' | 'cuti_bersama';
  readonly nameId: string;
  readonly nameEn: string;
  readonly status: 'official' | 'estimated';
  readonly source: string;
}

const holidayRow = z.object({
  date: z.iso.date(),
  kind: z.enum(['libur_nasional', 'cuti_bersama']),
  name_id: z.string().min(1),
  name_en: z.string().min(1),
  status: z.enum(['official', 'estimated']),
  source: z.url(),
});

export function readHolidays(): Holiday[] {
  return readReferenceCsv('holidays.csv').map((row, index) => {
    const result = holidayRow.safeParse(row);
    if (!result.success) throw new Error(`holidays.csv line ${index + 2}: ${z.prettifyError(result.error)}`);
    const h = result.data;
    return {
      date: h.date,
      kind: h.kind,
      nameId: h.name_id,
      nameEn: h.name_en,
      status: h.status,
      source: h.source,
    };
  });
}
