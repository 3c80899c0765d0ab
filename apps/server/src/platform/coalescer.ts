/**
 * Writes that arrive while one is running wait for it and then go together, as one write.
 *
 * For the small writes every request may owe (a session's "last seen", once a minute per person): a
 * crowd of 20,000 people owes hundreds a second, and each one alone is a round trip and a commit
 * waiting for the WAL to reach the disk. Nobody waits for a timer: a write that finds nothing running
 * goes at once, alone; the caller's promise settles when its own write has (or has not) been made,
 * with what the flush answered for its item (flushes that answer nothing give undefined).
 */
export interface Coalescer<T, R = void> {
  write(item: T): Promise<R>;
}

interface Pending<T, R> {
  readonly item: T;
  resolve(result: R): void;
  reject(error: unknown): void;
}

export function createCoalescer<T, R = void>(
  flush: (items: readonly T[]) => Promise<readonly R[] | void>,
  options: { readonly maxBatch?: number } = {},
): Coalescer<T, R> {
  const maxBatch = options.maxBatch ?? 500;
  const queue: Pending<T, R>[] = [];
  let running = false;

  const pump = () => {
    if (running || queue.length === 0) return;
    running = true;
    const batch = queue.splice(0, maxBatch);
    flush(batch.map((p) => p.item))
      .then(
        (results) => batch.forEach((p, i) => p.resolve(results?.[i] as R)),
        (error: unknown) => batch.forEach((p) => p.reject(error)),
      )
      .finally(() => {
        running = false;
        pump();
      });
  };

  return {
    write: (item) =>
      new Promise<R>((resolve, reject) => {
        queue.push({ item, resolve, reject });
        pump();
      }),
  };
}
