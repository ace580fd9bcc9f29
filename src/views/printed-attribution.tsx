import { licenceIn, type Licence } from '../domain/licence.js';
import type { Locale } from './i18n/locale.js';
import { format } from './i18n/messages.js';
import { YEARBOOK } from './i18n/yearbook.messages.js';
import { Credit, fill } from './parts.js';

/**
 * Who publishes the record and the terms it may be used under, as paper carries them (the licence's address
 * written out, since a printed link cannot be followed): on the yearbook's cover and in the print view. The credit
 * is the municipality's own line, in Japanese.
 */
export function PrintedAttribution(props: { locale: Locale; licence: Licence }) {
  const t = YEARBOOK[props.locale];
  const terms = licenceIn(props.licence, props.locale);
  return (
    <>
      <p>{fill(t.publisher, { attribution: <Credit locale={props.locale}>{props.licence.attribution}</Credit> })}</p>
      <p>{format(t.licence, { licence: `${terms.name} ${terms.url}` })}</p>
    </>
  );
}
