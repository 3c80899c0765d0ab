import { apiJson } from '../api/client.ts';
import type { Fee } from '../api/types.ts';
import { useLoad } from '../app/useLoad.ts';

/** The fee schedule in force, by code; public, so the advisor works before login. */
export function useFees() {
  const fees = useLoad('fees', () => apiJson<Fee[]>('/fees'));
  const amounts = new Map((fees.data ?? []).map((fee) => [fee.code as string, fee.amount]));
  return { amounts, legalBasis: fees.data?.[0]?.legalBasis ?? '', error: fees.error };
}
