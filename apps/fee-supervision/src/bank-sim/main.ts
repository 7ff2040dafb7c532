import { DEV_BANK_API_KEY, DEV_BANK_WEBHOOK_SECRET } from '../dev-defaults';
import { createBankSimulator } from './bank-sim';

// node -r @swc-node/register apps/fee-supervision/src/bank-sim/main.ts
const port = Number(process.env.BANK_SIM_PORT ?? 3090);
const app = createBankSimulator({
  webhookUrl: process.env.BANK_SIM_WEBHOOK_URL ?? 'http://127.0.0.1:3004/bank/webhooks/payments',
  webhookSecret: process.env.FEES_BANK_WEBHOOK_SECRET ?? DEV_BANK_WEBHOOK_SECRET,
  apiKey: process.env.FEES_BANK_API_KEY ?? DEV_BANK_API_KEY,
});
const server = app.listen(port, process.env.HOST ?? '127.0.0.1', () => {
  console.log(`bank simulator listening on ${port}`);
});
const stop = () => server.close(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
