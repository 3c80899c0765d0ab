/** Shapes of the API answers the app reads (type-only imports: no zod in the bundle). */
export type { ApplicationView as Application } from '#shared/contracts/applications.ts';
export type { OfficeView as Office } from '#shared/contracts/offices.ts';
export type { FeeView as Fee } from '#shared/contracts/fees.ts';
export type { TravelDocumentView as TravelDocument } from '#shared/contracts/travel-documents.ts';
export type { WaitlistView as Waitlist, WaitlistJoin } from '#shared/contracts/waitlist.ts';

export interface Session {
  id: string;
  date: string;
  start: string;
  end: string;
  service: 'REGULAR' | 'EXPRESS' | 'PRIORITY';
  capacity: number;
  available: number;
  startsAt: string;
  timeZone: string;
}

export interface ArrivalPass {
  code: string;
  /** 8 characters without look-alikes, read out when the QR will not scan (issue 17). */
  shortCode: string;
  qrSvg: string;
  holder: { fullName: string; nik: string };
}
