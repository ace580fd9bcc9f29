// The worker thread behind IndexWorker (search.worker-client.ts): an index batch of a first import, fed with the
// changes as they come and asked once for its rows.
import { parentPort } from 'node:worker_threads';
import { SearchIndexBatch, type ItemKind } from './search.index.js';
import { ADD, packRows, transferablesOf, type WorkerReply, type WorkerRequest } from './search.worker-client.js';

const KINDS: readonly ItemKind[] = ['event', 'record'];
const port = parentPort;
if (!port) throw new Error('search.worker.ts runs as a worker thread');

const batch = new SearchIndexBatch({ nothingStored: true });
/** The first change that failed: reported when the rows are asked for. */
let failure: unknown;

port.on('message', (request: WorkerRequest) => {
  if (request.type === 'ops') {
    try {
      for (let i = 0; i < request.texts.length; i++) {
        const kind = KINDS[request.kinds[i]!]!;
        if (request.ops[i] === ADD) batch.add(kind, request.ids[i]!, request.years[i]!, request.texts[i]!);
        else batch.remove(kind, request.ids[i]!, request.years[i]!, request.texts[i]!);
      }
    } catch (error) {
      failure ??= error;
    }
    return;
  }
  void reply().then((message) => port.postMessage(message, message.type === 'rows' ? transferablesOf(message.rows) : []));
});

async function reply(): Promise<WorkerReply> {
  try {
    if (failure !== undefined) throw failure;
    const { rows } = await batch.layOut(null);
    return { type: 'rows', rows: packRows(rows) };
  } catch (error) {
    return { type: 'error', message: error instanceof Error ? error.message : String(error) };
  }
}
