// The custodian bank simulator as its own process (compose, start-distributed):
//   node -r @swc-node/register apps/bank-sim/src/main.ts
// BANK_SIM_PORT (3090), HOST, BANK_SIM_WEBHOOK_URL (fee supervision's webhook); the secrets are the
// ones it shares with fee supervision (FEES_BANK_WEBHOOK_SECRET, FEES_BANK_API_KEY), with no defaults.
import { secret } from '@otr/config';
import { createBankSimulator } from './bank-sim';

const port = Number(process.env.BANK_SIM_PORT ?? 3090);
const app = createBankSimulator({
  webhookUrl: process.env.BANK_SIM_WEBHOOK_URL ?? 'http://127.0.0.1:3004/bank/webhooks/payments',
  webhookSecret: secret('FEES_BANK_WEBHOOK_SECRET'),
  apiKey: secret('FEES_BANK_API_KEY'),
});
const server = app.listen(port, process.env.HOST ?? '127.0.0.1', () => {
  console.log(`bank simulator listening on ${port}`);
});
const stop = () => server.close(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
