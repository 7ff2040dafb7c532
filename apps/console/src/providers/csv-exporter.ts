import { downloadCSV } from 'react-admin';
import { toCsv } from './csv';

export const exporterFor = (name: string) => (records: Record<string, unknown>[]) =>
  downloadCSV(toCsv(records), name);
