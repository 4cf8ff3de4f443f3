// `gongbao task …`: the supervision workflow for operations and scripting.
// Every subcommand takes --db PATH, --now ISO (the injectable clock) and --json.
import type { Command } from 'commander';
import { GongbaoError } from '../errors.js';
import { defaultDbPath } from '../store/db.js';
import { ingestPaths, openLibrary } from '../store/library.js';
import { bundledSamplesDir } from '../paths.js';
import { Supervision } from '../supervise/service.js';
import { sweepAll } from '../share/sweep.js';
import { ShareContext } from '../share/context.js';
import { evaluate, explainGrade, parsePeriod } from '../supervise/evaluate.js';
import { clockOf } from './clock.js';
import { propose, registerProposalsReport } from '../supervise/propose.js';
import { STATUSES, STATUS_LABEL, type Action, type Task, type TaskStatus } from '../supervise/model.js';

interface Common {
  db?: string;
  now?: string;
  json?: boolean;
}

function open(opts: Common): Supervision {
  return new Supervision({ db: openLibrary(defaultDbPath(opts.db)), now: clockOf(opts.now) });
}

const taskId = (id: string) => {
  if (!/^\d+$/.test(id)) throw new GongbaoError('bad-argument', `任务编号应为数字：${id}`);
  return Number(id);
};

function print(opts: Common, value: unknown, text: () => string): void {
  process.stdout.write(opts.json ? `${JSON.stringify(value, null, 1)}\n` : `${text()}\n`);
}

const line = (t: Task) =>
  `#${t.id} [${STATUS_LABEL[t.status]}] ${t.title.slice(0, 40)}  牵头：${t.leadUnit}  承办时限：${t.acceptDue}  办结期限：${t.due}${t.calendarConfirmed ? '' : '（节假日安排未确认，按周末计算）'}${
    t.recommendation ? `  督查室初审：建议${t.recommendation.decision === 'approve' ? '同意' : '不同意'}，待${t.major ? '主要领导' : '分管领导'}审定` : ''}`;

const list = (v: string, acc: string[]) => [...acc, v];
/** `--due 2=2022-12-31` → { 2: '2022-12-31' }. */
const rowValues = (values: string[], what: string): Record<number, string> => {
  const out: Record<number, string> = {};
  for (const v of values) {
    const m = /^(\d+)\s*[=:：]\s*(.+)$/.exec(v.trim());
    if (!m) throw new GongbaoError('bad-argument', `${what}应写成 序号=值，如 2=2022-12-31：${v.slice(0, 40)}`);
    out[Number(m[1])] = m[2]!.trim();
  }
  return out;
};

const common = (cmd: Command) => cmd.option('--db <path>', '文库数据库路径').option('--now <iso>', '当前时间（测试与补录用）').option('--json', '输出 JSON');

