export { readHolidays, type Holiday } from './holidays.ts';
export {
  createSchedulingService,
  MAX_RESCHEDULES,
  schedulingReferenceLoaders,
  type Appointment,
  type BookingPlan,
  type Release,
  type OfficeFacts,
  type SeatRequest,
  type SchedulingService,
  type SessionView,
} from './service.ts';
export type { SeatClaims } from './booking.ts';
export { addWorkingDays, isWorkingDay, type ClosedDays } from './calendar.ts';
export { addDays, localDate, localInstant, zoneLabels, type OfficeZone } from './local-time.ts';
export { servicePools, type ServicePool } from './schedule.ts';
export { listingsPerIp, schedulingRoutes } from './routes.ts';
export { defaultWaitlistSettings, noShowsSince, type WaitlistSettings } from './waitlist.ts';
export type { Waitlist } from './waitlist-service.ts';
export {
  defaultWalkInQuota,
  laneOfService,
  poolOfService,
  walkInLanes,
  type LaneQuota,
  type WalkInLane,
} from './walk-in.ts';
