import { createPartnerClient, type PartnerClientOptions } from '../../platform/partner-client.ts';
import {
  DukcapilUnavailableError,
  type DukcapilPort,
  type DukcapilVerdict,
  type ResidentBiodata,
  type ResidentRecord,
} from './dukcapil.port.ts';
import {
  dukcapilFamilyResponseSchema,
  dukcapilVerifyResponseSchema,
  fromWireFamily,
  fromWireResponse,
  toWireRequest,
} from './dukcapil-wire.ts';

/**
 * The real Dukcapil adapter: POST {url}/verifikasi (README "Wire contract"), with HTTP Basic auth,
 * deadlines, retries and a circuit breaker (platform/partner-client.ts). No error message carries the
 * NIK or biodata (UU 27/2022 on personal data).
 */
export type HttpDukcapilOptions = PartnerClientOptions;

export function createHttpDukcapil(options: HttpDukcapilOptions): DukcapilPort {
  const client = createPartnerClient(options, {
    name: 'Dukcapil',
    credentialSettings: 'DUKCAPIL_USER and DUKCAPIL_PASSWORD',
    inputRefusals: new Set([400, 413, 422]),
    Unavailable: DukcapilUnavailableError,
  });
  const endpoint = `${client.base}/verifikasi`;
  const headers = { ...client.headers, 'content-type': 'application/json' };

  const verify = async (nik: string, biodata: ResidentBiodata): Promise<DukcapilVerdict> => {
    const body = JSON.stringify(toWireRequest(nik, biodata));
    const response = await client.send(endpoint, { method: 'POST', headers, body });
    if (response.status === 200) return readVerdict(response);
    throw await client.refusal(response);
  };

  const family = async (nik: string): Promise<ResidentRecord | null> => {
    const body = JSON.stringify({ nik });
    const response = await client.send(`${client.base}/data-keluarga`, { method: 'POST', headers, body });
    if (response.status !== 200) throw await client.refusal(response);
    const parsed = dukcapilFamilyResponseSchema.safeParse(await response.json());
    const record = parsed.success ? fromWireFamily(parsed.data) : undefined;
    if (record === undefined)
      throw new DukcapilUnavailableError('Dukcapil answered in a shape we do not understand');
    return record;
  };

  return {
    verifyResident: (nik, biodata) => client.guarded(() => verify(nik, biodata)),
    residentRecord: (nik) => client.guarded(() => family(nik)),
  };
}

async function readVerdict(response: Response): Promise<DukcapilVerdict> {
  const parsed = dukcapilVerifyResponseSchema.safeParse(await response.json());
  const verdict = parsed.success ? fromWireResponse(parsed.data) : null;
  if (!verdict) throw new DukcapilUnavailableError('Dukcapil answered in a shape we do not understand');
  return verdict;
}
