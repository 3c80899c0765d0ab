import { officeSupervisorRoles } from '#shared/roles.ts';
import { jpegWithGps, portraitJpeg } from './files.ts';

/**
 * The access matrix as data (issue 18, item 4): every operation of the OpenAPI document × every kind
 * of caller, with the answer expected. `reached` means the caller got past access control: whatever
 * the step then answers (200, or 409/422 because the record is not at that step), never 401, 403 or
 * 404. A number is the exact status. An operation missing here fails the build (access-matrix.test.ts).
 * Requests are built afresh for each caller, so a row that creates something never collides with
 * itself. Callers: none; the owner of the application; another applicant; the holder of the NIK of a
 * family member's application the owner filed; an officer of the application's office per single
 * role; a supervisor of another office (every office role); the HQ administrator.
 */
type OfficeRole = (typeof officeSupervisorRoles)[number];
/** Each office role is one caller: an officer of the application's office holding that role alone. */
export const callers = [
  'none',
  'owner',
  'stranger',
  'nikHolder',
  ...officeSupervisorRoles,
  'otherOffice',
  'HQ',
] as const;
export type Caller = (typeof callers)[number];
export type Expected = 'reached' | 401 | 403 | 404;

/** Records the requests point at, made before the walk (access-matrix.test.ts). */
export interface Fixtures {
  /** The owner's paid application at the office (JAKARTA_SELATAN). */
  readonly applicationId: string;
  readonly applicationNumber: string;
  readonly sessionId: string;
  readonly visitDate: string;
  /** A draft the owner's account filed under the NIK holder's NIK (a family member). */
  readonly familyApplicationId: string;
  readonly ticketId: string;
  readonly releaseId: string;
  readonly walkInId: string;
  readonly ownerEmail: string;
  readonly ownerPassword: string;
  readonly officer: { readonly username: string; readonly password: string };
  readonly schedule: unknown;
  readonly newResident: () => Record<string, unknown>;
  readonly newApplicant: () => Record<string, unknown>;
  readonly newEmail: () => string;
  readonly billingCode: string;
}

export interface MatrixRequest {
  readonly method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  readonly url: string;
  readonly payload?: object | Buffer;
  readonly contentType?: string;
}

export interface Row {
  readonly request: (f: Fixtures) => MatrixRequest;
  readonly expected: Readonly<Record<Caller, Expected>>;
}

const OFFICE = 'JAKARTA_SELATAN';

function table(fill: (caller: Caller) => Expected): Record<Caller, Expected> {
  return Object.fromEntries(callers.map((c) => [c, fill(c)])) as Record<Caller, Expected>;
}
const isApplicant = (c: Caller) => c === 'owner' || c === 'stranger' || c === 'nikHolder';

/** Anyone, logged in or not. */
const open = table(() => 'reached');
/** A partner's signed call: no session of ours opens it. */
const signedByPartner = table(() => 401);
/** Any logged-in applicant, about themselves. */
const anyApplicant = table((c) => (isApplicant(c) ? 'reached' : 401));
/** The account that filed the application; anyone else is told it does not exist. */
const applicationOwner = table((c) => (c === 'owner' ? 'reached' : isApplicant(c) ? 404 : 401));
/** The person whose NIK the application carries, from their own account. */
const nikHolderOnly = table((c) => (c === 'nikHolder' ? 'reached' : isApplicant(c) ? 404 : 401));
/** Any officer, about themselves. */
const anyOfficer = table((c) => (c === 'none' || isApplicant(c) ? 401 : 'reached'));

/**
 * An officer route about one application of the office: outside the office it does not exist (404,
 * HQ included: HQ administers, it does not process); inside, the roles named reach it, others 403.
 */
function officeApplication(
  roles: readonly OfficeRole[] | 'any',
  hq: Expected = 404,
): Record<Caller, Expected> {
  return table((c) => {
    if (c === 'none' || isApplicant(c)) return 401;
    if (c === 'HQ') return hq;
    if (c === 'otherOffice') return 404;
    return roles === 'any' || roles.includes(c as OfficeRole) ? 'reached' : 403;
  });
}
/** An officer route about the caller's own office (no record id): other offices see their own. */
function ownOffice(roles: readonly OfficeRole[] | 'any', hq: Expected = 403): Record<Caller, Expected> {
  return table((c) => {
    if (c === 'none' || isApplicant(c)) return 401;
    if (c === 'HQ') return hq;
    if (c === 'otherOffice') return 'reached';
    return roles === 'any' || roles.includes(c as OfficeRole) ? 'reached' : 403;
  });
}
/** An officer route naming an office in its path: another office's officer is told it does not exist. */
function namedOffice(roles: readonly OfficeRole[]): Record<Caller, Expected> {
  return table((c) => {
    if (c === 'none' || isApplicant(c)) return 401;
    if (c === 'HQ') return 'reached';
    if (c === 'otherOffice') return 404;
    return roles.includes(c as OfficeRole) ? 'reached' : 403;
  });
}
const hqOnly = table((c) => (c === 'HQ' ? 'reached' : c === 'none' || isApplicant(c) ? 401 : 403));

