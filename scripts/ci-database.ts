/**
 * Creates or drops a PostgreSQL database for CI's second test pass, without needing the psql client:
 *   node scripts/ci-database.ts create|drop <name>   (server from POSTGRES_ADMIN_URL)
 */
import pg from 'pg';

const [action, name] = process.argv.slice(2);
const adminUrl = process.env.POSTGRES_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
if (!name || !/^[a-z_][a-z0-9_]*$/.test(name) || (action !== 'create' && action !== 'drop')) {
  console.error('usage: node scripts/ci-database.ts create|drop <lowercase_name>');
  process.exit(2);
}
const client = new pg.Client({ connectionString: adminUrl });
await client.connect();
try {
  await client.query(
    action === 'create' ? `CREATE DATABASE "${name}"` : `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`,
  );
} finally {
  await client.end();
}
const url = new URL(adminUrl);
url.pathname = `/${name}`;
console.log(action === 'create' ? url.toString() : `dropped ${name}`);
