import { MAX_PLACE_NAME_LENGTH, type PlaceEntry } from '../../domain/place-name.js';
import { Layout } from '../layout.js';
import { japanTime } from './field-labels.js';
import { PLACES } from './places.messages.js';
import { STAFF } from './staff.messages.js';
import { Field, href, PostForm, type StaffView } from './staff-parts.js';

/** What the page says after a form: a notice, or a refusal with what was typed. */
export interface PlacesOutcome {
  notice?: string;
  refusal?: string;
  entered?: { name: string; en: string; zh: string };
}

/**
 * Every home and partner name of the record with its English and Chinese names, one form per name (a translator's,
 * an editor's or an administrator's; others read). Works without JavaScript.
 */
export function PlacesPage(props: { view: StaffView; places: readonly PlaceEntry[]; mayEdit: boolean; outcome?: PlacesOutcome }) {
  const { view, outcome } = props;
  const { ctx } = view;
  const t = PLACES[ctx.locale];
  const s = STAFF[ctx.locale];
  const value = (p: PlaceEntry, locale: 'en' | 'zh') => (outcome?.entered?.name === p.name ? outcome.entered[locale] : (p.translations[locale] ?? ''));
  return (
    <Layout ctx={ctx} title={t.title}>
      <div class="staff">
        <p><a href={href(ctx, '/staff')}>{s.staff}</a></p>
        <h1>{t.title}</h1>
        <p>{t.intro}</p>
        <p>{t.noHistory}</p>
        {!props.mayEdit && <p>{t.readOnly}</p>}
        {outcome?.notice && <p class="notice" role="status">{outcome.notice}</p>}
        {outcome?.refusal && <p class="problems" role="alert">{t.refused}: {outcome.refusal}</p>}
        {props.places.length === 0 ? (
          <p>{t.none}</p>
        ) : (
          <ul class="places">
            {props.places.map((p, i) => {
              const where = [p.home && t.home, p.partner && t.partner].filter(Boolean).join('・') || t.unused;
              const changed = p.updatedAt && <small class="hint">{t.updated}: {japanTime(p.updatedAt).slice(0, 16)} {s.timeZoneNote} ({p.updatedBy ?? t.import})</small>;
              const heading = <><span lang="ja">{p.name}</span> <small>({where})</small></>;
              if (!props.mayEdit) {
                return (
                  <li key={p.name}>
                    {heading}: {t.en} <span lang="en">{p.translations.en ?? '—'}</span>, {t.zh} <span lang="zh-Hans">{p.translations.zh ?? '—'}</span> {changed}
                  </li>
                );
              }
              return (
                <li key={p.name}>
                  <PostForm view={view} action="/staff/places" label={p.name}>
                    <p>{heading}</p>
                    <input type="hidden" name="name" value={p.name} />
                    <Field id={`place-${i}-en`} label={t.en}>
                      <input id={`place-${i}-en`} name="en" lang="en" maxLength={MAX_PLACE_NAME_LENGTH} value={value(p, 'en')} />
                    </Field>
                    <Field id={`place-${i}-zh`} label={t.zh}>
                      <input id={`place-${i}-zh`} name="zh" lang="zh-Hans" maxLength={MAX_PLACE_NAME_LENGTH} value={value(p, 'zh')} />
                    </Field>
                    <button type="submit">{t.save}</button> {changed}
                  </PostForm>
                </li>
              );
            })}
          </ul>
        )}
      </div>
    </Layout>
  );
}
