// `npm run db:migrate`: applies every service's committed SQL migrations to DATABASE_URL.
import { applyMigrations } from '@otr/runtime';

const url = process.env.DATABASE_URL;
if (!url) {
  console.error('DATABASE_URL is required, e.g. postgresql://postgres@127.0.0.1:5432/otr');
  process.exit(2);
}
applyMigrations(url).then(
  (applied) => console.log(applied.length ? applied.map((m) => `applied ${m.service}/${m.name}`).join('\n') : 'up to date'),
  (error) => {
    console.error(error.message);
    process.exit(1);
  },
);
