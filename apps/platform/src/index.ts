export { startPlatform, SERVICES } from './platform';
export type { RunningPlatform, PlatformOptions } from './platform';
