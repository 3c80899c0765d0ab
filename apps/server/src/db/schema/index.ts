export * from './offices.ts';
export * from './scheduling.ts';
export * from './officer.ts';
export * from './platform.ts';
export * from './sim.ts';
