import { Worker } from 'node:worker_threads';
import type { ItemKind, PostingRow } from './search.index.js';

/** What a change does to an item's grams. */
export const ADD = 0;
export const REMOVE = 1;
const KINDS: readonly ItemKind[] = ['event', 'record'];

/** Changes per message to the worker: few enough to start it working early, many enough to cost little to send. */
const OPS_PER_MESSAGE = 8192;

/** Changes to index, as sent to the worker: parallel arrays, one entry per item. */
export interface OpsMessage {
  type: 'ops';
  ops: Uint8Array;
  kinds: Uint8Array;
  ids: Int32Array;
  years: Int32Array;
  texts: string[];
}

/** Laid-out rows as one buffer of bytes and parallel arrays: transferred, not copied row by row. */
export interface PackedRows {
  grams: string[];
  kinds: Uint8Array;
  years: Int32Array;
  counts: Int32Array;
  /** Where each row's bytes end in `bytes`. */
  ends: Int32Array;
  bytes: Uint8Array;
}

export type WorkerRequest = OpsMessage | { type: 'layOut' };
export type WorkerReply = { type: 'rows'; rows: PackedRows } | { type: 'error'; message: string };

export function packRows(rows: readonly PostingRow[]): PackedRows {
  const ends = new Int32Array(rows.length);
  let size = 0;
  for (const [i, row] of rows.entries()) ends[i] = size += row.ids.length;
  const bytes = new Uint8Array(size);
  for (const [i, row] of rows.entries()) bytes.set(row.ids, ends[i]! - row.ids.length);
  return {
    grams: rows.map((r) => r.gram),
    kinds: Uint8Array.from(rows, (r) => KINDS.indexOf(r.item_kind)),
    years: Int32Array.from(rows, (r) => r.year),
    counts: Int32Array.from(rows, (r) => r.n),
    ends,
    bytes,
  };
}

export function unpackRows(p: PackedRows): PostingRow[] {
  return p.grams.map((gram, i) => ({
    gram,
    item_kind: KINDS[p.kinds[i]!]!,
    year: p.years[i]!,
    ids: p.bytes.subarray(i === 0 ? 0 : p.ends[i - 1]!, p.ends[i]!),
    n: p.counts[i]!,
  }));
}

/** The buffers of packed rows, to transfer rather than copy. */
export function transferablesOf(p: PackedRows): ArrayBuffer[] {
  return [p.kinds, p.years, p.counts, p.ends, p.bytes].map((a) => a.buffer as ArrayBuffer);
}

/**
 * An index batch kept in a worker thread (search.worker.ts): the changes are sent in messages as they come, and
 * the worker keeps their texts as they arrive, and at `layOut` finds their grams and lays out the rows while this
 * thread goes on writing the other rows.
 * Run from the TypeScript sources, the worker loads them through tsx as this thread does.
 */
export class IndexWorker {
  private readonly worker: Worker;
  private pending = newOps();
  /** Set when the worker failed or exited before replying. */
  private failure: Error | undefined;
  private reply: ((reply: WorkerReply) => void) | undefined;

  constructor() {
    if (import.meta.url.endsWith('.ts')) {
      // From the sources: Node 20 does not pass tsx's loader on to a worker, so the worker registers it first.
      const tsx = JSON.stringify(import.meta.resolve('tsx/esm/api'));
      const entry = JSON.stringify(new URL('./search.worker.ts', import.meta.url).href);
      this.worker = new Worker(`import(${tsx}).then((tsx) => { tsx.register(); return import(${entry}); });`, { eval: true });
    } else {
      this.worker = new Worker(new URL('./search.worker.js', import.meta.url));
    }
    this.worker.on('message', (reply: WorkerReply) => this.reply?.(reply));
    this.worker.on('error', (error) => this.fail(error));
    this.worker.on('exit', (code) => this.fail(new Error(`the index worker exited (${code})`)));
  }

  push(op: number, kind: ItemKind, id: number, year: number, text: string): void {
    const p = this.pending;
    p.ops.push(op);
    p.kinds.push(KINDS.indexOf(kind));
    p.ids.push(id);
    p.years.push(year);
    p.texts.push(text);
    if (p.texts.length >= OPS_PER_MESSAGE) this.send();
  }

  /** The rows of every change sent, in key order; the worker stops afterwards. */
  async layOut(): Promise<PostingRow[]> {
    this.send();
    try {
      const reply = await new Promise<WorkerReply>((resolve, reject) => {
        if (this.failure) return reject(this.failure);
        this.reply = resolve;
        this.fail = (error) => reject(error);
        this.worker.postMessage({ type: 'layOut' } satisfies WorkerRequest);
      });
      if (reply.type === 'error') throw new Error(`the index worker failed: ${reply.message}`);
      return unpackRows(reply.rows);
    } finally {
      this.close();
    }
  }

  /** Stops the worker: after the rows, or for a batch that will not be flushed (which must be closed). */
  close(): void {
    this.fail = () => {};
    void this.worker.terminate();
  }

  private fail = (error: Error): void => {
    this.failure ??= error;
  };

  private send(): void {
    const p = this.pending;
    if (p.texts.length === 0) return;
    const message: OpsMessage = {
      type: 'ops',
      ops: Uint8Array.from(p.ops),
      kinds: Uint8Array.from(p.kinds),
      ids: Int32Array.from(p.ids),
      years: Int32Array.from(p.years),
      texts: p.texts,
    };
    this.worker.postMessage(message satisfies WorkerRequest, [message.ops.buffer, message.kinds.buffer, message.ids.buffer, message.years.buffer] as ArrayBuffer[]);
    this.pending = newOps();
  }
}

function newOps() {
  return { ops: [] as number[], kinds: [] as number[], ids: [] as number[], years: [] as number[], texts: [] as string[] };
}
