import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * Work that goes first where the process queues for something shared (the database pool): the
 * submits of a quota release, which people admitted from a waiting room were promised would be quick,
 * ahead of the crowd's reads (issue 14). Everything `work` starts, however deep, counts as urgent.
 */
const urgent = new AsyncLocalStorage<true>();

export const urgently = <T>(work: () => Promise<T>): Promise<T> => urgent.run(true, work);

export const isUrgent = (): boolean => urgent.getStore() === true;
