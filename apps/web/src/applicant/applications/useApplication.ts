import { apiJson } from '../api/client.ts';
import type { Application } from '../api/types.ts';
import { useLoad } from '../app/useLoad.ts';
import { useT } from '../app/useT.ts';

/** One of my applications, reloaded when the language changes (labels come from the server). */
export function useApplication(id: string) {
  const { language } = useT();
  return useLoad(`application:${id}:${language}`, () => apiJson<Application>(`/applications/${id}`));
}
