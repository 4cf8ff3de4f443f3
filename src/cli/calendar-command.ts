// `gongbao calendar …`: the working-day calendar read from holiday notices.
//   import FILE  read a 放假安排 notice (any input the parser reads) into the library
//   show YEAR    the year's 放假 and 上班 days, whether it is confirmed, and the notices
import type { Command } from 'commander';
import { GongbaoError } from '../errors.js';
import { defaultDbPath } from '../store/db.js';
import { openLibrary } from '../store/library.js';
import { importNoticeFile } from '../store/calendar-import.js';
import { readInputFile } from '../text/read-file.js';
import { loadHolidayData } from '../supervise/calendar.js';
import { calendarYear } from '../supervise/calendar-view.js';
import { Supervision } from '../supervise/service.js';
import { clockOf } from './clock.js';

interface Common {
  db?: string;
  json?: boolean;
  now?: string;
}

export function registerCalendar(program: Command): void {
  const calendar = program.command('calendar').description('工作日日历：从国务院和本地的节假日安排通知读取放假日和调休上班日');

  calendar.command('import').description('导入节假日安排通知（单件公文或含通知的一期公报），并重算未办结任务按日历计算的期限')
    .argument('<file>', '通知文件（文本、PDF、DOCX 或网页）')
    .option('--db <path>', '文库数据库路径')
    .option('--now <iso>', '当前时间（测试与补录用）')
    .option('--json', '输出 JSON')
    .action(async (file: string, o: Common) => {
      const now = clockOf(o.now);
      const db = openLibrary(defaultDbPath(o.db));
      const imported = await importNoticeFile(db, readInputFile(file), file, now().toISOString());
      const sv = new Supervision({ db, now });
      const changed = imported.some((n) => n.result.added) ? sv.recalculate(`导入节假日安排：${imported.map((n) => n.source.title).join('；')}`) : [];
      const out = {
        notices: imported.map((n) => ({
          docNumber: n.source.docNumber, title: n.source.title, year: n.reading.year, confirms: n.reading.confirms, added: n.result.added,
          days: n.reading.days.map((d) => ({ date: d.date, kind: d.kind, name: d.name, line: d.line })),
        })),
        recalculated: changed.map((t) => ({ id: t.id, acceptDue: t.acceptDue, reportDue: t.reportDue, due: t.due, calendarConfirmed: t.calendarConfirmed })),
      };
      if (o.json) return void process.stdout.write(`${JSON.stringify(out, null, 1)}\n`);
      for (const n of imported) {
        process.stdout.write(`${n.result.added ? '已导入' : '已导入过，未改变'}  ${n.source.title}${n.source.docNumber ? `（${n.source.docNumber}）` : ''}：放假 ${n.result.holidays} 天，上班 ${n.result.workdays} 天${n.reading.confirms.length ? `，确认 ${n.reading.confirms.join('、')} 年日历` : ''}\n`);
      }
      process.stdout.write(changed.length ? `已按新日历重算 ${changed.length} 项未办结任务的期限\n` : '');
    });

  calendar.command('show').description('查看某年的放假日、调休上班日和依据的通知')
    .argument('<year>', '年份，如 2027')
    .option('--db <path>', '文库数据库路径')
    .option('--json', '输出 JSON')
    .action((yearText: string, o: Common) => {
      if (!/^\d{4}$/.test(yearText.trim())) throw new GongbaoError('bad-argument', `年份应为四位数字：${yearText.slice(0, 20)}`);
      const db = openLibrary(defaultDbPath(o.db));
      const sv = new Supervision({ db });
      const y = calendarYear(db, sv.calendar, Number(yearText), loadHolidayData().years);
      if (o.json) return void process.stdout.write(`${JSON.stringify(y, null, 1)}\n`);
      process.stdout.write([
        `${y.year} 年日历${y.confirmed ? '（已确认）' : '（未确认：没有导入当年的节假日安排通知，暂按周末计算）'}`,
        `放假（${y.holidays.length} 天）：${y.holidays.join(' ') || '无'}`,
        `调休上班（${y.workdays.length} 天）：${y.workdays.join(' ') || '无'}`,
        `依据：${y.sources.map((s) => `${s.title}${s.docNumber ? `（${s.docNumber}）` : ''}`).join('；') || '无'}`,
      ].join('\n') + '\n');
    });
}
