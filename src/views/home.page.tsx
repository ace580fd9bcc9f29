import { eraLabelOfDate } from '../domain/era.js';
import type { StoredPartnership } from '../domain/partnership.js';
import { yearsOf } from '../domain/partnership.js';
import { Layout } from './layout.js';
import { localHref, type PageContext } from './page-context.js';

export function HomePage(props: { ctx: PageContext; partnerships: readonly StoredPartnership[]; today: Date }) {
  const title = `${props.ctx.home}の国際交流の記録`;
  return (
    <Layout ctx={props.ctx} title={title}>
      <h1>{title}</h1>
      {props.partnerships.length === 0 ? (
        <p>まだ交流の記録がありません。</p>
      ) : (
        <ul>
          {props.partnerships.map((p) => (
            <li key={p.id}>
              <a href={localHref(props.ctx, `/partnerships/${p.id}`)}>
                {p.kind} {p.partner}
              </a>
              {p.affiliatedOn ? ` — 提携 ${p.affiliatedOn}（${eraLabelOfDate(p.affiliatedOn)}）` : ''}
              {` — ${yearsOf(p).length}年分、${p.events.length}件の交流`}
            </li>
          ))}
        </ul>
      )}
    </Layout>
  );
}
