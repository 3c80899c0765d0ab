import type { GeoPoint, OfficeTimeZone } from '#shared/contracts/offices.ts';
import type { PassportKind } from '#shared/contracts/travel-documents.ts';
import { distanceKm, matchesAllWords, normalizeSearchText, searchWords } from './geo.ts';

/** An office as applicants pick it: where it is, which zone its sessions are in, what it issues. */
export interface DirectoryOffice {
  readonly code: string;
  readonly name: string;
  readonly city: string;
  readonly province: string;
  readonly address: string | null;
  readonly lat: number;
  readonly lon: number;
  readonly timeZone: OfficeTimeZone;
  readonly officeClass: string | null;
  readonly passportKinds: readonly PassportKind[];
}

export interface ListedOffice extends DirectoryOffice {
  /** Only when the search gave a point; rounded to 0.1 km (the points are not more precise than that). */
  readonly distanceKm?: number;
}

export interface DirectorySearch {
  readonly near?: GeoPoint | undefined;
  readonly q?: string | undefined;
  readonly limit: number;
}

/** Indonesian collation, so the order does not depend on the database's locale (PGlite vs PostgreSQL). */
const collator = new Intl.Collator('id');

/** Filters by the query words, orders (nearest first, or by province then name) and cuts to the limit. */
export function searchDirectory(
  offices: readonly DirectoryOffice[],
  search: DirectorySearch,
): ListedOffice[] {
  const words = searchWords(search.q ?? '');
  const found = offices.filter((office) => matchesAllWords(searchTextOf(office), words));
  const ordered = search.near ? byDistance(found, search.near) : [...found].sort(byProvinceThenName);
  return ordered.slice(0, search.limit);
}

function searchTextOf(office: DirectoryOffice): string {
  return normalizeSearchText(`${office.name} ${office.city} ${office.province}`);
}

/** Sorts on the exact distance and rounds only for display, so rounding never reorders offices. */
function byDistance(offices: readonly DirectoryOffice[], near: GeoPoint): ListedOffice[] {
  return offices
    .map((office) => ({ office, km: distanceKm(near, office) }))
    .sort((a, b) => a.km - b.km || collator.compare(a.office.code, b.office.code))
    .map(({ office, km }) => ({ ...office, distanceKm: Math.round(km * 10) / 10 }));
}

function byProvinceThenName(a: DirectoryOffice, b: DirectoryOffice): number {
  return (
    collator.compare(a.province, b.province) ||
    collator.compare(a.name, b.name) ||
    collator.compare(a.code, b.code)
  );
}
