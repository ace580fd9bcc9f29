import { KNOWLEDGE } from '../i18n/knowledge.messages.js';
import { TIMELINE } from '../i18n/timeline.messages.js';
import { localHref, type PageContext } from '../page-context.js';

/** Links between a partnership's timeline, its agreements and its insights. */
export function PartnershipNav(props: { ctx: PageContext; id: number; current: 'timeline' | 'agreements' | 'insights' }) {
  const { ctx, id, current } = props;
  const t = KNOWLEDGE[ctx.locale];
  const items = [
    { key: 'timeline', href: `/partnerships/${id}`, label: TIMELINE[ctx.locale].timeline },
    { key: 'agreements', href: `/partnerships/${id}/agreements`, label: t.agreementsNav },
    { key: 'insights', href: `/partnerships/${id}/insights`, label: t.insightsNav },
  ] as const;
  return (
    <nav class="partnership-nav no-print" aria-label={t.partnershipNav}>
      <ul>
        {items.map((i) => (
          <li key={i.key}>{i.key === current ? <span aria-current="page">{i.label}</span> : <a href={localHref(ctx, i.href)}>{i.label}</a>}</li>
        ))}
      </ul>
    </nav>
  );
}
