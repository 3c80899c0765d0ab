import type { ReferenceDataLoader } from '../../platform/reference-data.ts';
import { readHolidays } from './holidays.ts';
import { upsertHolidays } from './repository.ts';

export const schedulingReferenceLoaders: readonly ReferenceDataLoader[] = [
  { dataset: 'holidays', load: (db) => upsertHolidays(db, readHolidays()) },
];
