import { parseText } from './src/importer/parse-document.js';
const docs = [
 ['姉妹都市ゲント市との交流', '', '年\t区分\t交流内容', '2017年\t派遣\t市長が訪問', 'ニ〇一九年\t受入\t州立大学の学生が来訪', '2018年\t派遣\t市民交流団が訪問'].join('\n'),
 ['姉妹都市ゲント市との交流', '', '年\t区分\t交流内容', '2017年\t派遣\t市長が訪問', 'ニ〇一九\t受入\t州立大学の学生が来訪', '令和9年\t派遣\t市民交流団が訪問'].join('\n'),
 ['姉妹都市ゲント市との交流', '', 'ニ〇一九年', '・市長が訪問', '2020年', '・市民交流団が訪問'].join('\n'),
 ['姉妹都市ゲント市との交流', '', '2017年', '・市長が訪問', '年 受入 州立大学の学生が来訪'].join('\n'),
];
for (const t of docs) { const r = parseText(t, { home: '金沢市' }); console.log(JSON.stringify(r.partnerships.map(p => p.events.map(e => [e.year, e.text]))), JSON.stringify(r.diagnostics.map(d => [d.line, d.code, d.message, d.params]))); }
