import type { Readable } from 'node:stream';
import type { ApplicationCreate, ApplicationView } from '#shared/contracts/applications.ts';
import type { Language } from '#shared/i18n.ts';
import { canTransition, type ApplicationStatus } from '#shared/statuses.ts';
import { createApplication } from './create.ts';
import type { ApplicationsDeps, DocumentScan } from './deps.ts';
import * as repository from './repository.ts';
import { invalidState, mine, openScan, uploadScan } from './scans.ts';
import { toView } from './view.ts';

export interface ApplicationsService {
  create(accountId: string, input: ApplicationCreate, language: Language): Promise<ApplicationView>;
  list(accountId: string, language: Language): Promise<ApplicationView[]>;
  get(accountId: string, applicationId: string, language: Language): Promise<ApplicationView>;
  cancel(accountId: string, applicationId: string, language: Language): Promise<ApplicationView>;
  uploadScan(
    accountId: string,
    applicationId: string,
    kind: string,
    upload: { body: Readable; declaredLength?: number },
  ): Promise<DocumentScan>;
  openScan(
    accountId: string,
    applicationId: string,
    kind: string,
  ): Promise<{ scan: DocumentScan; stream: Readable }>;
}

/** The applicant may cancel while the application waits for the office visit (DESIGN.md §2). */
const cancellableByApplicant = (['DRAFT', 'AWAITING_PAYMENT', 'PAID'] as const).filter((from) =>
  canTransition(from, 'CANCELLED'),
);

export function createApplicationsService(deps: ApplicationsDeps): ApplicationsService {
  const view = async (rows: repository.ApplicationRow[], language: Language) => {
    const history = await repository.historyOf(
      deps.db,
      rows.map((r) => r.id),
    );
    return Promise.all(
      rows.map(async (row) =>
        toView(
          row,
          history.filter((h) => h.applicationId === row.id),
          await deps.documents.listScans(row.id),
          language,
        ),
      ),
    );
  };
  const one = async (row: repository.ApplicationRow, language: Language) => (await view([row], language))[0]!;

  return {
    create: async (accountId, input, language) =>
      one(await createApplication(deps, accountId, input), language),
    list: async (accountId, language) => view(await repository.listForAccount(deps.db, accountId), language),
    get: async (accountId, applicationId, language) =>
      one(await mine(deps, accountId, applicationId), language),
    async cancel(accountId, applicationId, language) {
      const current = await mine(deps, accountId, applicationId);
      const moved = await deps.db.transaction((tx) =>
        repository.transition(tx, {
          id: current.id,
          from: cancellableByApplicant,
          to: 'CANCELLED',
          at: deps.clock.now(),
          actor: 'APPLICANT',
        }),
      );
      if (!moved)
        throw invalidState(
          (await mine(deps, accountId, applicationId)).status as ApplicationStatus,
          'cancel',
        );
      return one(moved, language);
    },
    uploadScan: (accountId, applicationId, kind, upload) =>
      uploadScan(deps, accountId, applicationId, kind, upload),
    openScan: (accountId, applicationId, kind) => openScan(deps, accountId, applicationId, kind),
  };
}
