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
  /** The read under way, and the count of this process's writes when it began. */
  private reading: { writes: number; generation: Promise<number> } | undefined;

  constructor(
    private readonly store: Store,
    private readonly maxAgeMs = GENERATION_MAX_AGE_MS,
    /** Milliseconds on a clock that only goes forward; tests move it. */
    private readonly clock: () => number = () => performance.now(),
  ) {}

  /**
   * The generation: the one read last when it may still be taken as current, else a read. A reader joins the read
   * under way only when no write of this process has started or ended since that read began: its snapshot may
   * predate a write this reader has seen finish.
   */
  current(): number | Promise<number> {
    const writes = localWrites();
    if (this.value !== undefined && this.writesAtRead === writes && this.clock() - this.readAt < this.maxAgeMs) return this.value;
    if (this.reading?.writes === writes) return this.reading.generation;
    const reading = { writes, generation: this.read(writes) };
    this.reading = reading;
    void reading.generation.finally(() => {
      if (this.reading === reading) this.reading = undefined;
    }).catch(() => {});
    return reading.generation;
  }

  private async read(writes: number): Promise<number> {
    // The count is taken before the read: a write starting meanwhile makes the next reader read again.
    const readAt = this.clock();
    const generation = await storeGeneration(this.store);
    // Reads finish in any order: the value kept only moves forward, with the count and time of its own read.
    if (this.value === undefined || generation > this.value || (generation === this.value && readAt >= this.readAt)) {
      this.value = generation;
      this.readAt = readAt;
      this.writesAtRead = writes;
    }
    return generation;
  }
}
