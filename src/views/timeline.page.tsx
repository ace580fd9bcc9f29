import { DIRECTION_LABELS_JA, DIRECTIONS } from '../domain/direction.js';
import { eraLabel, eraLabelOfDate } from '../domain/era.js';
import type { StoredPartnership } from '../domain/partnership.js';
import { yearsOf } from '../domain/partnership.js';
import { Layout } from './layout.js';
import type { PageContext } from './page-context.js';

const DIRECTION_NAMES = { ...DIRECTION_LABELS_JA, unknown: '区分なし' };

/** The exchange timeline of one partnership, each year with its era label and its events, then the photo record. */
export function TimelinePage(props: { ctx: PageContext; partnership: StoredPartnership }) {
  const p = props.partnership;
  const title = `${p.kind}${p.partner}との歩み`;
  const years = yearsOf(p);
  return (
    <Layout ctx={props.ctx} title={title}>
      <h1>{title}</h1>
      {p.affiliatedOn && (
        <p>
          {p.kind}提携：{p.affiliatedOn}（{eraLabelOfDate(p.affiliatedOn)}）
        </p>
      )}
      <h2>交流年表</h2>
      <table>
        <thead>
          <tr>
            <th scope="col">年</th>
            <th scope="col">区分</th>
            <th scope="col">交流内容</th>
          </tr>
        </thead>
        <tbody>
          {years.map((y) => {
            const groups = DIRECTIONS.map((d) => ({ d, events: y.events.filter((e) => e.direction === d) })).filter((g) => g.events.length > 0);
            const rows = y.noExchange && groups.length === 0 ? [{ d: null, events: [] }] : groups;
            return rows.map((g, i) => (
              <tr key={`${y.year}-${g.d ?? 'none'}`} id={i === 0 ? `y${y.year}` : undefined}>
                {i === 0 && (
                  <th scope="row" rowSpan={rows.length}>
                    {y.year}年 <span class="era">({eraLabel(y.year)})</span>
                  </th>
                )}
                <td>{g.d ? DIRECTION_NAMES[g.d] : '—'}</td>
                <td>
                  {g.events.length === 0 ? (
                    '交流なし'
                  ) : (
                    <ul class="events">
                      {g.events.map((e) => (
                        <li key={e.id} id={`e${e.id}`}>
                          {e.date ? `${e.date} ` : ''}
                          {e.text}
                        </li>
                      ))}
                    </ul>
                  )}
                </td>
              </tr>
            ));
          })}
        </tbody>
      </table>
      {p.records.length > 0 && (
        <>
          <h2>交流の記録</h2>
          <table>
            <thead>
              <tr>
                <th scope="col">年</th>
                <th scope="col">写真の説明</th>
              </tr>
            </thead>
            <tbody>
              {p.records.map((r) => (
                <tr key={r.id} id={`r${r.id}`}>
                  <th scope="row">
                    {r.year}年 <span class="era">({eraLabel(r.year)})</span>
                  </th>
                  <td>{r.caption}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </Layout>
  );
}
