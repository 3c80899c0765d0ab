import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  officeListSchema,
  officeParamsSchema,
  officeSchema,
  officesQuerySchema,
  timeZoneLabels,
  type OfficeView,
} from '#shared/contracts/offices.ts';
import type { ListedOffice } from './directory.ts';
import type { OfficesService } from './service.ts';

export interface OfficesRoutesOptions {
  readonly offices: Pick<OfficesService, 'searchOffices' | 'getOffice'>;
}

const tags = ['offices'];

/** The office directory is public: applicants pick an office before they have an account. */
export const officesRoutes: FastifyPluginAsync<OfficesRoutesOptions> = async (app, { offices }) => {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/offices',
    {
      config: { access: 'public' },
      schema: {
        tags,
        operationId: 'listOffices',
        summary: 'Immigration offices, nearest first when a position is given',
        querystring: officesQuerySchema,
        response: { 200: officeListSchema },
      },
    },
    async (request) => (await offices.searchOffices(request.query)).map(toView),
  );

  r.get(
    '/offices/:code',
    {
      config: { access: 'public' },
      schema: {
        tags,
        operationId: 'getOffice',
        summary: 'One immigration office',
        params: officeParamsSchema,
        response: { 200: officeSchema },
      },
    },
    async (request) => toView(await offices.getOffice(request.params.code)),
  );
};

function toView(office: ListedOffice): OfficeView {
  return {
    code: office.code,
    name: office.name,
    city: office.city,
    province: office.province,
    address: office.address,
    lat: office.lat,
    lon: office.lon,
    timeZone: office.timeZone,
    timeZoneLabel: timeZoneLabels[office.timeZone],
    officeClass: office.officeClass,
    passportKinds: [...office.passportKinds],
    ...(office.distanceKm === undefined ? {} : { distanceKm: office.distanceKm }),
  };
}
