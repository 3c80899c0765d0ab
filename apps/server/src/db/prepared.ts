import type { Database } from './database.ts';

/**
 * A query built once per database handle and run with placeholders, for the reads every request makes
 * (the session token, the application, its scans, the session): building a query with drizzle costs
 * ~160 µs a call against ~40 µs for a prepared one (issue 14's profile of a booking storm), and on
 * PostgreSQL the statement is parsed once per connection. Each `build` names its statement uniquely.
 */
export function prepared<Query>(build: (db: Database) => Query): (db: Database) => Query {
  const built = new WeakMap<Database, Query>();
  return (db) => {
    let query = built.get(db);
    if (!query) built.set(db, (query = build(db)));
    return query;
  };
}