export function registerTask(program: Command): void {
  const task = program.command('task').description('督办任务（“13710”抓落实流程）');

  common(task.command('create').description('立项'))
    .requiredOption('--title <text>', '工作内容')
    .requiredOption('--lead <unit>', '牵头单位')
    .option('--assist <unit>', '协办/配合单位（可多次）', (v: string, acc: string[]) => [...acc, v], [] as string[])
    .option('--due <date>', '办结期限 YYYY-MM-DD（默认按 13710 规则）')
    .option('--source <文号>', '来源文件的发文字号')
    .option('--kind <kind>', '任务来源类别')
    .option('--major', '重点事项（须经主要领导批准立项，延期、办结由主要领导审定）')
    .option('--approved-by <leader>', '批准重点事项立项的主要领导（督查室代为记录），如 主要领导')
    .option('--requirements <text>', '办理要求')
    .option('--criteria <text>', '完成标准')
    .option('--lead-leader <name>', '牵头领导')
    .option('--responsible-leader <name>', '责任领导')
    .option('--as <unit>', '立项单位（默认县政府办公室）')
    .action((o: Common & Record<string, string | string[] | boolean | undefined>) => {
      const sv = open(o);
      const t = sv.create({
        title: String(o.title), lead: String(o.lead), assist: o.assist as string[],
        ...(o.due ? { due: String(o.due) } : {}), ...(o.source ? { source: String(o.source) } : {}),
        ...(o.kind ? { sourceKind: o.kind as never } : {}), major: Boolean(o.major), ...(o.approvedBy ? { approvedBy: String(o.approvedBy) } : {}),
        ...(o.requirements ? { requirements: String(o.requirements) } : {}), ...(o.criteria ? { criteria: String(o.criteria) } : {}),
        ...(o.leadLeader ? { leadLeader: String(o.leadLeader) } : {}), ...(o.responsibleLeader ? { responsibleLeader: String(o.responsibleLeader) } : {}),
      }, o.as ? sv.actor(String(o.as)) : undefined);
      print(o, t, () => `已立项 ${line(t)}`);
    });

  const action = (name: string, description: string, act: (o: Record<string, unknown>) => Action, extra?: (c: Command) => Command) => {
    let cmd = common(task.command(name).description(description)).argument('<id>', '任务编号').requiredOption('--as <unit>', '操作单位');
    if (extra) cmd = extra(cmd);
    cmd.action((id: string, o: Common & Record<string, unknown>) => {
      const sv = open(o);
      const t = sv.act(taskId(id), act(o) as Exclude<Action, 'register'>, sv.actor(String(o.as)), {
        ...(o.text ? { comment: String(o.text) } : {}), ...(o.comment ? { comment: String(o.comment) } : {}),
        ...(o.to ? { to: String(o.to) } : {}), ...(o.reason ? { reason: String(o.reason) } : {}), ...(o.grade ? { grade: String(o.grade) } : {}),
        ...(o.leader ? { leader: String(o.leader) } : {}),
      });
      print(o, t, () => line(t));
    });
  };
  const decision = (c: Command) => c.option('--approve', '同意').option('--reject', '不同意').option('--comment <text>', '意见')
    .option('--leader <leader>', '督查室代为记录领导的审定决定：分管领导 或 主要领导（不写则督查室的意见为初审建议）');
  const pick = (o: Record<string, unknown>, yes: Action, no: Action): Action => {
    if (Boolean(o.approve) === Boolean(o.reject)) throw new GongbaoError('bad-argument', '请在 --approve 与 --reject 中选择一个');
    return o.approve ? yes : no;
  };
  action('accept', '承办（牵头单位在一个工作日内反馈安排部署）', () => 'accept', (c) => c.option('--text <text>', '安排部署情况'));
  action('report', '反馈办理情况', () => 'report', (c) => c.requiredOption('--text <text>', '落实情况、困难问题、下一步打算'));
  action('extend', '申请延期', () => 'request-extension', (c) => c.requiredOption('--to <date>', '申请延至 YYYY-MM-DD').requiredOption('--reason <text>', '延期理由'));
  action('decide-extension', '审批延期申请：督查室初审报批，分管领导（重点事项为主要领导）审定', (o) => pick(o, 'approve-extension', 'reject-extension'), decision);
  action('complete', '申请办结', () => 'request-completion', (c) => c.requiredOption('--text <text>', '办结情况'));
  action('decide-completion', '审定办结：督查室初审并提出办结建议，分管领导（重点事项为主要领导）审定；不同意则继续督办', (o) => pick(o, 'approve-completion', 'reject-completion'), decision);
  action('supervise', '督办', () => 'supervise', (c) => c.option('--comment <text>', '督办意见'));
  action('summon', '约谈牵头单位', () => 'summon', (c) => c.option('--comment <text>', '约谈事由'));
  action('cancel', '撤销任务', () => 'cancel', (c) => c.option('--comment <text>', '撤销理由'));
  action('grade', '领导调整评定等次', () => 'grade', (c) => c.requiredOption('--grade <grade>', '落实好/落实较好/基本落实/落实不力/落实较差').requiredOption('--reason <text>', '理由'));

  common(task.command('edit').description('立项后修改任务（工作内容、办结期限、单位、重点事项），记入办理记录').argument('<id>', '任务编号'))
    .requiredOption('--as <unit>', '操作单位（督查室）')
    .option('--title <text>', '工作内容').option('--due <date>', '办结期限 YYYY-MM-DD').option('--lead <unit>', '牵头单位')
    .option('--assist <unit>', '协办/配合单位（可多次；写了即替换原有的）', list, [] as string[])
    .option('--major', '设为重点事项').option('--not-major', '取消重点事项').option('--approved-by <leader>', '批准重点事项的主要领导')
    .option('--comment <text>', '修改理由')
    .action((id: string, o: Common & Record<string, string | string[] | boolean | undefined>) => {
      const sv = open(o);
      if (o.major && o.notMajor) throw new GongbaoError('bad-argument', '--major 与 --not-major 只能选一个');
      const assist = o.assist as string[];
      const t = sv.edit(taskId(id), {
        ...(o.title ? { title: String(o.title) } : {}), ...(o.due ? { due: String(o.due) } : {}), ...(o.lead ? { lead: String(o.lead) } : {}),
        ...(assist.length ? { assist } : {}), ...(o.major ? { major: true } : o.notMajor ? { major: false } : {}),
        ...(o.approvedBy ? { approvedBy: String(o.approvedBy) } : {}), ...(o.comment ? { comment: String(o.comment) } : {}),
      }, sv.actor(String(o.as)));
      print(o, t, () => `已修改 ${line(t)}`);
    });

  common(task.command('tick').description('按当前时间扫描：提醒、预警、督办通知书、升级督办、红牌')).action((o: Common) => {
    const { raised, sharing } = sweepAll(new ShareContext(open(o)));
    const lines = [...raised.map((r) => `#${r.taskId} ${r.unit} ${r.kind} ${r.message}`), ...sharing.map((r) => `${r.subject} ${r.unit} ${r.kind} ${r.message}`)];
    print(o, { raised, sharing }, () => (lines.length ? lines.join('\n') : '没有新的提醒或预警'));
  });

  common(task.command('show').description('查看任务、预警与办理记录').argument('<id>', '任务编号')).action((id: string, o: Common) => {
    const sv = open(o);
    const shown = sv.show(taskId(id));
    const t = { ...shown, grading: explainGrade(shown, shown.warnings, sv.today()) };
    print(o, t, () => [line(t), ...t.warnings.map((w) => `  预警 ${w.kind}：${String(w.message ?? '')}`), ...t.history.map((h) => `  ${h.at} ${h.actor.unit}${h.actor.recordedBy ? `（${h.actor.recordedBy}记录）` : ''} ${h.action}${h.comment ? `：${h.comment}` : ''}`),
      `  评定：${t.grading.grade ?? '未评定'}（${t.grading.reasons.join('；')}）`].join('\n'));
  });

  common(task.command('list').description('任务列表').option('--unit <unit>', '单位').option('--status <status>', STATUSES.join('/'))).action((o: Common & { unit?: string; status?: string }) => {
    if (o.status && !STATUSES.includes(o.status as TaskStatus)) throw new GongbaoError('bad-argument', `状态应为：${STATUSES.join('、')}`);
    const list = open(o).list({ ...(o.unit ? { unit: o.unit } : {}), ...(o.status ? { status: o.status as TaskStatus } : {}) });
    print(o, list, () => (list.length ? list.map(line).join('\n') : '没有任务'));
  });

  common(task.command('propose').description('从文件的责任分工生成任务建议（期限取条文自己的时限），可逐项修改后批量立项')
    .requiredOption('--from <文号>', '发文字号').option('--register', '批量立项尚未立项的建议').option('--only <list>', '只立项这些序号，如 1,3,5')
    .option('--due <n=date>', '修改第 n 项的办结期限，如 2=2022-12-31（可多次）', list, [] as string[])
    .option('--lead <n=unit>', '修改第 n 项的牵头单位，如 3=县水利局（可多次）', list, [] as string[])
    .option('--major <list>', '这些序号设为重点事项，如 1,4（须同时写 --approved-by）')
    .option('--approved-by <leader>', '批准重点事项的主要领导'))
    .action(async (o: Common & { from: string; register?: boolean; only?: string; due: string[]; lead: string[]; major?: string; approvedBy?: string }) => {
      const sv = open(o);
      // An empty library has not even the built-in issues yet (as after `npm start`): load them, as start does.
      if ((sv.db.prepare('SELECT count(*) AS n FROM documents').get() as { n: number }).n === 0) {
        const loaded = await ingestPaths(sv.db, [bundledSamplesDir()]);
        process.stderr.write(`文库为空，已载入内置样例公报 ${loaded.results.length} 期\n`);
      }
      if (o.register) {
        const nums = (v: string) => v.split(/[,，、\s]+/).map(Number).filter((n) => Number.isInteger(n) && n > 0);
        const only = o.only ? nums(o.only) : undefined;
        const rows: Record<number, { due?: string; lead?: string; major?: boolean }> = {};
        for (const [n, due] of Object.entries(rowValues(o.due, '--due'))) rows[Number(n)] = { ...rows[Number(n)], due };
        for (const [n, lead] of Object.entries(rowValues(o.lead, '--lead'))) rows[Number(n)] = { ...rows[Number(n)], lead };
        for (const n of o.major ? nums(o.major) : []) rows[n] = { ...rows[n], major: true };
        const { created, skipped } = registerProposalsReport(sv, o.from, { ...(only ? { only } : {}), rows, ...(o.approvedBy ? { approvedBy: o.approvedBy } : {}) });
        print(o, created, () => [`已批量立项 ${created.length} 项`, ...created.map(line), ...skipped.map((k) => `第 ${k.no} 项未立项：${k.reason}（--lead ${k.no}=单位）`)].join('\n'));
        if (o.json) for (const k of skipped) process.stderr.write(`第 ${k.no} 项未立项：${k.reason}\n`);
        return;
      }
      const list = propose(sv, o.from);
      print(o, list, () => list.map((p, i) => `${i + 1}. ${p.taskId ? `[已立项 #${p.taskId}] ` : ''}${p.title.slice(0, 50)}  牵头：${p.lead}${p.assist?.length ? `  配合：${p.assist.join('、')}` : ''}  期限：${p.due ?? p.deadlineText ?? '按规则'}`).join('\n'));
    });

  common(task.command('evaluate').description('季度/年度评价与排名').option('--quarter <q>', '如 2022Q2').option('--year <y>', '如 2022'))
    .action((o: Common & { quarter?: string; year?: string }) => {
      const r = evaluate(open(o), parsePeriod(o));
      print(o, r, () => [`${r.period.label}抓落实评价排名`, ...r.units.map((u) => `${u.rank}. ${u.unit}  得分 ${u.score}  ${u.rating}  任务 ${u.tasks}（按时 ${u.onTime}，超期 ${u.overdue}，延期 ${u.extended}）约谈 ${u.summons} 红牌 ${u.redCards}${u.capped ? `  （${u.capped}）` : ''}`)].join('\n'));
    });
}
