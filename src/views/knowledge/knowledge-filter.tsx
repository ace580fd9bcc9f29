import { EXCHANGE_FIELDS, type ExchangeField } from '../../domain/exchange-field.js';
import { FIELD_NAMES, KNOWLEDGE } from '../i18n/knowledge.messages.js';
import type { PageContext } from '../page-context.js';

/** What a page may be narrowed to beyond years and directions: an organisation (by name) and a field of exchange. */
export interface KnowledgeFilterProps {
  /** The organisations to choose from. */
  organizations: readonly string[];
  organization?: string;
  field?: ExchangeField;
}

/** The organisation and field selects of a filter form (GET parameters `org` and `field`). */
export function KnowledgeFilterFields(props: { ctx: PageContext; filter: KnowledgeFilterProps; idPrefix: string }) {
  const { ctx, filter } = props;
  const t = KNOWLEDGE[ctx.locale];
  const all = ctx.locale === 'en' ? 'All' : ctx.locale === 'zh' ? '全部' : 'すべて';
  return (
    <>
      <div>
        <label for={`${props.idPrefix}-org`}>{t.organization}</label>{' '}
        <select id={`${props.idPrefix}-org`} name="org">
          <option value="">{all}</option>
          {filter.organizations.map((name) => (
            <option key={name} value={name} selected={name === filter.organization} lang={ctx.locale === 'ja' ? undefined : 'ja'}>
              {name}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label for={`${props.idPrefix}-field`}>{t.field}</label>{' '}
        <select id={`${props.idPrefix}-field`} name="field">
          <option value="">{all}</option>
          {EXCHANGE_FIELDS.map((f) => (
            <option key={f} value={f} selected={f === filter.field}>
              {FIELD_NAMES[ctx.locale][f]}
            </option>
          ))}
        </select>
      </div>
    </>
  );
}
