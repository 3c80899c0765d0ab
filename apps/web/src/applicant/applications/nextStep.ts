import type { Application } from '../api/types.ts';
import type { Route } from '../app/routes.ts';

/** Where an unfinished application continues: documents, then office and time, then payment. */
export function nextStep(
  app: Pick<Application, 'id' | 'status' | 'requirements'>,
): { route: Route; label: 'apps.next.upload' | 'apps.next.office' | 'apps.next.pay' | 'apps.pass' } | null {
  if (app.status === 'DRAFT') {
    const missing = app.requirements.some((r) => !r.uploaded);
    return missing
      ? { route: { name: 'upload', id: app.id }, label: 'apps.next.upload' }
      : { route: { name: 'office', id: app.id }, label: 'apps.next.office' };
  }
  if (app.status === 'AWAITING_PAYMENT')
    return { route: { name: 'pay', id: app.id }, label: 'apps.next.pay' };
  if (app.status === 'PAID') return { route: { name: 'pass', id: app.id }, label: 'apps.pass' };
  return null;
}
