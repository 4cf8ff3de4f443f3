// `gongbao share …`: the 政务数据共享 workflow of 五政办发〔2022〕10号 for
// operations and scripting. Like `task`, every subcommand takes --db, --now
// (the injectable clock) and --json; actions name their department with --as.
import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { GongbaoError } from '../errors.js';
import { defaultDbPath } from '../store/db.js';
import { openLibrary } from '../store/library.js';
import { Supervision } from '../supervise/service.js';
import { parsePeriod } from '../supervise/evaluate.js';
import { chinaTime } from '../supervise/calendar.js';
import type { Actor } from '../supervise/model.js';
import { ShareContext } from '../share/context.js';
import { addResource, recordTrigger, resources, triggers, typeLabel, updateResource, type ResourceInput } from '../share/catalogue.js';
import { actOnRequest, listRequests, showRequest, submitRequest } from '../share/requests.js';
import { completeCorrection, listCorrections, reportCorrection, showCorrection } from '../share/corrections.js';
import { shareTick } from '../share/sweep.js';
import { board, BOARD_HEADER, boardRows, evaluateSharing, EVALUATION_HEADER, evaluationRows } from '../share/board.js';
import { requireShareType, REQUEST_STATUS_LABEL, SHARE_ACTION_LABEL, REQUEST_STATUSES, TRIGGER_KINDS, type RequestStatus, type Resource, type ShareRequest, type TriggerKind } from '../share/model.js';
import { toCsv } from '../web/api/csv.js';
import { tableXlsx } from '../web/api/xlsx.js';
import { clockOf } from './clock.js';

type Opts = { db?: string; now?: string; json?: boolean; as?: string } & Record<string, unknown>;

/** Options written before the subcommand (`share --db X list`) count as if written after it. */
let outer: () => Opts = () => ({});

function open(o: Opts): ShareContext {
  for (const [k, v] of Object.entries(outer())) if (o[k] === undefined) o[k] = v;
  return new ShareContext(new Supervision({ db: openLibrary(defaultDbPath(o.db)), now: clockOf(o.now) }));
}

/** The acting department; read-only commands without --as see everything, as the 管理部门 does. */
const who = (ctx: ShareContext, o: Opts): Actor => ctx.actor(o.as ? String(o.as) : ctx.manager);

const num = (v: unknown, what: string): number => {
  if (typeof v !== 'string' || !/^\d+$/.test(v.trim())) throw new GongbaoError('bad-argument', `${what}应为数字：${String(v ?? '').slice(0, 20)}`);
  return Number(v);
};

const print = (o: Opts, value: unknown, text: () => string) => process.stdout.write(o.json ? `${JSON.stringify(value, null, 1)}\n` : `${text()}\n`);
const unitsOf = (v: unknown) => (typeof v === 'string' ? v.split(/[,，、]/).map((s) => s.trim()).filter(Boolean) : undefined);

function typeOf(o: Opts): Pick<ResourceInput, 'type' | 'exclusive'> {
  const exclusive = unitsOf(o.exclusive);
  return { ...(typeof o.type === 'string' ? { type: requireShareType(o.type, exclusive) } : {}), ...(exclusive ? { exclusive } : {}) };
}

const resourceLine = (r: Resource) => `#${r.id} ${r.name}  提供部门：${r.providerUnit}  ${typeLabel(r)}${r.reason ? `  理由：${r.reason}` : ''}${r.agentUnit ? `  授权代理方：${r.agentUnit}` : ''}`;
const requestLine = (q: ShareRequest) =>
  `#${q.id} [${REQUEST_STATUS_LABEL[q.status]}] ${q.userUnit} 申请 ${q.providerUnit}“${q.resourceName}”${q.reviewDue ? `  审查时限：${q.reviewDue}` : ''}${q.responseDue ? `  答复时限：${q.responseDue}` : ''}${q.reason ? `  理由：${q.reason}` : ''}${q.calendarConfirmed ? '' : '（节假日安排未确认，按周末计算）'}`;

