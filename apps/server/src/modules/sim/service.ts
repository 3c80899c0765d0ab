import { randomBytes } from 'node:crypto';
import type { Database } from '../../db/database.ts';
import type { SimulatedClock } from '../../platform/clock.ts';
import type { OfficerService } from '../officer/index.ts';
import { readDistricts, readOffices, readRegencies, type OfficesService } from '../offices/index.ts';
import { demoOfficers, type DemoOfficer } from './demo-officers.ts';
import * as repository from './repository.ts';
import { generateResidents, type Resident } from './residents.ts';
import { listMailbox, type MailboxMessage } from './sim-mailbox.ts';

const SECRET_KEY = 'simulation.secret';
const CLOCK_OFFSET_KEY = 'clock.offsetMs';
const MINUTE_MS = 60_000;

export interface SimClockState {
  readonly now: string;
  readonly offsetMinutes: number;
}

export interface SimService {
  clock(): Promise<SimClockState>;
  advanceClock(minutes: number): Promise<SimClockState>;
  /** Adopts the offset another instance may have written; cheap enough to run every few seconds. */
  syncClock(): Promise<void>;
  residents(): readonly Resident[];
  officers(): Promise<DemoOfficer[]>;
  /** E-mails and SMS "sent" in simulation, newest first, optionally to one address. */
  outbox(query: { to?: string | undefined; limit: number }): Promise<MailboxMessage[]>;
}

export interface SimServiceDeps {
  readonly db: Database;
  readonly clock: SimulatedClock;
  readonly offices: OfficesService;
  readonly residentCount: number;
}

export function createSimService(deps: SimServiceDeps): SimService {
  const state = (): SimClockState => ({
    now: deps.clock.now().toISOString(),
    offsetMinutes: Math.floor(deps.clock.offsetMs / MINUTE_MS),
  });
  const syncClock = async () => {
    deps.clock.syncOffset((await repository.readSetting<number>(deps.db, CLOCK_OFFSET_KEY)) ?? 0);
  };
  return {
    async clock() {
      await syncClock();
      return state();
    },
    async advanceClock(minutes) {
      const offset = await repository.addToNumberSetting(deps.db, CLOCK_OFFSET_KEY, minutes * MINUTE_MS);
      deps.clock.syncOffset(offset);
      return state();
    },
    syncClock,
    residents: () => simResidents(deps.residentCount),
    async officers() {
      return demoOfficers(await deps.offices.listOffices(), await simulationSecret(deps.db));
    },
    outbox: (query) => listMailbox(deps.db, query),
  };
}

const residentsByCount = new Map<number, Resident[]>();

/** The simulated registry's residents, generated once per process (they are deterministic). */
export function simResidents(count: number): readonly Resident[] {
  let residents = residentsByCount.get(count);
  if (!residents) {
    residents = generateResidents(count, residentGeography());
    residentsByCount.set(count, residents);
  }
  return residents;
}

export function residentGeography() {
  return {
    districts: readDistricts(),
    regencies: readRegencies(),
    officeCodes: readOffices().map((o) => o.code),
  };
}

/** One random secret per installation (data directory or database), made on first start. */
export async function simulationSecret(db: Database): Promise<string> {
  const existing = await repository.readSetting<string>(db, SECRET_KEY);
  return existing ?? repository.insertSettingIfAbsent(db, SECRET_KEY, randomBytes(32).toString('hex'));
}

/**
 * Start-up step of simulation mode (runs under the start-up lock): makes the installation secret and
 * the demo officers. Returns the officers so `main` can print some logins.
 */
export async function prepareSimulation(deps: {
  db: Database;
  offices: OfficesService;
  officer: OfficerService;
}): Promise<{ officers: DemoOfficer[]; created: number }> {
  const officers = demoOfficers(await deps.offices.listOffices(), await simulationSecret(deps.db));
  const created = await deps.officer.ensureOfficers(officers);
  return { officers, created };
}
