// The browser-safe part of @otr/auth (no Node built-ins): the console imports it as @otr/auth/browser.
export * from './src/principal';