/**
 * Export a table: `--csv FILE`, `--xlsx FILE`, or `--format csv|xlsx [--out FILE]`
 * (without --out the file goes to standard output). Null when nothing was asked.
 */
async function writeTable(o: Opts, title: string, header: string[], rows: (string | number)[][]): Promise<string | null> {
  const format = typeof o.csv === 'string' ? 'csv' : typeof o.xlsx === 'string' ? 'xlsx' : typeof o.format === 'string' ? o.format.toLowerCase() : null;
  if (!format) return null;
  if (format !== 'csv' && format !== 'xlsx') throw new GongbaoError('bad-argument', `导出格式应为 csv 或 xlsx：${format.slice(0, 10)}`);
  const bytes = format === 'csv' ? toCsv(header, rows) : await tableXlsx({ title, sheet: '政务数据共享', header, rows, widths: { 部门: 24, 情况: 60 } });
  const file = typeof o.csv === 'string' ? o.csv : typeof o.xlsx === 'string' ? o.xlsx : typeof o.out === 'string' ? o.out : null;
  if (!file) {
    process.stdout.write(bytes);
    return '-';
  }
  writeFileSync(file, bytes);
  return file;
}
const exporting = (c: Command) => c.option('--csv <file>', '导出 CSV').option('--xlsx <file>', '导出 XLSX').option('--format <format>', '导出格式 csv 或 xlsx').option('--out <file>', '导出到文件（省略则输出到标准输出）');

const common = (c: Command) => c.option('--db <path>', '文库数据库路径').option('--now <iso>', '当前时间（测试与补录用）').option('--json', '输出 JSON');
const acting = (c: Command) => common(c).requiredOption('--as <unit>', '办理部门');

