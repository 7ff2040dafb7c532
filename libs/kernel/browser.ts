// The browser-safe part of @otr/kernel: the console imports it as @otr/kernel/browser.
export * from './src/csv';
