import type { Readable } from 'node:stream';
import type { CounterPerson } from '../accounts/index.ts';
import type { Language, Localized } from '#shared/i18n.ts';
import type { Database } from '../../db/database.ts';
import type { Clock } from '../../platform/clock.ts';
import type { RateLimiter } from '../../platform/rate-limit.ts';
import type { SimponiPayment, SimponiPaymentStatus } from '../billing/index.ts';
import type { ResidentBiodata, ResidentRecord } from '../identity/index.ts';
import type { NotificationService } from '../notifications/index.ts';
import type { Waitlist } from '../scheduling/index.ts';

/** What the application use cases need from other modules; each comes in through the app factory. */
export interface ApplicationsDeps {
  readonly db: Database;
  readonly clock: Clock;
  readonly identity: {
    verifyIdentity(nik: string, biodata: ResidentBiodata): Promise<unknown>;
    /** Family card, marital status and verified contact per the registry; null for an unknown NIK. */
    residentRecord(nik: string): Promise<ResidentRecord | null>;
  };
  readonly travelDocuments: {
    listByNik(nik: string): Promise<readonly RegisteredPassport[]>;
    findByNumber(number: string): Promise<RegisteredPassport | null>;
    issueNumber(db: Database, kind: 'NON_ELECTRONIC' | 'ELECTRONIC' | 'POLYCARBONATE'): Promise<string>;
    register(
      db: Database,
      passport: {
        number: string;
        type: 'NON_ELECTRONIC' | 'ELECTRONIC' | 'POLYCARBONATE';
        issueDate: string;
        expiryDate: string;
        issuingOfficeCode: string;
        holderNik: string;
        holderName: string;
      },
    ): Promise<void>;
    markReplacedIfOpen(db: Database, number: string, replacedBy: string): Promise<boolean>;
    block(db: Database, number: string, status: 'LOST' | 'DAMAGED'): Promise<boolean>;
    cancel(db: Database, number: string): Promise<boolean>;
  };
  readonly fees: {
    computeFee(input: {
      product: string;
      service: 'REGULAR' | 'EXPRESS';
      fine: 'LOST' | 'DAMAGED' | null;
      waiver?: 'FIRST_MIGRANT_WORKER' | null;
      on: string;
    }): FeeQuote;
  };
  readonly documents: {
    writeBlob(body: Readable, options: { declaredLength?: number }): Promise<ScanBlob>;
    recordScan(
      db: Database,
      applicationId: string,
      kind: string,
      blob: ScanBlob,
      uploadedAt: Date,
    ): Promise<{ replacedStorageKey: string | null }>;
    deleteBlob(storageKey: string): Promise<void>;
    listScans(applicationId: string): Promise<readonly DocumentScan[]>;
    openScan(applicationId: string, kind: string): Promise<{ scan: DocumentScan; stream: Readable } | null>;
    forgetScans(db: Database, applicationId: string): Promise<string[]>;
  };
  readonly scheduling: {
    planBooking(
      sessionId: string,
      seat: SeatRequest,
      options?: { readonly held?: boolean },
    ): Promise<{ officeCode: string; releasedAt: Date; appointment: Appointment }>;
    claim(
      tx: Database,
      sessionId: string,
      applicationIds: readonly string[],
    ): Promise<{
      seated: readonly string[];
      refused: { ids: readonly string[]; error: Error } | null;
    }>;
    reschedule(
      tx: Database,
      applicationId: string,
      sessionId: string,
      seat: SeatRequest,
      special?: boolean,
    ): Promise<Appointment>;
    release(tx: Database, applicationId: string): Promise<void>;
    appointmentsOf(applicationIds: readonly string[], db?: Database): Promise<Map<string, Appointment>>;
    closeBookingsPastTheirDay(tx: Database, limit: number): Promise<string[]>;
    closedDays(officeCode: string, from: string, to: string, db?: Database): Promise<ReadonlySet<string>>;
    bookedOffices(applicationIds: readonly string[]): Promise<Map<string, string>>;
    bookingsOn(
      officeCode: string,
      date: string,
    ): Promise<{ applicationId: string; start: string; end: string; pool: string }[]>;
    /** The counter's walk-in lanes (issue 16): today's lane session, and a seat of it. */
    readonly walkIn: {
      plan(officeCode: string, lane: 'PRIORITY' | 'LOST_DAMAGED' | 'APP_OUTAGE'): Promise<Appointment>;
      claimSeat(tx: Database, appointment: Appointment, applicationId: string): Promise<boolean>;
    };
    /** The waitlist of freed seats (issue 15): entries, offers held for them. */
    readonly waitlist: Pick<
      Waitlist,
      'join' | 'view' | 'leave' | 'decline' | 'openOffer' | 'acceptOffer' | 'offersToAnnounce'
    >;
  };
  readonly billing: {
    requestBillingCode(request: {
      reference: string;
      description: string;
      amount: number;
      payerName: string;
      satker: string;
    }): Promise<{ billingCode: string; expiresAt: Date }>;
    record(
      tx: Database,
      billing: { applicationId: string; code: string; amount: number; expiresAt: Date; satker: string },
    ): Promise<BillingView>;
    recordMany(
      tx: Database,
      billings: readonly {
        applicationId: string;
        code: string;
        amount: number;
        expiresAt: Date;
        satker: string;
      }[],
    ): Promise<void>;
    billingsOf(applicationIds: readonly string[]): Promise<Map<string, BillingView>>;
    pendingDueWithin(windowMs: number, limit: number): Promise<BillingView[]>;
    expireIfPending(tx: Database, applicationId: string): Promise<boolean>;
    /** True while nobody can pay (a payment outage, issue 15): nothing expires meanwhile. */
    paymentsFrozen(): Promise<boolean>;
    cancelPending(tx: Database, applicationId: string): Promise<void>;
    paymentStatus(billingCode: string): Promise<SimponiPaymentStatus>;
    recordPayment(payment: SimponiPayment, source: 'WEBHOOK' | 'RECONCILIATION' | 'CLAIM'): Promise<unknown>;
  };
  /** The release queues' gate (releases module): admission to book a session of a running release. */
  readonly admissions: {
    admit(request: {
      officeCode: string;
      releasedAt: Date;
      accountId: string;
      applicationId: string;
      admission: string | undefined;
    }): Promise<string | null>;
    markBooked(tx: Database, ticketIds: readonly string[]): Promise<void>;
  };
  readonly contacts: {
    contactOf(
      accountId: string,
      db?: Database,
    ): Promise<{ email: string; phone: string; fullName: string; language: Language; nik: string }>;
    /** The NIK holder's own account's contact (e-mail verified), or null. */
    contactOfNik(nik: string): Promise<{ email: string; language: Language } | null>;
    /** The account a walk-in is filed under (issue 16; accounts/counter-account.ts). */
    accountAtCounter(person: CounterPerson): Promise<{ accountId: string; created: boolean }>;
  };
  readonly notifications: Pick<NotificationService, 'enqueue' | 'enqueueMany' | 'withdraw'>;
  /** Whether an SMS gateway is configured (the payment reminder also goes by SMS then). */
  readonly smsEnabled: boolean;
  /** Days a closed application's scans and photo are kept (RETENTION_DAYS, issue 18). */
  readonly retentionDays: number;
  /** Key of the arrival pass signature (derived from SECRET_KEY). */
  readonly arrivalPassKey: string;
  /** The "I have paid" link in e-mails (issue 15): its key and the base URL people open it at. */
  readonly claimLinks: { readonly key: string; readonly baseUrl: string };
  /** Consent of the NIK holder (issue 15): the code's key, the cap on other adults per account. */
  readonly consent: { readonly key: string; readonly maxOtherAdults: number };
  /** Velocity limits (issue 15: waitlist joins per address, account and NIK). */
  readonly limiter: Pick<RateLimiter, 'consume'>;
  /** Counts a booking refused against brokers, by reason (metrics). */
  readonly refusals: { count(reason: string): void };
  /** Active applications one account may hold: an unlimited number is how brokers work. */
  readonly maxActivePerAccount: number;
}

