export { readHolidays, type Holiday } from './holidays.ts';
export { schedulingReferenceLoaders } from './service.ts';
