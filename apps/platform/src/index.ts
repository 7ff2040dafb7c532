export { startPlatform, SERVICES } from './platform';
export { platformDocument } from './openapi-document';
export type { RunningPlatform, PlatformOptions } from './platform';
