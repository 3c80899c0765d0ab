/**
 * The failures an operator causes with a setting, said in one line that names the setting, instead of
 * a stack trace. Anything not recognised here is a real fault and is logged whole by main.
 */
interface SystemError {
  readonly code?: unknown;
  readonly address?: unknown;
  readonly port?: unknown;
  readonly message?: unknown;
}

const UNREACHABLE = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', 'EHOSTUNREACH']);

/** While opening and preparing the database. */
export function describeDatabaseError(error: unknown, databaseUrl: string | undefined): string | null {
  if (!databaseUrl) return null;
  const where = databaseTarget(databaseUrl);
  const { code, message } = fields(error);
  if (typeof code === 'string' && UNREACHABLE.has(code)) {
    return `DATABASE_URL: cannot reach PostgreSQL at ${where} (${code}); is it running, and is the address right?`;
  }
  if (code === '3D000') return `DATABASE_URL: ${message} at ${where}; create it first (createdb)`;
  if (code === '28P01' || code === '28000') {
    return `DATABASE_URL: PostgreSQL at ${where} refused the user or password (${message})`;
  }
  if (typeof message === 'string' && /timeout exceeded when trying to connect/i.test(message)) {
    return `DATABASE_URL: PostgreSQL at ${where} did not answer within 10 s`;
  }
  return null;
}

/** While opening the port. */
export function describeListenError(error: unknown, host: string, port: number): string | null {
  const { code } = fields(error);
  if (code === 'EADDRINUSE') {
    return `PORT: ${host}:${port} is already in use by another process; stop it or choose another PORT`;
  }
  if (code === 'EACCES') return `PORT: not allowed to listen on ${host}:${port}; choose a PORT above 1023`;
  if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND') {
    return `HOST: ${host} is not an address of this machine (${String(code)})`;
  }
  return null;
}

function fields(error: unknown): SystemError {
  if (typeof error !== 'object' || error === null) return {};
  // pg and net wrap several attempts (IPv4 and IPv6) in an AggregateError; its parts carry the code.
  const first = error instanceof AggregateError ? (error.errors[0] as unknown) : undefined;
  const own = error as SystemError;
  return own.code === undefined && first ? fields(first) : own;
}

/** host:port/database, never the user or password. */
function databaseTarget(databaseUrl: string): string {
  try {
    const url = new URL(databaseUrl);
    return `${url.hostname}:${url.port || '5432'}${url.pathname}`;
  } catch {
    return 'the configured address';
  }
}
