import type { Store } from '../storage/database.js';
import { storeGeneration } from './generation.service.js';

/**
 * Values derived from a store, kept per store while its generation holds (every write transaction advances it),
 * the `max` most recently used. A value computed while a write commits is kept under the generation read before
 * it, which the next request after the write no longer sees.
 */
export class GenerationCache<T> {
  private readonly stores = new WeakMap<Store, { generation: number; entries: Map<string, T> }>();

  constructor(private readonly max: number) {}

  async get(store: Store, key: string, compute: () => Promise<T>): Promise<T> {
    const generation = await storeGeneration(store);
    let kept = this.stores.get(store);
    if (!kept || kept.generation !== generation) this.stores.set(store, (kept = { generation, entries: new Map() }));
    if (kept.entries.has(key)) {
      const value = kept.entries.get(key) as T;
      kept.entries.delete(key);
      kept.entries.set(key, value);
      return value;
    }
    const value = await compute();
    // Not kept when a later generation was seen meanwhile: the entries it holds are the newer ones.
    if (this.stores.get(store) === kept) {
      kept.entries.set(key, value);
      for (const oldest of kept.entries.keys()) {
        if (kept.entries.size <= this.max) break;
        kept.entries.delete(oldest);
      }
    }
    return value;
  }
}
