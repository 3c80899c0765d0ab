import type { FastifyRequest } from 'fastify';
import { officerOf } from '../../platform/access.ts';
import { languageOf } from '../../platform/language.ts';
import type { ActingOfficer } from './desk.ts';

/** The officer behind a request, as the desk and the audit log need them. */
export function acting(request: FastifyRequest): ActingOfficer {
  return { officer: officerOf(request), requestId: request.id, language: languageOf(request) };
}
