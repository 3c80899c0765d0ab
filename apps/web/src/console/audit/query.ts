/** The audit filters as typed, and as the API takes them (instants, not days). */
export type AuditFilters = Record<'officer' | 'applicationId' | 'from' | 'to', string>;

/** A picked day runs from its local midnight to the next one, in the officer's own time zone. */
function midnight(date: string, plusDays = 0): string {
  const [year = 0, month = 1, day = 1] = date.split('-').map(Number);
  return new Date(year, month - 1, day + plusDays).toISOString();
}

export function auditQuery(filters: AuditFilters): URLSearchParams {
  const query = new URLSearchParams();
  if (filters.officer.trim()) query.set('officer', filters.officer.trim());
  if (filters.applicationId.trim()) query.set('applicationId', filters.applicationId.trim().toLowerCase());
  if (filters.from) query.set('from', midnight(filters.from));
  if (filters.to) query.set('to', midnight(filters.to, 1));
  return query;
}
