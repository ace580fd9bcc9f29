// What the record knows, asserted on the seed (samples/kanazawa-dalian.txt) as the importer reads it.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { parseDocument } from '../importer/parse-document.js';
import { analyzeRecord } from './knowledge.js';
import { findOrganization } from './organization.js';
import { proposePhotoLinks } from './photo-link.js';

const seed = parseDocument(readFileSync(new URL('../../samples/kanazawa-dalian.txt', import.meta.url)), {
  home: '金沢市',
  maxBytes: 10 * 1024 * 1024,
}).partnerships[0]!;

/** The event of the seed with this year and text. */
function eventIndex(year: number, text: string): number {
  const i = seed.events.findIndex((e) => e.year === year && e.text === text);
  assert.ok(i >= 0, `the seed has the ${year} event ${text}`);
  return i;
}

describe('agreements of the seed', () => {
  const { agreements } = analyzeRecord([seed]);
  const found = agreements[0]!;

  it('finds every agreement signed or concluded, each with its year and title as written', () => {
    assert.deepEqual(
      found.map((a) => [a.year, a.title]),
      [
        [2006, '友好交流と協力に関する合意書'],
        [2006, '友好交流都市協定'],
        [2007, '外国語教育研修についての合意書'],
        [2010, '防災に関する友好交流覚書'],
        [2010, '教育友好交流合意書'],
        [2012, '学術交流協定'],
        [2014, '友好交流協定'],
        [2014, '教育友好交流に関する合意書'],
        [2016, '友好交流の更なる発展に関する合意書'],
        [2016, 'スポーツ交流の推進に関する合意書'],
      ],
    );
    assert.ok(found.length >= 9);
  });

  it('names the parties: the organisations in the event, or the two cities', () => {
    const parties = (title: string) => found.find((a) => a.title === title)?.parties;
    assert.deepEqual(parties('学術交流協定'), ['大連工業大学', '国立石川高専']);
    assert.deepEqual(parties('友好交流協定'), ['県立大学', '大連工業大学']);
    assert.deepEqual(parties('防災に関する友好交流覚書'), ['地震局', '市民局']);
    assert.deepEqual(parties('スポーツ交流の推進に関する合意書'), ['金沢市', '大連市']);
    // The party before the title with と, though no editor has confirmed it as an organisation.
    assert.deepEqual(parties('教育友好交流合意書'), ['大連教育学院', '教育プラザ富樫']);
    assert.deepEqual(parties('教育友好交流に関する合意書'), ['大連市技師学院', '市立工']);
  });

  it('points each agreement at the event that signs it', () => {
    for (const a of found) assert.ok(seed.events[a.event]!.text.includes(a.title), `${a.title} is in its event`);
  });
});

describe('organisations of the seed', () => {
  const { organizations } = analyzeRecord([seed]);

  it('knows 大連工業大学 with its aliases 大連工業大 and the typo 大連工大学, linked to its 2010, 2012, 2013, 2014 and 2017 events', () => {
    const dut = findOrganization(organizations, '大連工大学');
    assert.equal(dut?.name, '大連工業大学');
    assert.deepEqual(dut.aliases, ['大連工大学', '大連工業大']);
    assert.deepEqual(
      dut.mentions.map((m) => m.event),
      [
        eventIndex(2010, '金沢美大訪問団が大連工大学を表敬訪問'),
        eventIndex(2012, '大連工業大訪問団が来訪、大連工業大学と国立石川高専が学術交流協定調印'),
        eventIndex(2013, '野口教育長が大連工業大図書贈呈式に参加'),
        eventIndex(2014, '県立大学学長が訪問、大連工業大と友好交流協定締結'),
        eventIndex(2017, '大連東軟信息学院・大連工業大学日本語教師研修団'),
      ],
    );
    assert.deepEqual(dut.mentions.map((m) => m.year), [2010, 2012, 2013, 2014, 2017]);
  });

  it('keeps 大連大学 apart from 大連工大学 and from 大連大学生', () => {
    const du = findOrganization(organizations, '大連大学');
    assert.deepEqual(du?.aliases, []);
    assert.deepEqual(du.mentions.map((m) => m.year), [2008, 2009, 2011, 2017]);
  });

  it('finds the other organisations named in the issue, and no convention (大会) as one', () => {
    for (const name of ['国立石川高専', '市教育委員会', '中国国際貿易促進委員会大連市分会', '大連市教育局']) {
      assert.ok(findOrganization(organizations, name), name);
    }
    assert.ok(!organizations.some((o) => o.name.endsWith('大会')));
  });

  it('finds office holders with their names', () => {
    const offices = organizations.filter((o) => o.kind === 'office').map((o) => o.name).sort();
    assert.deepEqual(offices, ['山出市長', '山野市長', '新保副市長', '森副市長', '夏市長', '野口教育長'].sort());
  });

  it('applies the editors: a confirmed name, an alias added and a rejected suggestion', () => {
    const { organizations: edited, agreements } = analyzeRecord([seed], {
      confirmed: [{ name: '市立工業高校', kind: 'organization' }],
      aliases: [{ alias: '市立工', name: '市立工業高校' }],
      rejected: ['県立大学'],
    });
    const school = findOrganization(edited, '市立工');
    assert.equal(school?.name, '市立工業高校');
    assert.equal(school.status, 'confirmed');
    assert.ok(school.mentions.some((m) => m.text.includes('市立工と「教育友好交流に関する合意書」')));
    assert.equal(findOrganization(edited, '県立大学'), undefined);
    assert.deepEqual(agreements[0]!.find((a) => a.title === '教育友好交流に関する合意書')?.parties, ['大連市技師学院', '市立工業高校']);
  });
});

