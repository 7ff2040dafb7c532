// The browser-safe part of @otr/rules: the console imports it as @otr/rules/browser.
export * from './src/demo-city';
