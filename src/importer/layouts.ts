import type { Layout } from './layout.js';
import { linesLayout } from './lines.layout.js';
import { pipeLayout } from './pipe.layout.js';
import { tableLayout } from './table.layout.js';

/** Every layout the importer reads; the one that fits a document best parses it. */
export const LAYOUTS: readonly Layout[] = [tableLayout, pipeLayout, linesLayout];
