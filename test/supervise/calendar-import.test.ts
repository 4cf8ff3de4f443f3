// The working-day calendar read from holiday notices: the real 2019 State
// Council notice, a hand-written prefecture notice with local festivals and a
// range across years, an extension of a break; then through the CLI
// (`calendar import`, `calendar show`, ingest, recalculation of open tasks).
// The CLI tests run the compiled `dist/` (`npm test` builds first).
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBin } from '../cli/bin.js';
import { noticesInFile } from '../../src/store/calendar-import.js';
import { readHolidayNotice } from '../../src/extract/holidays.js';

const root = join(import.meta.dirname, '../..');
const GOVCN_2019 = join(root, '../shared/corpora/govcn/govcn-38.txt');
const LOCAL = join(root, 'test/fixtures/calendar/local-festivals.txt');
const EXTENDED = join(root, 'test/fixtures/calendar/extended-break.txt');

const range = (from: string, to: string) => {
  const out: string[] = [];
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += 86_400_000) out.push(new Date(t).toISOString().slice(0, 10));
  return out;
};
const read = (file: string) => noticesInFile(readFileSync(file), file);

/** Every 放假 and 上班 day of 国办发明电〔2018〕15号, read by hand from the notice. */
const HOLIDAYS_2019 = [
  ...range('2018-12-30', '2019-01-01'), ...range('2019-02-04', '2019-02-10'), '2019-04-05', '2019-05-01', '2019-06-07', '2019-09-13', ...range('2019-10-01', '2019-10-07'),
];
const WORKDAYS_2019 = ['2018-12-29', '2019-02-02', '2019-02-03', '2019-09-29', '2019-10-12'];

describe('reading a holiday notice', () => {
  it('reads every 放假 and 上班 day of the real 2019 notice, with its line', () => {
    const [n] = read(GOVCN_2019);
    expect(n!.source).toMatchObject({ docNumber: '国办发明电〔2018〕15号', title: '国务院办公厅关于2019年部分节假日安排的通知' });
    expect(n!.reading.confirms).toEqual([2019]);
    expect(n!.reading.days.filter((d) => d.kind === 'holiday').map((d) => d.date)).toEqual(HOLIDAYS_2019);
    expect(n!.reading.days.filter((d) => d.kind === 'workday').map((d) => d.date)).toEqual(WORKDAYS_2019);
    const lines = readFileSync(GOVCN_2019, 'utf8').split('\n');
    for (const d of n!.reading.days) {
      const [, m, day] = /^\d{4}-(\d{2})-(\d{2})$/.exec(d.date)!;
      // The line that states the day names its month (a range's end may give the day alone).
      expect(lines[d.line - 1], d.date).toMatch(new RegExp(`${Number(m)}月`));
      expect(Number(day)).toBeGreaterThan(0);
    }
    expect(n!.reading.days.find((d) => d.date === '2019-10-01')).toMatchObject({ name: '国庆节', line: 23 });
  });

  it('reads a local notice: festivals of its own, noise, a range across years; it confirms no year', () => {
    const [n] = read(LOCAL);
    expect(n!.reading.confirms).toEqual([]);
    const holidays = n!.reading.days.filter((d) => d.kind === 'holiday');
    expect(holidays.map((d) => d.date)).toEqual([...range('2027-07-29', '2027-08-01'), ...range('2027-12-30', '2028-01-02')]);
    expect(holidays.map((d) => d.name)).toEqual([...Array(4).fill('火把节'), ...Array(4).fill('彝历新年')]);
    expect(n!.reading.days.filter((d) => d.kind === 'workday').map((d) => d.date)).toEqual(['2027-08-07', '2028-01-08']);
  });

  it('classes each date by the keyword of its clause, and reads Chinese-numeral dates only with their 日', () => {
    const block = (text: string) => [{ kind: 'paragraph' as const, text, lines: [1, 1] as [number, number] }];
    const days = (text: string) => readHolidayNotice('关于2030年放假的通知', block(text)).days.map((d) => `${d.date}:${d.kind}`);
    expect(days('1月1日放假，1月5日（星期六）上班。')).toEqual(['2030-01-01:holiday', '2030-01-05:workday']);
    expect(days('2月2日（周六）调休上班。')).toEqual(['2030-02-02:workday']);
    expect(days('原定2月2日（周六）上班取消。')).toEqual(['2030-02-02:holiday']);
    expect(days('十月一日至三日放假。')).toEqual(['2030-10-01:holiday', '2030-10-02:holiday', '2030-10-03:holiday']);
    expect(days('壮族三月三放假2天（4月5日至6日）。')).toEqual(['2030-04-05:holiday', '2030-04-06:holiday']);
    expect(days('本通知自2030年1月1日起施行。')).toEqual([]);
    expect(days('12月31日至1月2日放假调休。')).toEqual(['2030-12-31:holiday', '2031-01-01:holiday', '2031-01-02:holiday']);
    // Encouraged, not arranged (the 2024 national notice's 除夕).
    expect(days('2月4日（星期日）上班。鼓励各单位结合带薪年休假等制度落实，安排职工在除夕（2月9日）休息。')).toEqual(['2030-02-04:workday']);
  });

  it('reads an arrangement printed as a table: each column’s header says what its dates are', () => {
    const table = ['节日\t放假时间\t调休上班日期\t放假天数', '元旦\t1月1日\t\t1天', '春节\t2月2日至4日\t1月26日（星期六）、2月9日（星期六）\t3天'].join('\n');
    const r = readHolidayNotice('国务院办公厅关于2030年部分节假日安排的通知', [{ kind: 'table', text: table, lines: [5, 7] }]);
    expect(r.days.map((d) => `${d.date}:${d.kind}:${d.name}`)).toEqual([
      '2030-01-01:holiday:元旦', '2030-01-26:workday:春节', '2030-02-02:holiday:春节', '2030-02-03:holiday:春节', '2030-02-04:holiday:春节', '2030-02-09:workday:春节',
    ]);
    expect(r.confirms).toEqual([2030]);
  });

  it('reads a text the parser cannot split: a title wrapped over two lines, the year from the signing date', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'gongbao-cal-')), 'notice.txt');
    writeFileSync(file, '某州人民政府办公室关于\n火把节放假的通知\n\n火把节放假时间为7月29日至31日，共3天。\n\n2031年6月1日\n');
    const [n] = read(file);
    expect(n!.source).toMatchObject({ title: '某州人民政府办公室关于火把节放假的通知', date: '2031-06-01' });
    expect(n!.reading.days.map((d) => [d.date, d.line])).toEqual([['2031-07-29', 4], ['2031-07-30', 4], ['2031-07-31', 4]]);
  });

  it('names the festival from the paragraph, else from the title', () => {
    const block = (text: string) => [{ kind: 'paragraph' as const, text, lines: [1, 1] as [number, number] }];
    const one = (title: string, text: string) => readHolidayNotice(title, block(text)).days.map((d) => d.name);
    expect(one('新疆维吾尔自治区人民政府办公厅关于2024年古尔邦节放假的通知', '6月16日至6月17日放假调休，共2天。')).toEqual(['古尔邦节', '古尔邦节']);
    expect(one('某州人民政府关于2023年放假安排的通知', '2023年彝族年放假时间为11月20日至21日，共2天。')).toEqual(['彝族年', '彝族年']);
  });
});

