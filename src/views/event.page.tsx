import type { StoredPartnership } from '../domain/partnership.js';
import { COMMON } from './i18n/common.messages.js';
import { EVENT } from './i18n/event.messages.js';
import { format } from './i18n/messages.js';
import { Layout } from './layout.js';
import { localHref, type PageContext } from './page-context.js';
import { DateWithEra, fill, localized, partnerName, PartnershipKind, Place, YearWithEra } from './parts.js';

type StoredEvent = StoredPartnership['events'][number];

/**
 * One exchange event: its text, partnership, year, date, direction, the photo records that show it, where it came
 * from, and the events before and after it in the partnership's timeline. `source` is the imported file's name
 * when the store gives it.
 */
export function EventPage(props: { ctx: PageContext; partnership: StoredPartnership; index: number; source?: string | null }) {
  const { ctx, partnership: p, index } = props;
  const t = EVENT[ctx.locale];
  const common = COMMON[ctx.locale];
  const event = p.events[index];
  if (!event) throw new RangeError(`No event at ${index}.`);
  const text = localized(ctx, event.text, event.translations);
  const home = <Place ctx={ctx} name={p.home} />;
  const records = p.records.filter((r) => r.event === index);
  const previous = p.events[index - 1];
  const next = p.events[index + 1];
  // The partnership, led by its home municipality when that is not the site's (as the search names it).
  const otherHome = p.home === ctx.home ? null : <Place ctx={ctx} name={p.home} after="・" />;
  const partner = [
    otherHome,
    ...fill(t.partnershipLink, { kind: <PartnershipKind ctx={ctx} kind={p.kind} />, partner: <Place ctx={ctx} name={p.partner} /> }),
  ];
  return (
    <Layout ctx={ctx} title={`${shortened(text.text, text.lang === undefined ? ctx.locale : 'ja')} | ${partnerName(ctx, p)}`}>
      <p class="context">
        <a href={localHref(ctx, `/partnerships/${p.id}`)}>{partner}</a> › {format(t.title, { year: event.year })}
      </p>
      <h1 lang={text.lang}>{text.text}</h1>
      <h2>{t.details}</h2>
      <dl class="facts">
        <dt>{t.partnership}</dt>
        <dd>
          {fill(t.partnershipLine, {
            partner,
            link: <a href={`${localHref(ctx, `/partnerships/${p.id}`)}#e${event.id}`}>{t.backToTimeline}</a>,
          })}
        </dd>
        <dt>{t.year}</dt>
        <dd>
          <YearWithEra ctx={ctx} year={event.year} />
        </dd>
        {event.date && (
          <>
            <dt>{t.date}</dt>
            <dd>
              <DateWithEra ctx={ctx} iso={event.date} />
            </dd>
          </>
        )}
        <dt>{t.direction}</dt>
        <dd class={`dir-${event.direction}`}>{common[event.direction]}</dd>
        <dt>{t.source}</dt>
        <dd>
          {/* Where the reader can find the exchange written: the home's own published timeline, and its line there. */}
          {event.line === null
            ? fill(t.sourceNone, { home })
            : props.source
              ? fill(t.sourceFile, { home, line: String(event.line), file: <code>{props.source}</code> })
              : fill(t.sourceLine, { home, line: String(event.line) })}
        </dd>
      </dl>

      <h2>{t.records}</h2>
      {records.length === 0 ? (
        <p>{t.noRecords}</p>
      ) : (
        <ul class="records">
          {records.map((r) => {
            const caption = localized(ctx, r.caption, r.translations);
            return (
              <li key={r.id}>
                {r.photo && <img src={`/photos/display/${r.photo}`} alt={caption.text} lang={caption.lang} class="record-photo" loading="lazy" />}
                <YearWithEra ctx={ctx} year={r.year} />{' '}
                <a href={`${localHref(ctx, `/partnerships/${p.id}`)}#r${r.id}`} lang={caption.lang}>
                  {caption.text}
                </a>
              </li>
            );
          })}
        </ul>
      )}

      <h2>{t.neighbours}</h2>
      <ul class="neighbours">
        <li>{previous ? <Neighbour ctx={ctx} label={t.previous} event={previous} rel="prev" /> : t.first}</li>
        <li>{next ? <Neighbour ctx={ctx} label={t.next} event={next} rel="next" /> : t.last}</li>
      </ul>
    </Layout>
  );
}

/** An event's text for the window title: 40 characters of Japanese or Chinese, or about as wide in English (80). */
function shortened(text: string, lang: string): string {
  const most = lang === 'en' ? 80 : 40;
  return text.length > most ? `${text.slice(0, most)}…` : text;
}

function Neighbour(props: { ctx: PageContext; label: string; event: StoredEvent; rel: 'prev' | 'next' }) {
  const { ctx, event } = props;
  const text = localized(ctx, event.text, event.translations);
  return (
    <>
      {props.label}: <YearWithEra ctx={ctx} year={event.year} />{' '}
      <a href={localHref(ctx, `/events/${event.id}`)} rel={props.rel} lang={text.lang}>
        {text.text}
      </a>
    </>
  );
}
