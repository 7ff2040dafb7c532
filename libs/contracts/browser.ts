// The browser-safe part of @otr/contracts: the console imports it as @otr/contracts/browser.
export * from './src/violation-codes';
