export { createReleasesService, type ReleasesService } from './service.ts';
export { createJoining } from './joining.ts';
export type { ReleasesDeps, ReleaseSettings } from './deps.ts';
export { drawKey, drawOrder, seedCommitment } from './draw.ts';
export { releasesRoutes } from './routes.ts';
export { registerReleaseMetrics } from './metrics.ts';
