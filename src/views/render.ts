import type { VNode } from 'preact';
import { renderToString } from 'preact-render-to-string';

/** A whole HTML page from a view; Preact escapes every text and attribute value. */
export function renderPage<P>(page: VNode<P>): string {
  return `<!doctype html>${renderToString(page)}`;
}
