// `npm run soak`: concurrent editors against a real `koryu serve` (issue 7). Signed-in editors change the same and
// different events through the staff JSON API (with CSRF tokens) while readers browse the public pages; every
// write must be applied or refused with EditConflict, none lost, no 5xx. Prints a report; exits 1 on any failure.
//
//   npm run soak                                   30 s, 50 editors, 10 readers, SQLite
//   npm run soak -- --duration 60 --clients 100    longer, more editors
//   npm run soak -- --store postgres               PostgreSQL (KORYU_TEST_DATABASE_URL, a schema of its own)
//   npm run soak -- --readers 20 --events 30       more readers; more events to spread the writes over
import { parseArgs } from 'node:util';
import { runEditSoak } from '../test/support/edit-soak.js';
import { startSoakServer, type SoakStoreKind } from '../test/support/soak-server.js';
import { TEST_DATABASE_URL } from '../test/support/test-stores.js';

const { values } = parseArgs({
  options: {
    duration: { type: 'string', default: '30' },
    clients: { type: 'string', default: '50' },
    readers: { type: 'string', default: '10' },
    events: { type: 'string', default: '12' },
    store: { type: 'string', default: 'sqlite' },
  },
});
const positive = (name: keyof typeof values): number => {
  const n = Number(values[name]);
  if (!(n > 0) || !Number.isFinite(n)) throw new Error(`--${name} must be a positive number`);
  return n;
};
if (values.store !== 'sqlite' && values.store !== 'postgres') throw new Error('--store must be sqlite or postgres');
const clients = Math.floor(positive('clients'));
const readers = Math.floor(positive('readers'));
const durationMs = positive('duration') * 1000;

const soak = await startSoakServer(values.store as SoakStoreKind, { editors: Math.min(clients, 10), events: Math.floor(positive('events')), databaseUrl: TEST_DATABASE_URL });
let failed = true;
try {
  console.log(`soak: ${clients} editors and ${readers} readers for ${durationMs / 1000} s on ${values.store}, ${soak.eventIds.length} events (2 edited by everyone), ${soak.server.url}`);
  const started = Date.now();
  const report = await runEditSoak({ url: soak.server.url, clients, readers, durationMs, eventIds: soak.eventIds, partnershipId: soak.partnershipId, accounts: soak.accounts });
  const seconds = (Date.now() - started) / 1000;
  console.log(`writes ${report.writes}: ${report.acknowledged} applied, ${report.conflicts} refused as EditConflict; reads ${report.reads}; ${seconds.toFixed(1)} s`);
  for (const f of report.failures.slice(0, 20)) console.log(`FAILURE ${f}`);
  for (const l of report.lost.slice(0, 20)) console.log(`LOST ${l}`);
  const unaccounted = report.writes - report.acknowledged - report.conflicts;
  console.log(`failures ${report.failures.length}, lost writes ${report.lost.length}, writes neither applied nor conflicts ${unaccounted}`);
  failed = report.failures.length > 0 || report.lost.length > 0 || unaccounted !== 0 || report.acknowledged === 0 || (clients > 1 && report.conflicts === 0);
} finally {
  await soak.close();
}
process.exitCode = failed ? 1 : 0;
