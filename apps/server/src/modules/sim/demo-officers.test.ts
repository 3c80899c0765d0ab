import { describe, expect, it } from 'vitest';
import { readOffices } from '../offices/index.ts';
import { demoOfficers, demoPassword } from './demo-officers.ts';

const offices = readOffices();

describe('demo officers', () => {
  it('give every office one supervisor with all office roles, plus single-role officers and HQ admin', () => {
    const list = demoOfficers(offices, 'secret-a');
    expect(list.filter((o) => o.username.startsWith('spv.'))).toHaveLength(offices.length);
    expect(new Set(list.map((o) => o.username)).size).toBe(list.length);
    expect(list.find((o) => o.username === 'spv.jakarta-selatan')?.roles).toContain('ADJUDICATOR');
    expect(list.find((o) => o.username === 'loket.jakarta-selatan')?.roles).toEqual(['CHECK_IN']);
    expect(list.filter((o) => o.roles.includes('HQ_ADMIN'))).toEqual([
      expect.objectContaining({ username: 'admin.pusat', officeCode: null }),
    ]);
  });

  it('derive passwords per installation secret: stable for one, different for another', () => {
    expect(demoPassword('secret-a', 'spv.bandung')).toBe(demoPassword('secret-a', 'spv.bandung'));
    expect(demoPassword('secret-a', 'spv.bandung')).not.toBe(demoPassword('secret-b', 'spv.bandung'));
    expect(demoPassword('secret-a', 'spv.bandung')).not.toBe(demoPassword('secret-a', 'spv.bogor'));
    expect(demoPassword('secret-a', 'x')).toMatch(/^[a-z2-9]{4}(-[a-z2-9]{4}){3}$/);
  });
});
