export { createBankSimulator } from './bank-sim';
export type { BankSimulatorOptions } from './bank-sim';
