// The browser-safe part of @otr/contracts: the console and portal import it as @otr/contracts/browser.
export * from './src/violation-codes';
export type { components, operations, paths } from './src/http/openapi';
export * from './src/http/answers';
