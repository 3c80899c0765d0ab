import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SMTPServer } from 'smtp-server';
import { afterAll, describe, expect, it } from 'vitest';
import { codeIn, residentForRegistration } from '../support/accounts.ts';
import { spawnServer, waitUntilReady } from '../support/server-process.ts';

/**
 * The outbox survives a crash (issue 4): a server killed while its worker is in the middle of an SMTP
 * delivery delivers the message after it restarts, and the SMTP server sees it exactly once.
 */
const dataDir = mkdtempSync(join(tmpdir(), 'mpaspor-outbox-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

interface Delivered {
  to: string[];
  messageId: string;
  raw: string;
}

async function startGatedSmtp() {
  const delivered: Delivered[] = [];
  let hold = true;
  let signalHeld!: () => void;
  const held = new Promise<void>((resolve) => (signalHeld = resolve));
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      let raw = '';
      stream.on('data', (chunk: Buffer) => (raw += chunk.toString('utf8')));
      stream.on('end', () => {
        if (hold) {
          // The DATA phase never completes: the sender is stuck mid-delivery.
          signalHeld();
          return;
        }
        const messageId = /^Message-ID: (.*)$/im.exec(raw)?.[1]?.trim() ?? '';
        delivered.push({ to: session.envelope.rcptTo.map((r) => r.address), messageId, raw });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `smtp://127.0.0.1:${(server.server.address() as AddressInfo).port}`,
    delivered,
    held,
    release: () => (hold = false),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

describe('when the server dies in the middle of an SMTP delivery', () => {
  it('then after a restart the message is delivered once, with the same code working', async () => {
    const smtp = await startGatedSmtp();
    const env = { DATA_DIR: dataDir, SMTP_URL: smtp.url, OUTBOX_POLL_MS: '100', OUTBOX_LEASE_MS: '2000' };
    const first = await spawnServer({ env });
    const registration = residentForRegistration();
    try {
      await waitUntilReady(first);
      const created = await fetch(`${first.url}/api/v1/accounts`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(registration),
      });
      expect(created.status).toBe(201);
      await smtp.held;
    } finally {
      first.kill();
      await first.exited;
    }
    expect(smtp.delivered).toEqual([]);

    smtp.release();
    const second = await spawnServer({ env });
    try {
      await waitUntilReady(second);
      const deadline = Date.now() + 20_000;
      while (smtp.delivered.length === 0 && Date.now() < deadline)
        await new Promise((r) => setTimeout(r, 100));
      await new Promise((r) => setTimeout(r, 1_000)); // would a duplicate follow?
      expect(smtp.delivered).toHaveLength(1);
      const [mail] = smtp.delivered;
      expect(mail!.to).toEqual([registration.email]);
      expect(mail!.messageId).toMatch(/^<[0-9a-f-]{36}@m-paspor>$/);

      const code = codeIn(
        mail!.raw
          .split(/\r?\n\r?\n/)
          .slice(1)
          .join('\n')
          .replace(/=\r?\n/g, ''),
      );
      const verified = await fetch(`${second.url}/api/v1/accounts/verify-email`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: registration.email, code }),
      });
      expect(verified.status).toBe(200);
    } finally {
      expect(await second.stop()).toBe(0);
      await smtp.close();
    }
  });
});
