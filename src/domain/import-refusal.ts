/**
 * Why an import of documents that each read without error is refused as a whole, for a page to say in its own
 * language: two documents holding one partnership, or more events than one import may hold.
 */
export type ImportRefusal =
  | { kind: 'samePartnership'; first: string; second: string; home: string; partner: string }
  | { kind: 'tooManyEvents'; documents: number; events: number; limit: number };
