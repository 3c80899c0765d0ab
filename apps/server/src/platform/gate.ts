import type { FastifyReply, FastifyRequest } from 'fastify';

/**
 * At most `max` requests of a kind inside at once; the others wait their turn, in order, in memory.
 *
 * For what a crowd repeats while others book (issue 14: the release's ticket reads): each holds a
 * database connection for its token and its row, and a pool queue is first come first served, so
 * ten thousand people reading their tickets put every admitted submit's statements behind theirs.
 * Kept to part of the pool, the crowd waits on itself and the booking path finds connections free.
 * The pool's own checkouts pass one too, urgent ones first (db/checkout-order.ts).
 */
export interface Gate {
  /**
   * Resolves when the caller is inside; call the answer once to leave (later calls do nothing).
   * `first`: served before those waiting without it. `timeout`: after `ms` of waiting, gives up and
   * rejects with `error()`.
   */
  enter(options?: EnterOptions): Promise<() => void>;
  /** Inside and waiting now, for metrics and tests. */
  readonly load: () => { inside: number; waiting: number };
}

export interface EnterOptions {
  readonly first?: boolean;
  readonly timeout?: { readonly ms: number; error(): Error };
}

export function createGate(max: number): Gate {
  let inside = 0;
  const waiting = { first: [] as (() => void)[], others: [] as (() => void)[] };
  const leaving = () => {
    let left = false;
    return () => {
      if (left) return;
      left = true;
      const next = waiting.first.shift() ?? waiting.others.shift();
      // The place passes straight to the next in line: nobody overtakes it in between.
      if (next) next();
      else inside--;
    };
  };
  const wait = (options: EnterOptions) =>
    new Promise<void>((resolve, reject) => {
      const line = options.first ? waiting.first : waiting.others;
      const go = () => {
        clearTimeout(timer);
        resolve();
      };
      const timer =
        options.timeout &&
        setTimeout(() => {
          line.splice(line.indexOf(go), 1);
          reject(options.timeout!.error());
        }, options.timeout.ms);
      line.push(go);
    });
  return {
    async enter(options = {}) {
      if (inside < max) {
        inside++;
        return leaving();
      }
      await wait(options);
      return leaving();
    },
    load: () => ({ inside, waiting: waiting.first.length + waiting.others.length }),
  };
}

/** A route's onRequest hook: the request waits at the gate and leaves when its answer is done. */
export function throughGate(gate: Gate) {
  return async (request: FastifyRequest, reply: FastifyReply) => {
    const leave = await gate.enter();
    // 'close' comes once the answer is sent or the client went away, whatever happened in between.
    reply.raw.once('close', leave);
    if (reply.raw.destroyed) leave();
  };
}
