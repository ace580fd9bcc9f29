import type { KyselyPlugin, PluginTransformQueryArgs, PluginTransformResultArgs, QueryResult, RootOperationNode, UnknownRow } from 'kysely';
import type { Store } from '../../src/storage/database.js';

/**
 * Counts the rows the database returns through a Kysely instance (`db.withPlugin(counter)`): in all since the
 * last reset, and the most one query returned; and the queries run. Tests use it to tell a read of one
 * partnership, or of a batch, from a read of the whole record, and a fixed number of queries from a loop of them.
 */
export class RowCounter implements KyselyPlugin {
  rows = 0;
  largest = 0;
  queries = 0;

  reset(): void {
    this.rows = 0;
    this.largest = 0;
    this.queries = 0;
  }

  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    // Called for every subquery too: the queries run are counted by their results.
    return args.node;
  }

  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    this.queries++;
    this.rows += args.result.rows.length;
    this.largest = Math.max(this.largest, args.result.rows.length);
    return args.result;
  }
}

/** `store` with every read counted by `counter`: its own, and those of the snapshots it hands out. */
export function countingRows(store: Store, counter: RowCounter): Store {
  const counted: Store = {
    ...store,
    db: store.db.withPlugin(counter),
    snapshot: (fn) => store.snapshot((reader) => fn({ ...reader, db: reader.db.withPlugin(counter) })),
  };
  return counted;
}
