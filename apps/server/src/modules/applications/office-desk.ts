import type { Readable } from 'node:stream';
import type { ApplicationView } from '#shared/contracts/applications.ts';
import type { OfficerApplicationView, QueueEntry } from '#shared/contracts/officer.ts';
import type { Language } from '#shared/i18n.ts';
import type { ApplicationsDeps, DocumentScan } from './deps.ts';
import { arrivalPassInvalid, arrivalShortCode, normaliseShortCode, readArrivalPass } from './arrival-pass.ts';
import { localDate, type OfficeZone } from '../scheduling/index.ts';

const OFFICE_ZONES: readonly OfficeZone[] = ['Asia/Jakarta', 'Asia/Makassar', 'Asia/Jayapura'];
import { toOfficerView, toQueueEntry } from './office-view.ts';
import * as repository from './repository.ts';
import { notFound } from './scans.ts';
import {
  checkIn,
  recordFingerprints,
  verifyDocuments,
  type OfficeActor,
  type VerificationInput,
  type Within,
} from './visit.ts';
import {
  adjudicate,
  handOver,
  interview,
  issuePassport,
  recordPhoto,
  type IssuedPassport,
} from './visit-outcomes.ts';
import * as visits from './visit-repository.ts';
import { findWalkIn } from './walk-in-repository.ts';

/** The office's side of applications, for the officer module (which checks roles and writes the audit). */
export interface OfficeDesk {
  /** The office an application belongs to (its appointment's, or where it checked in); null: none. */
  officeOf(id: string): Promise<string | null>;
  /** The office of many applications at once, also of expired or cancelled ones (late payments). */
  officesOf(ids: readonly string[]): Promise<ReadonlyMap<string, string>>;
  view(id: string, language: Language): Promise<OfficerApplicationView>;
  queue(officeCode: string, date: string, language: Language): Promise<QueueEntry[]>;
  idByNumber(number: string): Promise<string | null>;
  /** The application an arrival pass names (ARRIVAL_PASS_INVALID when forged or garbled). */
  idByArrivalPass(code: string): string;
  /** The office's booking of the day whose pass shows this short code (ARRIVAL_PASS_INVALID if none). */
  idByShortCode(officeCode: string, code: string): Promise<string>;
  openScan(id: string, kind: string): Promise<{ scan: DocumentScan; stream: Readable } | null>;
  checkIn(id: string, actor: OfficeActor, within: Within): Promise<void>;
  verifyDocuments(id: string, actor: OfficeActor, input: VerificationInput, within: Within): Promise<void>;
  recordPhoto(
    id: string,
    actor: OfficeActor,
    upload: { body: Readable; declaredLength?: number },
    within: Within,
  ): Promise<void>;
  recordFingerprints(id: string, actor: OfficeActor, within: Within): Promise<void>;
  interview(
    id: string,
    actor: OfficeActor,
    input: { notes: string; recommendation: 'APPROVE' | 'REJECT' },
    within: Within,
  ): Promise<void>;
  /** `fourEyes`: the office's rule that the interviewer may not adjudicate (issue 17). */
  adjudicate(
    id: string,
    actor: OfficeActor,
    input: { decision: 'APPROVE' | 'REJECT'; reason?: string | undefined },
    within: Within,
    fourEyes: boolean,
  ): Promise<void>;
  issuePassport(id: string, actor: OfficeActor, within: Within): Promise<IssuedPassport>;
  /** `nikLastDigits`: typed by the officer from the KTP in hand; checked against the application. */
  handOver(id: string, actor: OfficeActor, nikLastDigits: string | undefined, within: Within): Promise<void>;
}

export function createOfficeDesk(
  deps: ApplicationsDeps,
  viewOf: (rows: repository.ApplicationRow[], language: Language) => Promise<ApplicationView[]>,
): OfficeDesk {
  return {
    async officeOf(id) {
      const visit = await visits.findVisit(deps.db, id);
      if (visit) return visit.officeCode;
      const booked = (await deps.scheduling.appointmentsOf([id])).get(id)?.officeCode;
      // A walk-in belongs to the counter's office from the start, also while a draft (issue 16).
      return booked ?? (await findWalkIn(deps.db, id))?.officeCode ?? null;
    },
    async officesOf(ids) {
      const [checkedIn, offices] = await Promise.all([
        visits.findVisits(deps.db, ids),
        deps.scheduling.bookedOffices(ids),
      ]);
      for (const visit of checkedIn) offices.set(visit.applicationId, visit.officeCode);
      return offices;
    },
    async view(id, language) {
      const row = await repository.findById(deps.db, id);
      if (!row) throw notFound();
      // Reading may expire an overdue billing, which changes the status only: ready date and passport
      // of this row stay as they are.
      const [base] = await viewOf([row], language);
      return toOfficerView(base!, row, await visits.findVisit(deps.db, id));
    },
    async queue(officeCode, date, language) {
      const day = await deps.scheduling.bookingsOn(officeCode, date);
      const ids = day.map((b) => b.applicationId);
      const rows = new Map((await visits.findByIds(deps.db, ids)).map((r) => [r.id, r]));
      const visitsById = new Map((await visits.findVisits(deps.db, ids)).map((v) => [v.applicationId, v]));
      return day.flatMap((booking) => {
        const row = rows.get(booking.applicationId);
        return row ? [toQueueEntry(row, booking, visitsById.get(row.id), language)] : [];
      });
    },
    idByNumber: async (number) =>
      (await visits.findByNumber(deps.db, number.trim().toUpperCase()))?.id ?? null,
    idByArrivalPass: (code) => readArrivalPass(deps.arrivalPassKey, code),
    async idByShortCode(officeCode, code) {
      const wanted = normaliseShortCode(code);
      const now = deps.clock.now();
      // The office's own day, whichever of the three zones it keeps.
      const days = new Set(OFFICE_ZONES.map((zone) => localDate(now, zone)));
      for (const day of days) {
        for (const booking of await deps.scheduling.bookingsOn(officeCode, day)) {
          if (arrivalShortCode(deps.arrivalPassKey, booking.applicationId) === wanted)
            return booking.applicationId;
        }
      }
      throw arrivalPassInvalid();
    },
    openScan: (id, kind) => deps.documents.openScan(id, kind),
    checkIn: (id, actor, within) => checkIn(deps, id, actor, within),
    verifyDocuments: (id, actor, input, within) => verifyDocuments(deps, id, actor, input, within),
    recordPhoto: (id, actor, upload, within) => recordPhoto(deps, id, actor, upload, within),
    recordFingerprints: (id, actor, within) => recordFingerprints(deps, id, actor, within),
    interview: (id, actor, input, within) => interview(deps, id, actor, input, within),
    adjudicate: (id, actor, input, within, fourEyes) => adjudicate(deps, id, actor, input, within, fourEyes),
    issuePassport: (id, actor, within) => issuePassport(deps, id, actor, within),
    handOver: (id, actor, nikLastDigits, within) => handOver(deps, id, actor, nikLastDigits, within),
  };
}