export function registerShare(program: Command): void {
  const share = program.command('share').description('政务数据共享（五政办发〔2022〕10号）：目录、申请、审查、答复、纠错、预警与评估');
  const cat = share.command('catalogue').description('政务数据资源目录');
  common(share);
  common(cat);
  outer = () => ({ ...share.opts(), ...cat.opts() });

  acting(cat.command('add').description('编制目录：登记一项政务数据资源'))
    .requiredOption('--resource <name>', '资源名称').requiredOption('--type <type>', '共享类型：无条件、有条件、不予共享、专用')
    .option('--exclusive <units>', '专用部门名单（逗号分隔）').option('--reason <text>', '不予共享的理由').option('--basis <text>', '不予共享的依据')
    .option('--agent <unit>', '授权代理方').option('--description <text>', '说明').option('--provider <unit>', '提供部门（管理部门代为登记时）')
    .action((o: Opts) => {
      const ctx = open(o);
      const r = addResource(ctx, { name: String(o.resource), ...typeOf(o), ...pick(o, 'reason', 'basis', 'agent', 'description', 'provider') }, ctx.actor(String(o.as)));
      print(o, r, () => `已登记 ${resourceLine(r)}`);
    });

  acting(cat.command('update').description('更新目录中的一项资源（或 --withdraw 撤下）').argument('<id>', '资源编号'))
    .option('--resource <name>', '资源名称').option('--type <type>', '共享类型').option('--exclusive <units>', '专用部门名单')
    .option('--reason <text>', '不予共享的理由').option('--basis <text>', '依据').option('--agent <unit>', '授权代理方（空字符串为取消）')
    .option('--description <text>', '说明').option('--withdraw', '从目录中撤下').option('--comment <text>', '更新原因')
    .action((id: string, o: Opts) => {
      const ctx = open(o);
      const r = updateResource(ctx, num(id, '资源编号'), {
        ...(o.resource !== undefined ? { name: String(o.resource) } : {}), ...typeOf(o), ...pick(o, 'reason', 'basis', 'description', 'comment'),
        ...(o.agent !== undefined ? { agent: String(o.agent) || null } : {}), ...(o.withdraw ? { withdraw: true } : {}),
      }, ctx.actor(String(o.as)));
      print(o, r, () => `已更新 ${resourceLine(r)}`);
    });

  common(cat.command('list').description('查看目录')).option('--unit <unit>', '提供部门').option('--type <type>', '共享类型').action((o: Opts) => {
    const ctx = open(o);
    const list = resources(ctx, { ...(o.unit ? { unit: String(o.unit) } : {}), ...(typeof o.type === 'string' ? { type: o.type } : {}) });
    print(o, list, () => (list.length ? list.map(resourceLine).join('\n') : '目录为空'));
  });

  acting(cat.command('change').description('记录法律法规修订或职能变化：目录须在 15 个工作日内更新'))
    .requiredOption('--kind <kind>', `变化类型：${Object.entries(TRIGGER_KINDS).map(([k, v]) => `${k}（${v}）`).join('、')}`)
    .requiredOption('--on <date>', '发生变化的日期 YYYY-MM-DD').option('--note <text>', '说明').option('--unit <unit>', '部门（管理部门代为记录时）')
    .action((o: Opts) => {
      const ctx = open(o);
      const t = recordTrigger(ctx, { kind: String(o.kind) as TriggerKind, changedOn: String(o.on), ...pick(o, 'note', 'unit') }, ctx.actor(String(o.as)));
      print(o, t, () => `已记录：${t.unit}应于 ${t.due} 前更新政务数据资源目录`);
    });

  common(cat.command('triggers').description('目录更新事项')).option('--unit <unit>', '部门').action((o: Opts) => {
    const ctx = open(o);
    const list = triggers(ctx, o.unit ? ctx.unit(String(o.unit), '部门') : undefined);
    print(o, list, () => list.map((t) => `#${t.id} ${t.unit} ${TRIGGER_KINDS[t.kind]}（${t.changedOn}） 时限 ${t.due}  ${t.updatedAt ? (t.late ? '已更新（逾期）' : '已按时更新') : '待更新'}`).join('\n') || '没有目录更新事项');
  });

  acting(share.command('request').description('使用部门提出共享申请'))
    .requiredOption('--resource <id>', '资源编号').requiredOption('--purpose <text>', '使用用途').option('--scene <text>', '应用场景')
    .action((o: Opts) => {
      const ctx = open(o);
      const q = showAfter(ctx, o, (a) => submitOne(ctx, o, a));
      print(o, q, () => `已提交 ${requestLine(q)}`);
    });

  const decide = (name: string, description: string, yes: string, no: string, steps: [string, string], extra: (c: Command) => Command) =>
    extra(acting(share.command(name).description(description).argument('<id>', '申请编号')).option(`--${yes}`, '同意').option(`--${no}`, '不同意'))
      .action((id: string, o: Opts) => {
        if (Boolean(o[yes]) === Boolean(o[no])) throw new GongbaoError('bad-argument', `请在 --${yes} 与 --${no} 中选择一个`);
        const ctx = open(o);
        const q = showAfter(ctx, o, (a) => actOnRequest(ctx, num(id, '申请编号'), (o[yes] ? steps[0] : steps[1]) as never, a, pick(o, 'reason', 'comment')));
        print(o, q, () => requestLine(q));
      });
  decide('review', '管理部门符合性审查（2 个工作日内）', 'approve', 'reject', ['approve-review', 'reject-review'], (c) => c.option('--reason <text>', '审查意见'));
  decide('respond', '提供部门（或授权代理方）答复（5 个工作日内；不予提供须说明理由）', 'approve', 'reject', ['approve', 'refuse'], (c) => c.option('--reason <text>', '理由和依据'));
  decide('coordinate', '管理部门协调（协商未果时）', 'grant', 'uphold', ['coordinate-grant', 'coordinate-uphold'], (c) => c.option('--reason <text>', '协调意见'));
  for (const [name, step, description] of [['negotiate', 'negotiate', '使用部门就不予提供申请协商'], ['escalate', 'escalate', '协商未果，提请管理部门协调'], ['withdraw', 'withdraw', '撤回申请']] as const) {
    acting(share.command(name).description(description).argument('<id>', '申请编号')).option('--comment <text>', '说明').action((id: string, o: Opts) => {
      const ctx = open(o);
      const q = showAfter(ctx, o, (a) => actOnRequest(ctx, num(id, '申请编号'), step, a, pick(o, 'comment')));
      print(o, q, () => requestLine(q));
    });
  }

  acting(share.command('correct').description('纠错：使用部门反馈错误（--resource --problem），提供部门校核更正（编号 --done）').argument('[id]', '纠错反馈编号'))
    .option('--resource <id>', '资源编号').option('--problem <text>', '疑义或错误情况').option('--text <text>', '同 --problem')
    .option('--done', '已校核更正（写了编号即为校核更正，可省略）').option('--note <text>', '更正情况')
    .action((id: string | undefined, o: Opts) => {
      const ctx = open(o);
      const actor = ctx.actor(String(o.as));
      if (id === undefined && o.done) throw new GongbaoError('bad-argument', '校核更正请写纠错反馈编号：share correct 编号 --done');
      const problem = typeof o.problem === 'string' ? o.problem : typeof o.text === 'string' ? o.text : undefined;
      const c = id !== undefined
        ? completeCorrection(ctx, num(id, '纠错反馈编号'), typeof o.note === 'string' ? o.note : undefined, actor)
        : reportCorrection(ctx, { resourceId: resourceId(ctx, o.resource), ...(problem ? { problem } : {}) }, actor);
      print(o, c, () => `纠错反馈 #${c.id} “${c.resourceName}” ${c.status === 'corrected' ? `已校核更正${c.late ? `（逾期，时限 ${c.due}）` : ''}` : `已反馈，提供部门${c.providerUnit}应于 ${c.due} 前校核更正`}`);
    });

  common(share.command('corrections').description('纠错反馈列表')).option('--as <unit>', '查看部门').action((o: Opts) => {
    const ctx = open(o);
    const list = listCorrections(ctx, who(ctx, o));
    print(o, list, () => list.map((c) => `#${c.id} ${c.userUnit} → ${c.providerUnit}“${c.resourceName}” 时限 ${c.due}  ${c.status === 'corrected' ? (c.late ? '已更正（逾期）' : '已按时更正') : '待更正'}`).join('\n') || '没有纠错反馈');
  });

  common(share.command('tick').description('按当前时间扫描：提醒与逾期预警')).action((o: Opts) => {
    const raised = shareTick(open(o));
    print(o, { raised }, () => (raised.length ? raised.map((r) => `${r.subject} ${r.unit} ${r.kind} ${r.message}`).join('\n') : '没有新的提醒或预警'));
  });

  common(share.command('show').description('查看共享申请（或 --correction 纠错反馈）及其办理记录').argument('<id>', '编号'))
    .option('--as <unit>', '查看部门').option('--correction', '查看纠错反馈')
    .action((id: string, o: Opts) => {
      const ctx = open(o);
      const v = o.correction ? showCorrection(ctx, num(id, '编号'), who(ctx, o)) : showRequest(ctx, num(id, '编号'), who(ctx, o));
      print(o, v, () => [
        'purpose' in v ? requestLine(v) : `纠错反馈 #${v.id} ${v.userUnit} → ${v.providerUnit}“${v.resourceName}” 时限 ${v.due}：${v.problem}`,
        ...v.warnings.map((w) => `  ${w.message}`),
        ...v.history.map((h) => `  ${chinaTime(h.at)} ${h.actor.unit} ${SHARE_ACTION_LABEL[h.action] ?? h.action}${h.comment ? `：${h.comment}` : ''}${h.refs.onBehalfOf ? `（代${String(h.refs.onBehalfOf)}）` : ''}`),
      ].join('\n'));
    });

  common(share.command('list').description('共享申请列表')).option('--as <unit>', '查看部门').option('--unit <unit>', '部门').option('--status <status>', REQUEST_STATUSES.join('/'))
    .action((o: Opts) => {
      if (o.status && !REQUEST_STATUSES.includes(o.status as RequestStatus)) throw new GongbaoError('bad-argument', `状态应为：${REQUEST_STATUSES.join('、')}`);
      const ctx = open(o);
      const list = listRequests(ctx, who(ctx, o), { ...(o.status ? { status: o.status as RequestStatus } : {}), ...(o.unit ? { unit: String(o.unit) } : {}) });
      print(o, list, () => (list.length ? list.map(requestLine).join('\n') : '没有共享申请'));
    });

  exporting(common(share.command('board').description('各部门数据共享情况（可导出 CSV/XLSX）')).option('--as <unit>', '查看部门'))
    .action(async (o: Opts) => {
      const ctx = open(o);
      const b = board(ctx, who(ctx, o));
      const file = await writeTable(o, `政务数据共享情况（截至 ${ctx.today()}）`, BOARD_HEADER, boardRows(b));
      if (file === '-') return;
      print(o, b, () => (file ? `已导出 ${file}` : b.map((u) => `${u.unit}  目录 ${u.resources.total}  收到申请 ${u.asProvider.received}（答复逾期 ${u.asProvider.late}）  提出申请 ${u.asUser.requests}  纠错 ${u.corrections.received}（逾期 ${u.corrections.late}）  目录更新逾期 ${u.catalogue.late}  预警 ${u.warnings}`).join('\n') || '尚无数据共享记录'));
    });

  exporting(common(share.command('evaluate').description('管理部门考核评估（10号 七 监督检查），可导出 CSV/XLSX'))
    .option('--quarter <q>', '如 2023Q1').option('--year <y>', '如 2023'))
    .action(async (o: Opts) => {
      const ctx = open(o);
      const e = evaluateSharing(ctx, parsePeriod(pick(o, 'quarter', 'year')));
      const file = await writeTable(o, `${e.period.label}政务数据共享考核评估（${e.period.from} 至 ${e.period.to}）`, EVALUATION_HEADER, evaluationRows(e));
      if (file === '-') return;
      print(o, e, () => (file ? `已导出 ${file}` : [`${e.period.label}政务数据共享考核评估（截至 ${e.asOf}）`, ...e.units.map((u) => `${u.rank}. ${u.unit}  逾期 ${u.lateItems}  ${u.result}${u.findings.length ? `  ${u.findings.join('；')}` : ''}`)].join('\n')));
    });
}

