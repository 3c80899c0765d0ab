import type { OfficerApplicationView } from '#shared/contracts/officer.ts';
import { useCallback, useState } from 'react';

export interface ActionProps {
  application: OfficerApplicationView;
  /** Re-renders the page from the application the server answered with. */
  onChange(application: OfficerApplicationView): void;
  /** For answers without the application (photo, fingerprints): read it again. */
  reload(): void;
}

/** One request at a time per form, its failure kept for the alert region. */
export function useAction() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const run = useCallback(async (request: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await request();
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  }, []);
  return { busy, error, run };
}

export function isApplication(answer: unknown): answer is OfficerApplicationView {
  return (
    typeof answer === 'object' && answer !== null && 'id' in answer && 'status' in answer && 'visit' in answer
  );
}
