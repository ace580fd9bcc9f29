import { HttpClient } from './http-client.js';

/**
 * Concurrent editors against a running server (issue 7): `clients` signed-in editors change the texts of the same
 * and of different events through the staff JSON API for `durationMs`, each edit on the version it last saw (so
 * some are stale), while `readers` browse the public pages. Every acknowledged write is recorded; at the end the
 * stored events and their histories are checked against them.
 */
export interface SoakOptions {
  url: string;
  clients: number;
  readers: number;
  durationMs: number;
  /** Events to edit (published, so readers see them); the first two are edited by everyone ("hot"). */
  eventIds: readonly number[];
  partnershipId: number;
  accounts: readonly { name: string; password: string }[];
}

export interface Ack {
  eventId: number;
  version: number;
  text: string;
}

export interface SoakReport {
  writes: number;
  acknowledged: number;
  conflicts: number;
  reads: number;
  /** Answers that were neither an applied write nor an EditConflict, reads that failed: each is a defect. */
  failures: string[];
  /** Differences between what was acknowledged and what the store holds at the end: each is a lost write. */
  lost: string[];
  /** Every acknowledged write, in the order the answers came. */
  acks: Ack[];
}

export async function runEditSoak(options: SoakOptions): Promise<SoakReport> {
  const acks: Ack[] = [];
  const report: SoakReport = { writes: 0, acknowledged: 0, conflicts: 0, reads: 0, failures: [], lost: [], acks };
  const writers = await Promise.all(
    Array.from({ length: options.clients }, async (_, i) => {
      const account = options.accounts[i % options.accounts.length]!;
      const client = new HttpClient(options.url);
      await client.signIn(account.name, account.password);
      // Every editor first writes the first event on the version read here, so at least clients - 1 conflicts occur.
      const first = await client.request('GET', `/api/staff/events/${options.eventIds[0]!}`);
      return { client, seen: new Map([[options.eventIds[0]!, first.json<{ version: number }>().version]]) };
    }),
  );
  const deadline = Date.now() + options.durationMs;
  await Promise.all([
    ...writers.map((w, i) => writeUntil(deadline, w.client, w.seen, i, options, report, acks)),
    ...Array.from({ length: options.readers }, (_, i) => readUntil(deadline, new HttpClient(options.url), i, options, report)),
  ]);
  await checkAcknowledged(writers[0]!.client, options, acks, report);
  return report;
}

async function writeUntil(deadline: number, client: HttpClient, seen: Map<number, number>, n: number, options: SoakOptions, report: SoakReport, acks: Ack[]): Promise<void> {
  const { eventIds } = options;
  for (let seq = 1; Date.now() < deadline; seq++) {
    const hot = seq === 1 || Math.random() < 0.5;
    const eventId = seq === 1 ? eventIds[0]! : eventIds[hot ? Math.floor(Math.random() * 2) : 2 + Math.floor(Math.random() * (eventIds.length - 2))]!;
    // Mostly the version this client last saw (stale when someone else wrote since); sometimes a fresh read first.
    let version = seen.get(eventId);
    if (version === undefined || (seq > 1 && Math.random() < 0.3)) {
      const res = await client.request('GET', `/api/staff/events/${eventId}`);
      if (res.status !== 200) {
        report.failures.push(`writer ${n}: GET event ${eventId} answered ${res.status} ${res.body.slice(0, 200)}`);
        continue;
      }
      version = res.json<{ version: number }>().version;
    }
    const text = `交流テキスト soak writer ${n} write ${seq} (${Math.random().toString(36).slice(2, 8)})`;
    report.writes++;
    let res;
    try {
      res = await client.request('PATCH', `/api/staff/events/${eventId}`, { json: { version, text } });
    } catch (error) {
      report.failures.push(`writer ${n}: PATCH event ${eventId} failed: ${String(error)}`);
      continue;
    }
    if (res.status === 200) {
      const item = res.json<{ version: number; text: string }>();
      if (item.text !== text || item.version !== version + 1) {
        report.failures.push(`writer ${n}: event ${eventId} on v${version} answered v${item.version} ${JSON.stringify(item.text)} for ${JSON.stringify(text)}`);
      }
      acks.push({ eventId, version: item.version, text });
      report.acknowledged++;
      seen.set(eventId, item.version);
    } else if (res.status === 409 && isConflict(res.body)) {
      report.conflicts++;
      seen.set(eventId, JSON.parse(res.body).current.version as number);
    } else {
      report.failures.push(`writer ${n}: PATCH event ${eventId} on v${version} answered ${res.status} ${res.body.slice(0, 300)}`);
    }
  }
}

