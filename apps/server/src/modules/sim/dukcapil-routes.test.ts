import Fastify, { type FastifyInstance } from 'fastify';
import { serializerCompiler } from 'fastify-type-provider-zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { zodValidatorCompiler } from '../../platform/validation.ts';
import { createHttpDukcapil, type DukcapilPort } from '../identity/index.ts';
import { simDukcapilRoutes } from './dukcapil-routes.ts';
import { generateResidents, residentGeography, type Resident } from './index.ts';
import { createSimDukcapil } from './sim-dukcapil.ts';

/**
 * The simulator over HTTP speaks the identity README's wire contract: the real adapter, pointed at
 * it over a real socket, gets the same verdicts as from the real Dukcapil.
 */
const residents = generateResidents(50, residentGeography());
const [resident] = residents as [Resident, ...Resident[]];
let app: FastifyInstance;
let dukcapil: DukcapilPort;

beforeAll(async () => {
  app = Fastify();
  app.setValidatorCompiler(zodValidatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  await app.register(simDukcapilRoutes, { prefix: '/sim', residents: () => residents });
  const address = await app.listen({ host: '127.0.0.1', port: 0 });
  dukcapil = createHttpDukcapil({
    url: `${address}/sim/dukcapil`,
    user: 'demo',
    password: 'demo',
    timeoutMs: 2_000,
  });
});
afterAll(() => app.close());

describe('POST /sim/dukcapil/verifikasi', () => {
  it('when the real adapter asks about a resident, then it hears match', async () => {
    await expect(dukcapil.verifyResident(resident.nik, resident)).resolves.toEqual({ result: 'match' });
  });

  it('when the real adapter sends a differing name, then it hears mismatch on fullName', async () => {
    await expect(
      dukcapil.verifyResident(resident.nik, { ...resident, fullName: 'Nama Orang Lain' }),
    ).resolves.toEqual({ result: 'mismatch', fields: ['fullName'] });
  });

  it('when the NIK is unknown, then it answers ditemukan false', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/sim/dukcapil/verifikasi',
      payload: {
        nik: '0000000000000000',
        namaLengkap: 'Siapa',
        tanggalLahir: '1990-10-20',
        tempatLahir: 'Bandung',
        jenisKelamin: 'PEREMPUAN',
      },
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ ditemukan: false, hasil: null });
  });

  it('when the body carries a field the contract does not name, then it is refused with 400', async () => {
    const payload = {
      nik: resident.nik,
      namaLengkap: resident.fullName,
      tanggalLahir: resident.dateOfBirth,
      tempatLahir: resident.placeOfBirth,
      jenisKelamin: resident.sex === 'F' ? 'PEREMPUAN' : 'LAKI-LAKI',
    };
    const url = '/sim/dukcapil/verifikasi';
    expect((await app.inject({ method: 'POST', url, payload })).statusCode).toBe(200);
    const extra = await app.inject({ method: 'POST', url, payload: { ...payload, agama: 'ISLAM' } });
    expect(extra.statusCode).toBe(400);
  });
});

describe('POST /sim/dukcapil/data-keluarga (issue 15)', () => {
  it('when the real adapter asks, then four residents share a family card, with the verified phone', async () => {
    const [first, second, , , fifth] = residents as Resident[];
    const one = await dukcapil.residentRecord(first!.nik);
    expect(one).toMatchObject({
      dateOfBirth: first!.dateOfBirth,
      married: first!.maritalStatus !== 'BELUM_KAWIN',
      phone: expect.stringMatching(/^\+62812\d{8}$/),
      email: null,
    });
    expect((await dukcapil.residentRecord(second!.nik))?.familyCardNumber).toBe(one?.familyCardNumber);
    expect((await dukcapil.residentRecord(fifth!.nik))?.familyCardNumber).not.toBe(one?.familyCardNumber);
    await expect(dukcapil.residentRecord('0000000000000000')).resolves.toBeNull();
  });

  it('when the real adapter asks, then it reads every fact the simulator holds (issue 16: marriage, KK relation, parents, dual citizenship)', async () => {
    const simulator = createSimDukcapil(residents);
    for (const { nik } of residents) {
      expect(await dukcapil.residentRecord(nik)).toEqual(await simulator.residentRecord(nik));
    }
  });
});
