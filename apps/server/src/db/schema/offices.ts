import { boolean, doublePrecision, index, pgTable, text } from 'drizzle-orm/pg-core';

/** Kepmendagri region codes (module: offices). Codes are text: leading digits matter. */
export const provinces = pgTable('provinces', {
  code: text('code').primaryKey(),
  name: text('name').notNull(),
});

export const regencies = pgTable(
  'regencies',
  {
    code: text('code').primaryKey(),
    provinceCode: text('province_code')
      .notNull()
      .references(() => provinces.code),
    name: text('name').notNull(),
    lat: doublePrecision('lat').notNull(),
    lon: doublePrecision('lon').notNull(),
    timeZone: text('time_zone').notNull(),
  },
  (t) => [index('regencies_province_idx').on(t.provinceCode)],
);

export const districts = pgTable(
  'districts',
  {
    code: text('code').primaryKey(),
    regencyCode: text('regency_code')
      .notNull()
      .references(() => regencies.code),
    name: text('name').notNull(),
  },
  (t) => [index('districts_regency_idx').on(t.regencyCode)],
);

/** The immigration offices (Kantor Imigrasi). */
export const offices = pgTable('offices', {
  code: text('code').primaryKey(),
  name: text('name').notNull(),
  officeClass: text('office_class'),
  tpi: boolean('tpi').notNull(),
  city: text('city').notNull(),
  province: text('province').notNull(),
  regencyCode: text('regency_code')
    .notNull()
    .references(() => regencies.code),
  lat: doublePrecision('lat').notNull(),
  lon: doublePrecision('lon').notNull(),
  timeZone: text('time_zone').notNull(),
  address: text('address'),
  source: text('source').notNull(),
});

/** What an office can issue: an office without e-passport blanks must say so, not look full. */
export const officeCapabilities = pgTable('office_capabilities', {
  officeCode: text('office_code')
    .primaryKey()
    .references(() => offices.code),
  passportKinds: text('passport_kinds').array().notNull(),
});