const get = (url: string): MatrixRequest => ({ method: 'GET', url });
const post = (url: string, payload: object = {}): MatrixRequest => ({ method: 'POST', url, payload });
const put = (url: string, payload: object): MatrixRequest => ({ method: 'PUT', url, payload });
const jpeg = (url: string, bytes = jpegWithGps(300)): MatrixRequest => ({
  method: 'PUT',
  url,
  payload: bytes,
  contentType: 'image/jpeg',
});
const mine = (f: Fixtures) => `/api/v1/applications/${f.applicationId}`;
const desk = (f: Fixtures) => `/api/v1/officer/applications/${f.applicationId}`;
const oneYearOn = (f: Fixtures) => `${Number(f.visitDate.slice(0, 4)) + 1}${f.visitDate.slice(4)}`;

const sim = (request: (f: Fixtures) => MatrixRequest): Row => ({ request, expected: open });

/** Ordered: rows that end a session or cancel the fixtures come last. */
export const accessMatrix: Readonly<Record<string, Row>> = {
  // The simulators answer anyone: the partners' stand-ins, mounted only with SIMULATION=on.
  simGetClock: sim(() => get('/sim/clock')),
  simListOutbox: sim(() => get('/sim/outbox')),
  simListResidents: sim(() => get('/sim/dukcapil/residents')),
  simListOfficers: sim(() => get('/sim/officers')),
  simAdvanceClock: sim(() => post('/sim/clock')),
  simVerifyResident: sim(() => post('/sim/dukcapil/verifikasi')),
  simResidentFamily: sim(() => post('/sim/dukcapil/data-keluarga')),
  simPayBilling: sim(() => post('/sim/simponi/pay')),
  simCreateBilling: sim(() => post('/sim/simponi/billing')),
  simExtendBilling: sim((f) => ({
    method: 'PATCH',
    url: `/sim/simponi/billing/${f.billingCode}`,
    payload: {},
  })),
  simGetBillingStatus: sim((f) => get(`/sim/simponi/billing/${f.billingCode}`)),
  simVoidBilling: sim((f) => ({ method: 'DELETE', url: `/sim/simponi/billing/${f.billingCode}` })),
  getMetrics: { request: () => get('/metrics'), expected: open },
  checkHealth: { request: () => get('/healthz'), expected: open },
  checkReadiness: { request: () => get('/readyz'), expected: open },
  registerAccount: {
    request: (f) => post('/api/v1/accounts', f.newResident()),
    expected: open,
  },
  verifyEmail: {
    request: (f) => post('/api/v1/accounts/verify-email', { email: f.ownerEmail, code: '000000' }),
    expected: open,
  },
  resendVerificationCode: {
    request: (f) => post('/api/v1/accounts/resend-verification', { email: f.newEmail() }),
    expected: open,
  },
  logIn: {
    request: (f) => post('/api/v1/sessions', { email: f.ownerEmail, password: f.ownerPassword }),
    expected: open,
  },
  getMyAccount: { request: () => get('/api/v1/me'), expected: anyApplicant },
  updateMyAccount: {
    request: () => ({ method: 'PATCH', url: '/api/v1/me', payload: { language: 'id' } }),
    expected: anyApplicant,
  },
  requestPasswordReset: {
    request: (f) => post('/api/v1/password-resets', { email: f.newEmail() }),
    expected: open,
  },
  confirmPasswordReset: {
    request: () =>
      post('/api/v1/password-resets/confirm', {
        email: 'tidak.ada@example.com',
        code: '000000',
        newPassword: 'kopi tubruk sore hari',
      }),
    expected: open,
  },
  getPaymentHealth: { request: () => get('/api/v1/payment-health'), expected: open },
  listFees: { request: () => get('/api/v1/fees'), expected: open },
  receivePaymentNotification: {
    request: () => post('/api/v1/webhooks/simponi', { kodeBilling: '0000000000000000' }),
    expected: signedByPartner,
  },
  listMyTravelDocuments: { request: () => get('/api/v1/travel-documents'), expected: anyApplicant },
  startApplication: {
    request: (f) =>
      post('/api/v1/applications', { type: 'NEW', product: 'ELECTRONIC_5Y', applicant: f.newApplicant() }),
    expected: table((c) => (isApplicant(c) ? 'reached' : 401)),
  },
  listMyApplications: { request: () => get('/api/v1/applications'), expected: anyApplicant },
  getMyApplication: { request: (f) => get(mine(f)), expected: applicationOwner },
  submitApplication: {
    request: (f) => post(`${mine(f)}/submit`, { sessionId: f.sessionId }),
    expected: applicationOwner,
  },
  rescheduleAppointment: {
    request: (f) => post(`${mine(f)}/reschedule`, { sessionId: f.sessionId }),
    expected: applicationOwner,
  },
  claimPayment: {
    request: (f) => post(`${mine(f)}/payment-claims`, { ntpn: '0123456789ABCDEF' }),
    expected: applicationOwner,
  },
  listApplicationsForMyNik: { request: () => get('/api/v1/me/nik-applications'), expected: anyApplicant },
  claimPaymentByLink: {
    request: () => post('/api/v1/payment-claims', { claim: 'bukan-tautan-asli', ntpn: '0123456789ABCDEF' }),
    expected: open,
  },
  getArrivalPass: { request: (f) => get(`${mine(f)}/arrival-pass`), expected: applicationOwner },
  uploadScan: { request: (f) => jpeg(`${mine(f)}/documents/KTP_EL`), expected: applicationOwner },
  downloadScan: { request: (f) => get(`${mine(f)}/documents/KTP_EL`), expected: applicationOwner },
  getContest: { request: (f) => get(`${mine(f)}/contest`), expected: applicationOwner },
  fileContest: {
    request: (f) => post(`${mine(f)}/contest`, { reason: 'Mohon diperiksa ulang.' }),
    expected: applicationOwner,
  },
  uploadContestEvidence: {
    request: (f) => jpeg(`${mine(f)}/contest/evidence`),
    expected: applicationOwner,
  },
  joinWaitlist: {
    request: (f) => post(`${mine(f)}/waitlist`, { officeCode: OFFICE, from: f.visitDate, to: oneYearOn(f) }),
    expected: applicationOwner,
  },
  getWaitlist: { request: (f) => get(`${mine(f)}/waitlist`), expected: applicationOwner },
  leaveWaitlist: {
    request: (f) => ({ method: 'DELETE', url: `${mine(f)}/waitlist` }),
    expected: applicationOwner,
  },
  acceptWaitlistOffer: {
    request: (f) => post(`${mine(f)}/waitlist/offer/accept`),
    expected: applicationOwner,
  },
  declineWaitlistOffer: {
    request: (f) => post(`${mine(f)}/waitlist/offer/decline`),
    expected: applicationOwner,
  },
  getConsent: {
    request: (f) => get(`/api/v1/applications/${f.familyApplicationId}/consent`),
    expected: applicationOwner,
  },
  confirmConsent: {
    request: (f) => post(`/api/v1/applications/${f.familyApplicationId}/consent`, { code: '000000' }),
    expected: applicationOwner,
  },
  requestConsent: {
    request: (f) => post(`/api/v1/applications/${f.familyApplicationId}/consent/request`),
    expected: applicationOwner,
  },
  exportMyData: { request: () => get('/api/v1/me/data'), expected: anyApplicant },
  listOffices: { request: () => get('/api/v1/offices?q=jakarta'), expected: open },
  getOffice: { request: () => get(`/api/v1/offices/${OFFICE}`), expected: open },
  listOfficeSessions: { request: () => get(`/api/v1/offices/${OFFICE}/sessions`), expected: open },
  joinReleaseQueue: {
    request: (f) => post(`/api/v1/offices/${OFFICE}/release-queue`, { applicationId: f.familyApplicationId }),
    expected: applicationOwner,
  },
  getReleaseTicket: {
    request: (f) => get(`/api/v1/offices/${OFFICE}/release-queue/${f.ticketId}`),
    expected: applicationOwner,
  },
  listOfficeReleases: { request: () => get(`/api/v1/offices/${OFFICE}/releases`), expected: open },
  getReleaseDraw: {
    request: (f) => get(`/api/v1/offices/${OFFICE}/releases/${f.releaseId}`),
    expected: open,
  },
  getReleaseProgress: {
    request: (f) => get(`/api/v1/offices/${OFFICE}/releases/${f.releaseId}/progress`),
    expected: open,
  },
  officerLogIn: {
    request: (f) => post('/api/v1/officer/sessions', f.officer),
    expected: open,
  },
  getCurrentOfficer: { request: () => get('/api/v1/officer/me'), expected: anyOfficer },
  getOfficeQueue: {
    request: (f) => get(`/api/v1/officer/queue?date=${f.visitDate}`),
    expected: ownOffice('any'),
  },
  findApplicationByNumber: {
    request: (f) => get(`/api/v1/officer/applications?number=${f.applicationNumber}`),
    expected: officeApplication('any'),
  },
  getOfficerApplication: { request: (f) => get(desk(f)), expected: officeApplication('any') },
  downloadApplicationDocument: {
    request: (f) => get(`${desk(f)}/documents/KTP_EL`),
    expected: officeApplication('any'),
  },
  verifyDocuments: {
    request: (f) => post(`${desk(f)}/document-verification`, { decision: 'ACCEPT' }),
    expected: officeApplication(['VERIFIER']),
  },
  recordPhoto: {
    request: (f) => jpeg(`${desk(f)}/photo`, portraitJpeg()),
    expected: officeApplication(['BIOMETRICS']),
  },
  recordFingerprints: {
    request: (f) => post(`${desk(f)}/fingerprints`),
    expected: officeApplication(['BIOMETRICS']),
  },
  recordInterview: {
    request: (f) => post(`${desk(f)}/interview`, { notes: 'Sesuai.', recommendation: 'APPROVE' }),
    expected: officeApplication(['BIOMETRICS']),
  },
  adjudicateApplication: {
    request: (f) => post(`${desk(f)}/adjudication`, { decision: 'APPROVE' }),
    expected: officeApplication(['ADJUDICATOR']),
  },
  issuePassport: { request: (f) => post(`${desk(f)}/issue`), expected: officeApplication(['ISSUER']) },
  handOverPassport: {
    request: (f) => post(`${desk(f)}/hand-over`, { nikLastDigits: '0000' }),
    expected: officeApplication(['ISSUER']),
  },
  visitRules: { request: () => get('/api/v1/officer/visit-rules'), expected: ownOffice('any') },
  setVisitRules: {
    request: () => put('/api/v1/officer/visit-rules', { fourEyes: true }),
    expected: ownOffice(['OFFICE_ADMIN']),
  },
  createWalkIn: {
    request: (f) =>
      post('/api/v1/officer/walk-ins', {
        lane: 'APP_OUTAGE',
        reason: 'Aplikasi sedang gangguan',
        contact: { email: 'matriks.loket@contoh.id', phone: '081234567890' },
        application: { type: 'NEW', product: 'ELECTRONIC_5Y', applicant: f.newApplicant() },
      }),
    // The counter clerk files walk-ins; the office administrator sets the lanes' quota.
    expected: ownOffice(['COUNTER']),
  },
  uploadWalkInScan: {
    request: (f) => jpeg(`/api/v1/officer/walk-ins/${f.walkInId}/documents/KTP_EL`),
    expected: officeApplication(['COUNTER'], 403),
  },
  submitWalkIn: {
    request: (f) => post(`/api/v1/officer/walk-ins/${f.walkInId}/submit`),
    expected: officeApplication(['COUNTER'], 403),
  },
  walkInQuotas: {
    request: () => get('/api/v1/officer/walk-in-quotas'),
    expected: ownOffice('any'),
  },
  setWalkInQuota: {
    request: () => put('/api/v1/officer/walk-in-quotas/APP_OUTAGE', { daily: 20 }),
    expected: ownOffice(['OFFICE_ADMIN']),
  },
  recordLossReport: {
    request: (f) => put(`${desk(f)}/loss-report`, { circumstances: 'Paspor hilang saat pindah rumah.' }),
    expected: officeApplication(['VERIFIER']),
  },
  getLossReport: { request: (f) => get(`${desk(f)}/loss-report`), expected: officeApplication('any') },
  specialReschedule: {
    request: (f) =>
      post(`${desk(f)}/special-reschedule`, {
        sessionId: f.sessionId,
        reason: 'SYSTEM_FAULT',
        note: 'Gangguan sistem pada hari kunjungan.',
      }),
    expected: officeApplication(['OFFICE_ADMIN']),
  },
  decideLoss: {
    request: (f) => post(`${desk(f)}/loss-decision`, { decision: 'ISSUE', reason: 'Sesuai BAP' }),
    // The head of office decides a lost passport (DOMAIN.md), not an adjudicator.
    expected: officeApplication(['OFFICE_ADMIN']),
  },
  getContestForOffice: { request: (f) => get(`${desk(f)}/contest`), expected: officeApplication('any') },
  decideContest: {
    request: (f) => post(`${desk(f)}/contest-decision`, { decision: 'UPHOLD', reason: 'Tetap ditolak.' }),
    expected: officeApplication(['ADJUDICATOR']),
  },
  getOfficerReleases: { request: () => get('/api/v1/officer/releases'), expected: ownOffice('any') },
  getOfficeSchedule: {
    request: () => get(`/api/v1/officer/offices/${OFFICE}/schedule`),
    expected: namedOffice(['OFFICE_ADMIN']),
  },
  previewOfficeSchedule: {
    request: (f) => post(`/api/v1/officer/offices/${OFFICE}/schedule/preview`, f.schedule as object),
    expected: namedOffice(['OFFICE_ADMIN']),
  },
  saveOfficeSchedule: {
    request: (f) => put(`/api/v1/officer/offices/${OFFICE}/schedule`, f.schedule as object),
    expected: namedOffice(['OFFICE_ADMIN']),
  },
  listPaymentsNeedingAttention: {
    request: () => get('/api/v1/officer/payments/attention'),
    expected: ownOffice(['OFFICE_ADMIN'], 'reached'),
  },
  resolvePayment: {
    request: () =>
      post('/api/v1/officer/payments/00000000-0000-4000-8000-000000000000/resolution', {
        resolution: 'REFUND',
        note: 'Dikembalikan.',
      }),
    // No payment needs attention here: those allowed are told this one does not exist, the rest are
    // refused before it is looked up (a real resolution: officer-payments.test.ts).
    expected: table((c) => {
      const allowed = ownOffice(['OFFICE_ADMIN'], 'reached')[c];
      return allowed === 'reached' ? 404 : allowed;
    }),
  },
  listAuditEntries: {
    request: () => get('/api/v1/officer/audit'),
    expected: ownOffice(['OFFICE_ADMIN'], 'reached'),
  },
  listOfficers: { request: () => get('/api/v1/officer/officers'), expected: hqOnly },
  createOfficer: {
    request: () =>
      post('/api/v1/officer/officers', {
        username: 'matriks.jaksel',
        fullName: 'Petugas Matriks',
        password: 'kata sandi petugas matriks',
        officeCode: OFFICE,
        roles: ['CHECK_IN'],
      }),
    expected: hqOnly,
  },
  // A copy of the embedded database (409 BACKUP_USE_PG_DUMP on PostgreSQL: still reached).
  createBackup: { request: () => post('/api/v1/officer/backups'), expected: hqOnly },
  getPartnerHealth: {
    request: () => get('/api/v1/officer/partner-health'),
    expected: ownOffice(['OFFICE_ADMIN'], 'reached'),
  },
  declarePartnerOutage: {
    request: () => post('/api/v1/officer/partner-health/SIMPONI/outage', { reason: 'Uji matriks akses' }),
    expected: hqOnly,
  },
  declarePartnerRecovery: {
    request: () => post('/api/v1/officer/partner-health/SIMPONI/recovery', { reason: 'Uji matriks akses' }),
    expected: hqOnly,
  },
  checkIn: {
    request: (f) => post('/api/v1/officer/check-ins', { applicationNumber: f.applicationNumber }),
    expected: officeApplication(['CHECK_IN']),
  },
  cancelApplicationForMyNik: {
    request: (f) => post(`/api/v1/me/nik-applications/${f.familyApplicationId}/cancel`),
    expected: nikHolderOnly,
  },
  cancelApplication: { request: (f) => post(`${mine(f)}/cancel`), expected: applicationOwner },
  logOut: {
    request: () => ({ method: 'DELETE', url: '/api/v1/sessions/current' }),
    expected: anyApplicant,
  },
  officerLogOut: {
    request: () => ({ method: 'DELETE', url: '/api/v1/officer/sessions/current' }),
    expected: anyOfficer,
  },
};
