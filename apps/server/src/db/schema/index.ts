export * from './accounts.ts';
export * from './notifications.ts';
export * from './offices.ts';
export * from './officer.ts';
export * from './platform.ts';
export * from './scheduling.ts';
export * from './sim.ts';