/** The compiled CLI in another host time zone (dist/; `npm test` builds first, and a stale dist/ is rebuilt before the run). */
async function cli(db: string, now: string, ...args: string[]) {
  const r = await runBin([...args, '--db', db, ...(now ? ['--now', now] : [])], { env: { ...process.env, TZ: 'America/New_York' } });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr, json: () => JSON.parse(r.stdout) };
}

describe('the calendar through the CLI (dist/)', () => {
  it('imports notices, shows the year, fills an extended break, and recomputes open tasks', { timeout: 120_000 }, async () => {
    const db = join(mkdtempSync(join(tmpdir(), 'gongbao-cal-')), 'lib.db');
    // Before the 2019 notice: weekends only, unconfirmed.
    const t = (await cli(db, '2019-09-27T09:00:00+08:00', 'task', 'create', '--title', '节前部署', '--lead', '县水利局', '--json')).json();
    expect(t).toMatchObject({ acceptDue: '2019-09-30', reportDue: '2019-10-02', due: '2019-10-08', calendarConfirmed: false });
    expect((await cli(db, '', 'calendar', 'show', '2019', '--json')).json()).toEqual({ year: 2019, confirmed: false, holidays: [], workdays: [], sources: [] });

    const imported = (await cli(db, '2019-09-27T10:00:00+08:00', 'calendar', 'import', GOVCN_2019, '--json'));
    expect(imported.status).toBe(0);
    expect(imported.json().notices[0]).toMatchObject({ docNumber: '国办发明电〔2018〕15号', confirms: [2019], added: true });
    expect(imported.json().recalculated).toEqual([{ id: t.id, acceptDue: '2019-09-29', reportDue: '2019-10-08', due: '2019-10-12', calendarConfirmed: true }]);
    const shown = (await cli(db, '', 'calendar', 'show', '2019', '--json')).json();
    expect(shown).toMatchObject({ year: 2019, confirmed: true, workdays: WORKDAYS_2019.slice(1), sources: [{ docNumber: '国办发明电〔2018〕15号', title: '国务院办公厅关于2019年部分节假日安排的通知' }] });
    expect(shown.holidays).toEqual(HOLIDAYS_2019.slice(2));
    const history = (await cli(db, '2019-09-27T11:00:00+08:00', 'task', 'show', String(t.id), '--json')).json().history;
    expect(history.at(-1)).toMatchObject({ action: 'recalculate', refs: { before: { acceptDue: '2019-09-30', due: '2019-10-08', calendarConfirmed: false }, after: { acceptDue: '2019-09-29', due: '2019-10-12', calendarConfirmed: true } } });

    // The same notice again changes nothing.
    const again = (await cli(db, '2019-09-27T12:00:00+08:00', 'calendar', 'import', GOVCN_2019, '--json')).json();
    expect(again).toMatchObject({ notices: [{ added: false }], recalculated: [] });

    // A later notice extends the Spring Festival break: the days in between become holidays.
    expect((await cli(db, '2019-09-27T12:00:00+08:00', 'calendar', 'import', EXTENDED)).status).toBe(0);
    const feb = (await cli(db, '', 'calendar', 'show', '2019', '--json')).json();
    expect(feb.holidays).toEqual(expect.arrayContaining(['2019-02-11', '2019-02-12']));
    expect(feb.workdays).toEqual(expect.arrayContaining(['2019-02-16']));
    expect(feb.sources).toHaveLength(2);

    // A local notice adds its festivals to a year no national notice covers: still unconfirmed.
    expect((await cli(db, '2027-06-21T09:00:00+08:00', 'calendar', 'import', LOCAL)).status).toBe(0);
    const y2027 = (await cli(db, '', 'calendar', 'show', '2027', '--json')).json();
    expect(y2027).toMatchObject({ confirmed: false, workdays: ['2027-08-07'], sources: [{ docNumber: '某府办发电〔2027〕9号' }] });
    expect(y2027.holidays).toEqual([...range('2027-07-29', '2027-08-01'), '2027-12-30', '2027-12-31']);
    expect((await cli(db, '', 'calendar', 'show', '2026', '--json')).json()).toMatchObject({ confirmed: true, sources: [{ docNumber: null }] });
  });

  it('creates tasks in 2027 on an unconfirmed calendar, whatever the host time zone', { timeout: 60_000 }, async () => {
    const db = join(mkdtempSync(join(tmpdir(), 'gongbao-cal-')), 'lib.db');
    const r = (await cli(db, '2027-01-05T09:00:00+08:00', 'task', 'create', '--title', '新年工作', '--lead', '县水利局', '--json'));
    expect(r.status).toBe(0);
    expect(r.json()).toMatchObject({ calendarConfirmed: false, acceptDue: '2027-01-06', due: '2027-01-14' });
    // A time without a zone is China time: 00:30 on 01-05 is still 01-05 in Beijing.
    expect((await cli(db, '2027-01-05T00:30:00', 'task', 'create', '--title', '零点', '--lead', '县水利局', '--json')).json().registeredAt).toBe('2027-01-04T16:30:00.000Z');
  });

  it('ingesting an issue that contains a holiday notice imports it (unless --no-calendar); a file with no dates changes nothing', { timeout: 60_000 }, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gongbao-cal-'));
    const db = join(dir, 'lib.db');
    const off = (await cli(db, '', 'ingest', GOVCN_2019, '--no-calendar'));
    expect(off.stdout).toMatch(/节假日安排.*未导入/);
    expect((await cli(db, '', 'calendar', 'show', '2019', '--json')).json().confirmed).toBe(false);
    const db2 = join(dir, 'lib2.db');
    const on = (await cli(db2, '', 'ingest', GOVCN_2019));
    expect(on.stdout).toMatch(/节假日安排  国务院办公厅关于2019年部分节假日安排的通知：放假 \d+ 天，上班 5 天，已导入工作日日历/);
    expect((await cli(db2, '', 'calendar', 'show', '2019', '--json')).json().confirmed).toBe(true);
    const junk = join(dir, 'junk.txt');
    writeFileSync(junk, '关于做好春节期间安全生产工作的通知\n\n各单位要做好值班。\n');
    const bad = (await cli(db2, '', 'calendar', 'import', junk));
    expect(bad.status).toBe(1);
    expect(bad.stderr.trim().split('\n')).toHaveLength(1);
    expect(bad.stderr).toMatch(/junk\.txt: 文件中没有读到放假或上班的日期/);
  });
});
