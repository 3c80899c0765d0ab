import type { Readable } from 'node:stream';
import type { Localized } from '#shared/i18n.ts';
import type { Database } from '../../db/database.ts';
import type { Clock } from '../../platform/clock.ts';
import type { ResidentBiodata } from '../identity/index.ts';

/** What the application use cases need from other modules; each comes in through the app factory. */
export interface ApplicationsDeps {
  readonly db: Database;
  readonly clock: Clock;
  readonly identity: { verifyIdentity(nik: string, biodata: ResidentBiodata): Promise<unknown> };
  readonly travelDocuments: {
    listByNik(nik: string): Promise<readonly RegisteredPassport[]>;
    findByNumber(number: string): Promise<RegisteredPassport | null>;
  };
  readonly fees: {
    computeFee(input: {
      product: string;
      service: 'REGULAR' | 'EXPRESS';
      fine: 'LOST' | 'DAMAGED' | null;
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
  };
  /** Active applications one account may hold: an unlimited number is how brokers work. */
  readonly maxActivePerAccount: number;
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
}

export interface DocumentScan {
  readonly kind: string;
  readonly contentType: ScanContentType;
  readonly size: number;
  readonly sha256: string;
  readonly uploadedAt: Date;
}