/** `--resource 3`, or a resource's name when exactly one listed resource has it. */
function resourceId(ctx: ShareContext, v: unknown): number {
  if (typeof v === 'string' && !/^\d+$/.test(v.trim())) {
    const named = resources(ctx).filter((r) => r.name === v.trim());
    if (named.length === 1) return named[0]!.id;
    throw new GongbaoError('bad-argument', named.length ? `有 ${named.length} 项资源名为“${v.slice(0, 40)}”，请用编号（share catalogue list）` : `目录中没有名为“${v.slice(0, 40)}”的资源`);
  }
  return num(v, '资源编号（--resource）');
}

function submitOne(ctx: ShareContext, o: Opts, actor: Actor): ShareRequest {
  return submitRequest(ctx, { resourceId: resourceId(ctx, o.resource), ...pick(o, 'purpose', 'scene') }, actor);
}

/** Act, then show the request as the actor sees it (with its history). */
function showAfter(ctx: ShareContext, o: Opts, act: (actor: Actor) => ShareRequest) {
  const actor = ctx.actor(String(o.as));
  const q = act(actor);
  return showRequest(ctx, q.id, actor);
}

/** The string options named, when given. */
function pick(o: Opts, ...names: string[]): Record<string, string> {
  return Object.fromEntries(names.filter((n) => typeof o[n] === 'string').map((n) => [n, o[n] as string]));
}

