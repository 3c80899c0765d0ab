import { describe, expect, it } from 'vitest';
import { describeDatabaseError, describeListenError } from './startup-errors.ts';

const url = 'postgres://mpaspor:s3cret@db.internal:6543/mpaspor';

describe('describeDatabaseError', () => {
  it('names DATABASE_URL and the address, never the password, when PostgreSQL is unreachable', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' });
    const message = describeDatabaseError(new AggregateError([refused]), url);
    expect(message).toBe(
      'DATABASE_URL: cannot reach PostgreSQL at db.internal:6543/mpaspor (ECONNREFUSED); is it running, and is the address right?',
    );
    expect(message).not.toContain('s3cret');
  });

  it('says a missing database must be created, and a refused login is a credential problem', () => {
    const missing = Object.assign(new Error('database "mpaspor" does not exist'), { code: '3D000' });
    expect(describeDatabaseError(missing, url)).toMatch(/^DATABASE_URL: database "mpaspor" does not exist/);
    const refused = Object.assign(new Error('password authentication failed'), { code: '28P01' });
    expect(describeDatabaseError(refused, url)).toMatch(/^DATABASE_URL: .* refused the user or password/);
  });

  it('leaves real faults (a failing migration) and the embedded database to the full log', () => {
    const syntax = Object.assign(new Error('syntax error'), { code: '42601' });
    expect(describeDatabaseError(syntax, url)).toBeNull();
    expect(describeDatabaseError(new Error('ECONNREFUSED'), undefined)).toBeNull();
  });
});

describe('describeListenError', () => {
  it('names PORT when the port is taken or privileged, HOST when the address is not ours', () => {
    const code = (c: string) => Object.assign(new Error(c), { code: c });
    expect(describeListenError(code('EADDRINUSE'), '127.0.0.1', 3000)).toMatch(
      /^PORT: 127\.0\.0\.1:3000 is already in use/,
    );
    expect(describeListenError(code('EACCES'), '0.0.0.0', 80)).toMatch(/^PORT: not allowed to listen/);
    expect(describeListenError(code('EADDRNOTAVAIL'), '10.9.9.9', 3000)).toMatch(/^HOST: 10\.9\.9\.9/);
    expect(describeListenError(code('EMFILE'), '127.0.0.1', 3000)).toBeNull();
  });
});
