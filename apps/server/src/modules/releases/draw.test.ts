import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { readAdmission, signAdmission } from './admission.ts';
import { drawKey, drawOrder, releaseSeed, seedCommitment } from './draw.ts';

describe('the draw of a release (issue 14: a seed committed as a hash, published after the draw)', () => {
  const seed = releaseSeed('server-key', '7a6c1a2e-1f4b-4c5e-9d7a-0b1c2d3e4f50');

  it('commits to the seed with its SHA-256, which the seed published later must match', () => {
    expect(seedCommitment(seed)).toBe(createHash('sha256').update(seed).digest('hex'));
    expect(seedCommitment(seed)).not.toBe(seedCommitment(releaseSeed('server-key', 'another-window')));
  });

  it('orders tickets by SHA-256(seed:ticket id), the same for anyone who re-derives it', () => {
    const ids = ['b', 'a', 'c', 'd'].map((x) => `00000000-0000-4000-8000-00000000000${x}`);
    const order = drawOrder(seed, ids);
    const keys = order.map((id) => drawKey(seed, id));
    expect([...keys].sort()).toEqual(keys);
    expect(new Set(order)).toEqual(new Set(ids));
    expect(drawOrder(seed, [...ids].reverse())).toEqual(order);
  });
});

describe('an admission token', () => {
  const ticketId = '0b9f3f7e-2c1d-4e5f-8a9b-0c1d2e3f4a5b';
  const expiresAt = new Date('2026-12-04T10:10:00Z');

  it('reads back what was signed', () => {
    expect(readAdmission('k', signAdmission('k', { ticketId, expiresAt }))).toEqual({ ticketId, expiresAt });
  });

  it('is refused when signed with another key, altered, or malformed', () => {
    const token = signAdmission('k', { ticketId, expiresAt });
    const [id, seconds, signature] = token.split('.');
    expect(readAdmission('other', token)).toBeNull();
    expect(readAdmission('k', `${id}.${Number(seconds) + 600}.${signature}`)).toBeNull();
    expect(readAdmission('k', `${id}.${seconds}.${signature}x`)).toBeNull();
    expect(readAdmission('k', `${id}.${seconds}`)).toBeNull();
    expect(readAdmission('k', `not-a-ticket.${seconds}.${signature}`)).toBeNull();
    expect(readAdmission('k', '')).toBeNull();
  });
});
