import type { OfficerRole } from '#shared/roles.ts';
import type { Database } from '../../db/database.ts';
import { hashPassword } from '../../platform/passwords.ts';
import * as repository from './repository.ts';

export interface OfficerAccount {
  readonly username: string;
  readonly fullName: string;
  readonly password: string;
  readonly officeCode: string | null;
  readonly roles: readonly OfficerRole[];
}

/** Hashing is CPU-bound on the libuv pool; a few at a time keeps the event loop answering. */
const HASH_CONCURRENCY = 4;

export interface OfficerService {
  /** Creates the accounts that do not exist yet; returns how many were created. */
  ensureOfficers(accounts: readonly OfficerAccount[]): Promise<number>;
}

export function createOfficerService(deps: { db: Database }): OfficerService {
  return {
    async ensureOfficers(accounts) {
      const existing = await repository.findExistingUsernames(
        deps.db,
        accounts.map((a) => a.username),
      );
      const missing = accounts.filter((a) => !existing.has(a.username));
      const rows = await mapWithConcurrency(missing, HASH_CONCURRENCY, async (account) => ({
        username: account.username,
        fullName: account.fullName,
        passwordHash: await hashPassword(account.password),
        officeCode: account.officeCode,
        roles: account.roles,
      }));
      return repository.insertOfficers(deps.db, rows);
    },
  };
}

async function mapWithConcurrency<T, R>(
  items: readonly T[],
  limit: number,
  fn: (item: T) => Promise<R>,
): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await fn(items[index] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
