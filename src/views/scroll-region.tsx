import type { ComponentChildren } from 'preact';

/**
 * A wide table that scrolls sideways within itself on a narrow screen (koryu.css `.scroll-x`) instead of widening
 * the page. It takes the keyboard's focus, so the arrow keys scroll it (axe: scrollable-region-focusable), and
 * `label` names it for screen readers: the caption of the table it holds, in the reader's language.
 */
export function ScrollRegion(props: { label: string; children: ComponentChildren }) {
  return (
    <div class="scroll-x" role="region" tabIndex={0} aria-label={props.label}>
      {props.children}
    </div>
  );
}