/** Which seats an application may take: its service pools and the passport kind the office must issue. */
export interface SeatRequest {
  readonly pools: readonly ('REGULAR' | 'EXPRESS' | 'PRIORITY')[];
  readonly passportKind: string;
}

export interface Appointment {
  readonly officeCode: string;
  readonly officeName: string;
  readonly sessionId: string;
  readonly date: string;
  readonly start: string;
  readonly end: string;
  readonly timeZone: string;
  readonly timeZoneLabel: 'WIB' | 'WITA' | 'WIT';
  readonly service: 'REGULAR' | 'EXPRESS' | 'PRIORITY';
  readonly reschedulesLeft: number;
}

export interface BillingView {
  readonly applicationId: string;
  readonly code: string;
  readonly amount: number;
  readonly expiresAt: Date;
  readonly status: 'PENDING' | 'PAID' | 'EXPIRED' | 'CANCELLED';
  readonly paidAt: Date | null;
  readonly ntpn: string | null;
  readonly ntb: string | null;
  readonly channel: string | null;
}

export interface RegisteredPassport {
  readonly number: string;
  readonly type: string;
  readonly issueDate: string;
  readonly expiryDate: string;
  readonly status: string;
  readonly issuingOffice: string;
  readonly holderNik: string;
}

export interface FeeQuote {
  readonly amount: number;
  readonly currency: 'IDR';
  readonly legalBasis: string;
  readonly items: readonly { code: string; amount: number; label: Localized }[];
}

export type ScanContentType = 'image/jpeg' | 'image/png' | 'application/pdf';

export interface ScanBlob {
  readonly storageKey: string;
  readonly encryptionKeyId: string;
  readonly contentType: ScanContentType;
  readonly size: number;
  readonly sha256: string;
  /** Pixels as the image declares them; absent for a PDF. */
  readonly dimensions?: { readonly width: number; readonly height: number };
}

export interface DocumentScan {
  readonly kind: string;
  readonly contentType: ScanContentType;
  readonly size: number;
  readonly sha256: string;
  readonly uploadedAt: Date;
}
