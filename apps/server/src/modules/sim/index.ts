export { simRoutes } from './routes.ts';
export {
  createSimService,
  prepareSimulation,
  residentGeography,
  simResidents,
  type SimService,
} from './service.ts';
export { createSimMailSender, createSimSmsSender, listMailbox, type MailboxMessage } from './sim-mailbox.ts';
export { createSimDukcapil } from './sim-dukcapil.ts';
export {
  createSimSimponi,
  type DeliverNotification,
  type SimPayInput,
  type SimPayReceipt,
  type SimponiDelivery,
  type SimponiLedgerEntry,
  type SimSimponi,
  type SimSimponiDeps,
} from './sim-simponi.ts';
export { simSimponiRoutes, type SimSimponiRoutesOptions } from './simponi-routes.ts';
export {
  familyCardNumber,
  generateResidents,
  HOUSEHOLD_SIZE,
  RESIDENTS_AS_OF,
  verifiedPhone,
  type Resident,
} from './residents.ts';
export { demoOfficers, demoPassword, PILOT_OFFICE_CODES, type DemoOfficer } from './demo-officers.ts';
