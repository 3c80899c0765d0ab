export { simRoutes } from './routes.ts';
export { createSimService, prepareSimulation, residentGeography, type SimService } from './service.ts';
export { generateResidents, RESIDENTS_AS_OF, type Resident } from './residents.ts';
export { demoOfficers, demoPassword, PILOT_OFFICE_CODES, type DemoOfficer } from './demo-officers.ts';
