import type { Agreement } from '../../domain/agreement.js';
import type { StoredPartnership } from '../../domain/partnership.js';
import { COMMON } from '../i18n/common.messages.js';
import { KNOWLEDGE } from '../i18n/knowledge.messages.js';
import { format } from '../i18n/messages.js';
import { Layout } from '../layout.js';
import { localHref, type PageContext } from '../page-context.js';
import { fill, Ja, localized, partnerName, PartnerName, YearWithEra } from '../parts.js';
import { organizationHref } from './organization.page.js';
import { ScrollRegion } from '../scroll-region.js';
import { PartnershipNav } from './partnership-nav.js';

/**
 * The agreements signed with one partner, in the order of the timeline: title as written, year, parties (linked
 * to their organisation pages where the record knows them) and the event that signed it, in the reader's language
 * where translated.
 */
export function AgreementsPage(props: {
  ctx: PageContext;
  partnership: StoredPartnership;
  agreements: readonly Agreement[];
  /** Names that have an organisation page. */
  organizations: ReadonlySet<string>;
}) {
  const { ctx, partnership: p } = props;
  const t = KNOWLEDGE[ctx.locale];
  const common = COMMON[ctx.locale];
  const partner = <PartnerName ctx={ctx} p={p} />;
  return (
    <Layout ctx={ctx} title={format(t.agreementsTitle, { partner: partnerName(ctx, p) })}>
      <h1>{fill(t.agreementsTitle, { partner })}</h1>
      <PartnershipNav ctx={ctx} id={p.id} current="agreements" />
      {props.agreements.length === 0 ? (
        <p>{t.noAgreements}</p>
      ) : (
        <ScrollRegion label={t.agreementsCaption}>
          <table class="agreements">
            <caption>{t.agreementsCaption}</caption>
            <thead>
              <tr>
                <th scope="col">{common.year}</th>
                <th scope="col">{t.agreementTitle}</th>
                <th scope="col">{t.parties}</th>
                <th scope="col">{t.event}</th>
              </tr>
            </thead>
            <tbody>
              {props.agreements.map((a) => {
                const event = p.events[a.event];
                const text = event && localized(ctx, event.text, event.translations);
                return (
                  <tr key={`${a.event}-${a.title}`}>
                    <th scope="row">
                      <YearWithEra ctx={ctx} year={a.year} />
                    </th>
                    <td class="agreement-title">
                      <Ja ctx={ctx}>{`「${a.title}」`}</Ja>
                    </td>
                    <td>
                      {a.parties.map((name, i) => (
                        <span key={name}>
                          {i > 0 && (ctx.locale === 'en' ? ', ' : '、')}
                          {props.organizations.has(name) ? (
                            <a href={organizationHref(ctx, name)}>
                              <Ja ctx={ctx}>{name}</Ja>
                            </a>
                          ) : (
                            <Ja ctx={ctx}>{name}</Ja>
                          )}
                        </span>
                      ))}
                    </td>
                    <td>
                      {event && text && (
                        <a href={localHref(ctx, `/events/${event.id}`)} lang={text.lang}>
                          {text.text}
                        </a>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </ScrollRegion>
      )}
    </Layout>
  );
}
