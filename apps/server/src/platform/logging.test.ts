import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger, scrubPersonalData } from './logging.ts';

function capture() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk));
      done();
    },
  });
  return { lines, logger: createLogger('info', stream) };
}

describe('logs carry no personal data (UU 27/2022 PDP)', () => {
  it('redacts personal fields by name, at any of the first levels', () => {
    const { lines, logger } = capture();
    logger.info(
      { nik: '3273056010900009', body: { email: 'a@b.id', phone: '081234567890', password: 'x' } },
      'hi',
    );
    const line = lines.join('');
    expect(line).not.toContain('3273056010900009');
    expect(line).not.toContain('a@b.id');
    expect(line).not.toContain('081234567890');
    expect(line).toContain('[REDACTED]');
  });

  it('scrubs NIK-, e-mail- and phone-shaped text anywhere in the line', () => {
    const { lines, logger } = capture();
    logger.error(
      { err: new Error('duplicate key 3273056010900009 for siti.rahma@example.co.id, call +6281234567890') },
      'failed',
    );
    const line = lines.join('');
    expect(line).toContain('[NIK]');
    expect(line).toContain('[EMAIL]');
    expect(line).toContain('[PHONE]');
    expect(line).not.toMatch(/3273056010900009|siti\.rahma|81234567890/);
  });

  it('leaves timestamps, durations and ids alone', () => {
    const text =
      '{"time":1795608524955,"responseTime":12.3456789012345678,"reqId":"4f1c2b7e-0000-4000-8000-000000000000"}';
    expect(scrubPersonalData(text)).toBe(text);
  });
});

describe('a failed query in the log (issue 18)', () => {
  it('when a database error carries the bound values, then the log keeps the SQL but none of the values', () => {
    const { lines, logger } = capture();
    const cause = Object.assign(
      new Error('duplicate key value violates unique constraint "accounts_email"'),
      {
        detail: 'Key (email)=(budi@contoh.id) already exists.',
        where: 'SQL statement',
      },
    );
    const failed = Object.assign(
      new Error(
        'Failed query: insert into "accounts" ("full_name", "birth_place", "password_hash") values ($1, $2, $3)\nparams: Budi Santoso,Kota Bekasi,$argon2id$v=19$m=19456',
      ),
      {
        params: ['Budi Santoso', 'Kota Bekasi', '$argon2id$v=19$m=19456'],
        query: 'insert into "accounts" …',
        cause,
      },
    );
    logger.error({ err: failed }, 'unhandled error');
    const line = lines.join('');
    expect(line).toContain('insert into');
    expect(line).not.toMatch(/Budi Santoso|Kota Bekasi|argon2id|budi@contoh\.id/);
    expect(line).toContain('params: [REMOVED]');
    expect(line).toContain('duplicate key value');
  });
});
