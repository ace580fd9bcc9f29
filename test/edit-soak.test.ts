import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { checkAcknowledged, runEditSoak, type SoakOptions } from './support/edit-soak.js';
import { HttpClient } from './support/http-client.js';
import { startSoakServer, type SoakServer, type SoakStoreKind } from './support/soak-server.js';
import { postgresUnreachable, TEST_DATABASE_URL } from './support/test-stores.js';

// The short version of `npm run soak` (scripts/soak.ts): the same code, a few seconds, fewer clients.
const pgReason = await postgresUnreachable();

for (const kind of ['sqlite', 'postgres'] as SoakStoreKind[]) {
  describe(`concurrent editors over HTTP against koryu serve (${kind})`, () => {
    if (kind === 'postgres' && pgReason !== null) {
      if (process.env.CI === 'true') it('connects to PostgreSQL', () => assert.fail(`${pgReason} — PostgreSQL is required when CI=true`));
      else it('connects to PostgreSQL', { skip: pgReason }, () => {});
      return;
    }
    let soak: SoakServer;
    before(async () => {
      soak = await startSoakServer(kind, { editors: 4, events: 6, databaseUrl: TEST_DATABASE_URL });
    });
    after(async () => {
      await soak?.close();
    });

    it('applies every write or refuses it as EditConflict, loses none, and never answers 5xx to editors or readers', async () => {
      const options: SoakOptions = { url: soak.server.url, clients: 8, readers: 2, durationMs: 3000, eventIds: soak.eventIds, partnershipId: soak.partnershipId, accounts: soak.accounts };
      const report = await runEditSoak(options);
      assert.deepEqual(report.failures, []);
      assert.deepEqual(report.lost, []);
      assert.equal(report.acknowledged + report.conflicts, report.writes, 'every write was applied or refused as a conflict');
      assert.ok(report.acknowledged > 0, 'some writes were applied');
      assert.ok(report.conflicts > 0, 'stale writes met conflicts');
      assert.ok(report.reads > 0, 'the readers read');

      // The final check notices a write acknowledged but not stored, and one stored but not acknowledged.
      const client = new HttpClient(soak.server.url);
      await client.signIn(soak.accounts[0]!.name, soak.accounts[0]!.password);
      const last = report.acks.at(-1)!;
      const phantom = { lost: [] as string[] };
      await checkAcknowledged(client, options, [...report.acks, { eventId: last.eventId, version: last.version + 1000, text: 'never written' }], phantom);
      assert.ok(phantom.lost.some((l) => l.includes('never written')), phantom.lost.join('\n'));
      const forgotten = { lost: [] as string[] };
      await checkAcknowledged(client, options, report.acks.filter((a) => a !== report.acks[0]), forgotten);
      assert.ok(forgotten.lost.length > 0, 'an applied write missing from the acknowledgements is noticed');
    });
  });
}