describe('photo records of the seed', () => {
  it('links every caption to the event it shows where the timeline has one', () => {
    // Read from the sample by hand: caption → the event of the same year it shows (null: the timeline has none).
    const expected: [number, string, [number, string] | null][] = [
      [2006, '金沢市・大連市友好交流合意書調印式', [2006, '夏市長が来訪し友好交流と協力に関する合意書に署名【友好交流都市協定を締結】']],
      [2013, '大連工業大学図書贈呈式', [2013, '野口教育長が大連工業大図書贈呈式に参加']],
      [2016, '山野市長が訪問', [2016, '山野市長が訪問、「友好交流の更なる発展に関する合意書」、「スポーツ交流の推進に関する合意書」に調印']],
      [2017, '大連国際マラソン大会に選手を派遣', [2017, '大連国際マラソン大会に選手団を派遣']],
      [2017, '中国国際貿易促進委員会大連市分会が訪問', [2017, '中国国際貿易促進委員会大連市分会が訪問']],
      [2017, '対外友好協会代表団が来訪', [2017, '大連市人民対外友好協会代表団が来訪']],
      [2017, '人民代表大会常務委員会が来訪', null],
      [2018, '大連国際マラソン大会への選手派遣', [2018, '大連国際マラソン大会に選手団を派遣']],
      [2019, '大連市外事弁公室主任 市長表敬訪問', [2019, '大連市外事弁公室主任一行が来訪']],
      // The runners' homecoming report belongs to the 2019 dispatch of runners.
      [2019, '大連マラソン派遣選手の帰国報告会', [2019, '大連国際マラソン大会に選手団を派遣']],
      [2020, '中国での感染拡大を受け医療物資を送付', [2020, '新型コロナウイルスへの支援として相互にマスクを送付']],
      [2020, '日本での感染拡大を受け大連市から医療物資の返戻', [2020, '新型コロナウイルスへの支援として相互にマスクを送付']],
      [2022, '金沢市教育委員会と大連市教育局がオンライン交流会を実施', [2022, '市教育委員会と大連市教育局がオンライン交流会を実施']],
      [2023, '中国国際貿易促進委員会大連市分会代表団が来訪', [2023, '中国国際貿易促進委員会大連市分会代表団が来訪']],
    ];
    assert.equal(seed.records.length, expected.length);
    const links = proposePhotoLinks(seed);
    for (const [i, [year, caption, shows]] of expected.entries()) {
      const record = seed.records[i]!;
      assert.deepEqual([record.year, record.caption], [year, caption]);
      const link = links[i]!;
      assert.equal(link.event, shows === null ? null : eventIndex(...shows), `${year} ${caption}`);
      if (shows) assert.ok(link.confidence >= 0.3 && link.confidence <= 1, `${caption}: confidence ${link.confidence}`);
    }
  });

  it('is surest where the caption is how the event begins (2016 山野市長が訪問)', () => {
    const links = proposePhotoLinks(seed);
    const i = seed.records.findIndex((r) => r.caption === '山野市長が訪問');
    assert.equal(links[i]!.confidence, 1);
    const j = seed.records.findIndex((r) => r.caption === '人民代表大会常務委員会が来訪');
    assert.ok(links[j]!.confidence < 0.3);
  });
});
