import { DIRECTIONS } from '../../domain/direction.js';
import type { Organization } from '../../domain/organization.js';
import { COMMON } from '../i18n/common.messages.js';
import { KNOWLEDGE } from '../i18n/knowledge.messages.js';
import { format, pluralOf } from '../i18n/messages.js';
import { Layout } from '../layout.js';
import { localHref, type PageContext } from '../page-context.js';
import { fill, formatCount, Ja, localized, Place, YearWithEra } from '../parts.js';
import { ScrollRegion } from '../scroll-region.js';

/** The link to an organisation's page. */
export function organizationHref(ctx: PageContext, name: string): string {
  return localHref(ctx, `/organizations/${encodeURIComponent(name)}`);
}

/** Every organisation and office holder the record names, with how often and whether an editor confirmed it. */
export function OrganizationsPage(props: { ctx: PageContext; organizations: readonly Organization[] }) {
  const { ctx } = props;
  const t = KNOWLEDGE[ctx.locale];
  return (
    <Layout ctx={ctx} title={t.organizations}>
      <h1>{t.organizations}</h1>
      <p>{t.organizationsIntro}</p>
      <ScrollRegion label={t.organizations}>
        <table class="organizations">
          <caption class="visually-hidden">{t.organizations}</caption>
          <thead>
            <tr>
              <th scope="col">{t.name}</th>
              <th scope="col">{t.kind}</th>
              <th scope="col">{t.aliases}</th>
              <th scope="col">{t.exchanges}</th>
              <th scope="col">{t.status}</th>
            </tr>
          </thead>
          <tbody>
            {props.organizations.map((o) => (
              <tr key={o.name}>
                <th scope="row">
                  <a href={organizationHref(ctx, o.name)}>
                    <Ja ctx={ctx}>{o.name}</Ja>
                  </a>
                </th>
                <td>{o.kind === 'office' ? t.office : t.organization}</td>
                <td>{o.aliases.length > 0 ? <Ja ctx={ctx}>{o.aliases.join('、')}</Ja> : t.noAliases}</td>
                <td>{format(pluralOf(ctx.locale, o.mentions.length, { one: t.eventCountOne, other: t.eventCount }), { count: formatCount(o.mentions.length, ctx.locale) })}</td>
                <td>{o.status === 'confirmed' ? t.confirmed : t.suggested}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
    </Layout>
  );
}

/** One organisation: its names and every exchange naming it (in the reader's language where translated), across partners and years. */
export function OrganizationPage(props: { ctx: PageContext; organization: Organization }) {
  const { ctx, organization: o } = props;
  const t = KNOWLEDGE[ctx.locale];
  const common = COMMON[ctx.locale];
  const mentions = [...o.mentions].sort((a, b) => (a.partner < b.partner ? -1 : a.partner > b.partner ? 1 : a.year - b.year || DIRECTIONS.indexOf(a.direction) - DIRECTIONS.indexOf(b.direction)));
  const partners = [...new Set(mentions.map((m) => m.partner))];
  return (
    <Layout ctx={ctx} title={o.name}>
      <p class="breadcrumb">
        <a href={localHref(ctx, '/organizations')}>{t.organizations}</a>
      </p>
      <h1>
        <Ja ctx={ctx}>{o.name}</Ja>
      </h1>
      <dl class="facts">
        <dt>{t.kind}</dt>
        <dd>{o.kind === 'office' ? t.office : t.organization}</dd>
        <dt>{t.aliases}</dt>
        <dd>{o.aliases.length > 0 ? <Ja ctx={ctx}>{o.aliases.join('、')}</Ja> : t.noAliases}</dd>
        <dt>{t.status}</dt>
        <dd>{o.status === 'confirmed' ? t.confirmed : t.suggested}</dd>
        <dt>{t.years}</dt>
        <dd>{[...new Set(mentions.map((m) => m.year))].sort((a, b) => a - b).join(ctx.locale === 'en' ? ', ' : '、') || '—'}</dd>
      </dl>
      <h2>{t.exchanges}</h2>
      {partners.map((partner) => (
        <table key={partner} class="organization-events">
          <caption>
            {fill(t.exchangesCaption, { name: <Ja ctx={ctx}>{o.name}</Ja> })} — <Place ctx={ctx} name={partner} />
          </caption>
          <thead>
            <tr>
              <th scope="col">{common.year}</th>
              <th scope="col">{t.direction}</th>
              <th scope="col">{t.event}</th>
            </tr>
          </thead>
          <tbody>
            {mentions
              .filter((m) => m.partner === partner)
              .map((m) => ({ m, text: localized(ctx, m.text, m.translations) }))
              .map(({ m, text }) => (
                <tr key={`${m.partnershipId}-${m.event}`}>
                  <th scope="row">
                    <YearWithEra ctx={ctx} year={m.year} />
                  </th>
                  <td class={`dir-${m.direction}`}>{common[m.direction]}</td>
                  <td>
                    {m.eventId !== null ? (
                      <a href={localHref(ctx, `/events/${m.eventId}`)} lang={text.lang}>
                        {text.text}
                      </a>
                    ) : (
                      <span lang={text.lang}>{text.text}</span>
                    )}
                  </td>
                </tr>
              ))}
          </tbody>
        </table>
      ))}
    </Layout>
  );
}
