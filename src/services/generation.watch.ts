import type { Store } from '../storage/database.js';
import { localWrites } from '../storage/generation.repository.js';
import { storeGeneration } from './generation.service.js';

/** How long a generation read from the store is taken as current when this process has not written since. */
export const GENERATION_MAX_AGE_MS = 100;

/**
 * The store's generation for a hot path (the page cache, on every request): read from the store at most once per
 * `maxAgeMs`, and again as soon as a write transaction of this process has started or ended since the last read.
 * So a page never outlives a write of this process, and a write of another (`koryu import` beside the server, a
 * second server on the same PostgreSQL) shows within `maxAgeMs`. Reading the generation was half of the server's
 * time on a small page served from the cache. Readers arriving while a read is on its way share it.
 */
export class GenerationWatch {
  private value: number | undefined;
  private readAt = Number.NEGATIVE_INFINITY;
  private writesAtRead = -1;
  private reading: Promise<number> | undefined;

  constructor(
    private readonly store: Store,
    private readonly maxAgeMs = GENERATION_MAX_AGE_MS,
    /** Milliseconds on a clock that only goes forward; tests move it. */
    private readonly clock: () => number = () => performance.now(),
  ) {}

  /** The generation: the one read last when it may still be taken as current, else a new read. */
  current(): number | Promise<number> {
    if (this.value !== undefined && this.writesAtRead === localWrites() && this.clock() - this.readAt < this.maxAgeMs) return this.value;
    return (this.reading ??= this.read());
  }

  private async read(): Promise<number> {
    // Taken before the read: a write starting meanwhile makes the next reader read again.
    const writes = localWrites();
    const readAt = this.clock();
    try {
      const generation = await storeGeneration(this.store);
      this.value = generation;
      this.readAt = readAt;
      this.writesAtRead = writes;
      return generation;
    } finally {
      this.reading = undefined;
    }
  }
}
