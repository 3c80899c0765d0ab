import { useState, type FormEvent } from 'react';

/** A form's submit: busy while it runs, the error kept for display, no double submission. */
export function useSubmit(action: () => Promise<void>) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const run = async () => {
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      await action();
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };
  return {
    busy,
    error,
    run,
    onSubmit(event: FormEvent) {
      event.preventDefault();
      void run();
    },
  };
}
