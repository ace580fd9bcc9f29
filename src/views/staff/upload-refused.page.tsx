import { Layout } from '../layout.js';
import { localHref, type PageContext } from '../page-context.js';
import { STAFF } from './staff.messages.js';

/**
 * What a browser shows for an upload refused before its form was read (a photo or documents over the limit, too
 * many files): the reason in the staff's language and the way back to the form, whose entries the browser's back
 * button keeps.
 */
export function UploadRefusedPage(props: { ctx: PageContext; reason: string; back: string }) {
  const { ctx } = props;
  const t = STAFF[ctx.locale];
  return (
    <Layout ctx={ctx} title={t.uploadRefused}>
      <div class="staff">
        <h1>{t.uploadRefused}</h1>
        <p class="problems" role="alert">
          {props.reason}
        </p>
        <p>{t.uploadRefusedBack}</p>
        <p>
          <a href={localHref(ctx, props.back)}>{t.back}</a>
        </p>
      </div>
    </Layout>
  );
}
