import type { ComponentChildren } from 'preact';

const STYLE = `
body{font-family:"Noto Sans CJK JP","Hiragino Sans","Yu Gothic",sans-serif;margin:0 auto;max-width:60rem;padding:1rem;line-height:1.7;color:#1a1a1a}
a{color:#0b4f9c}a:focus-visible{outline:3px solid #b35900;outline-offset:2px}
table{border-collapse:collapse;width:100%}th,td{border:1px solid #999;padding:.3rem .5rem;text-align:left;vertical-align:top}
th{background:#eef2f7}.era{color:#444;font-size:.9em}ul.events{margin:0;padding-left:1.2rem}
`;

export function Layout(props: { title: string; children: ComponentChildren }) {
  return (
    <html lang="ja">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{props.title}</title>
        {/* constant CSS written here, never data: safe to insert unescaped */}
        <style dangerouslySetInnerHTML={{ __html: STYLE }} />
      </head>
      <body>
        <header>
          <a href="/">交流の記録 Koryu</a>
        </header>
        <main>{props.children}</main>
      </body>
    </html>
  );
}