/** A refusal counts as a conflict only with the stable code and the stored item. */
function isConflict(body: string): boolean {
  try {
    const json = JSON.parse(body) as { code?: unknown; current?: { version?: unknown } };
    return json.code === 'EditConflict' && typeof json.current?.version === 'number';
  } catch {
    return false;
  }
}

async function readUntil(deadline: number, client: HttpClient, n: number, options: SoakOptions, report: SoakReport): Promise<void> {
  const { eventIds, partnershipId: p } = options;
  for (let i = n; Date.now() < deadline; i++) {
    const e = eventIds[i % eventIds.length]!;
    const paths = [`/ja/partnerships/${p}`, `/en/events/${e}`, `/zh/search?q=${encodeURIComponent('交流')}`, `/api/events/${e}`, `/ja/partnerships/${p}/print`, '/'];
    const path = paths[i % paths.length]!;
    try {
      const res = await client.request('GET', path, { accept: path.startsWith('/api') ? 'application/json' : 'text/html' });
      report.reads++;
      if (res.status !== 200) report.failures.push(`reader ${n}: GET ${path} answered ${res.status} ${res.body.slice(0, 200)}`);
    } catch (error) {
      report.failures.push(`reader ${n}: GET ${path} failed: ${String(error)}`);
    }
  }
}

/**
 * Each event's stored text and version are those of its last acknowledged write (the one with the highest
 * version), no two writes were acknowledged with the same version, its history holds every acknowledged write
 * and no update that was not acknowledged, and its public page shows the final text.
 */
export async function checkAcknowledged(client: HttpClient, options: SoakOptions, acks: readonly Ack[], report: Pick<SoakReport, 'lost'>): Promise<void> {
  const names = new Set(options.accounts.map((a) => a.name));
  for (const eventId of options.eventIds) {
    const mine = acks.filter((a) => a.eventId === eventId).sort((a, b) => a.version - b.version);
    const versions = new Set(mine.map((a) => a.version));
    if (versions.size !== mine.length) report.lost.push(`event ${eventId}: ${mine.length - versions.size} writes acknowledged with a version another write also got`);
    const stored = (await client.request('GET', `/api/staff/events/${eventId}`)).json<{ version: number; text: string }>();
    const last = mine.at(-1);
    if (last && (stored.version !== last.version || stored.text !== last.text)) {
      report.lost.push(`event ${eventId}: stored v${stored.version} ${JSON.stringify(stored.text)}, last acknowledged v${last.version} ${JSON.stringify(last.text)}`);
    }
    const history = (await client.request('GET', `/api/staff/events/${eventId}/history`)).json<{ version: number; action: string; actor: string; after: { text?: string } | null }[]>();
    const updates = history.filter((h) => h.action === 'update' && names.has(h.actor));
    const byVersion = new Map(updates.map((h) => [h.version, h.after?.text]));
    for (const ack of mine) {
      if (byVersion.get(ack.version) !== ack.text) report.lost.push(`event ${eventId}: history has no v${ack.version} ${JSON.stringify(ack.text)}`);
    }
    if (updates.length !== mine.length) report.lost.push(`event ${eventId}: history holds ${updates.length} updates, ${mine.length} were acknowledged`);
    if (last) {
      const page = await client.request('GET', `/ja/events/${eventId}`, { accept: 'text/html' });
      if (page.status !== 200 || !page.body.includes(last.text)) report.lost.push(`event ${eventId}: its public page (${page.status}) does not show the last acknowledged text`);
    }
  }
}
