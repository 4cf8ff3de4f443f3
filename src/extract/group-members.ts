// Reading a leading body's member list (组长：王 鑫 县长 …) from the raw
// source lines. Conversion breaks these lists badly: positions wrap onto the
// next row, names are letter-spaced, and a two-column page interleaves the
// list with body text or with a second column of members. Each row is cut
// into tokens (name, position fragment, prose); a fragment continues the
// member still waiting for the end of its position, preferring one in the
// same column. Prose (the other column's body text) is kept for the caller.
import type { SourceLine } from '../text/lines.js';
import { normalizeText, stripMarkdown } from '../text/normalize.js';

export interface DraftMember {
  role: string;
  person: string | null;
  position: string | null;
  first: number;
  last: number;
  /** Column (segment index within its row) and row it started on. */
  col: number;
  row: number;
  /** The role label stood next to this member (not carried over). */
  explicit: boolean;
  /** Listed by position only, from a row (not from a `成员：A、B` list). */
  positional: boolean;
}

export interface MemberList {
  members: DraftMember[];
  /** Body text interleaved on the other column, joined. */
  prose: string;
  /** Index of the last line consumed. */
  endIdx: number;
}

const SURNAMES = new Set(
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付傅方白邹孟熊秦邱江尹薛闫阎段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝官封谈匡鞠惠荆乐冀郁胥南班储原栗燕楚鄢劳谌奚皮粟冼蔺楼盘满闻位厉伊仝郜海阚花权强帅屠豆朴盖练廉禹井祖漆巴丰支卿狄平计索宣晋相初门云容敬来扈晁芮都普阙浦戈伏鹿薄邸雍辜羊乌母裘亓修邰赫杭况那宿鲜印逯隆茹诸战慕危玉银亢嵇公哈湛宾戎勾茅利於呼居揭干但尉冶斯元束檀衣信展阴昝智幸奉植衡富尧闭由陕弓'.split(''),
);
const COMPOUND = /^(?:欧阳|司马|上官|诸葛|东方|皇甫|尉迟|公孙|慕容|长孙|宇文|司徒|夏侯|令狐|端木|轩辕|呼延|南宫|独孤)/;
/** Characters that do not occur in given names but do in words and units. */
const NOT_GIVEN = /[的了与及等在是有为对于要将把被从向以其之们这那个度面务案施制设备划策措项目费用障局县市省部委办厅处科队站所司院校馆社府区镇乡村组任记员门责职各长心经]/;

/** Position endings: a fragment that ends so is a complete position. */
const TITLE_END = /(?:长|主任|书记|经理|负责人|负责同志|主席|政委|委员|常委|干事|专员|总监|主管|领导|总工|工程师|秘书|助理|代表|成员|联络员|指导员|教导员)(?:（[^（）]{1,8}）)?$/;
export const isComplete = (pos: string | null): boolean => !!pos && TITLE_END.test(pos) && !/[、，]$/.test(pos);

const HAN1 = /^\p{Script=Han}$/u;
/** `张三（县财政局局长）`. */
const PAREN = /^(\p{Script=Han}{2,4})[（(]([^（）()]{2,30})[）)]$/u;
const AFFIX = /[（(](?:兼|女|正科级|副科级|主持工作)[）)]$|同志$/;

export function isPersonName(token: string): boolean {
  const t = token.replace(AFFIX, '');
  if (!/^\p{Script=Han}{2,4}$/u.test(t)) return false;
  const compound = COMPOUND.test(t);
  if (t.length === 4 && !compound) return false;
  if (!compound && !SURNAMES.has(t[0]!)) return false;
  if (TITLE_END.test(t)) return false;
  return !NOT_GIVEN.test(t.slice(compound ? 2 : 1));
}

const POS_START = /^[县市省副党国中武]/u;
/** A fragment starting so is the middle of a wrapped word, not a position after a name. */
const MID_WORD = /^[局长化业展司委理队部心组体革室场站所院社会任员办]/u;

/** `朱润生副县长` → [`朱润生`, `副县长`] when a name is glued to its position. */
export function splitGlued(token: string): [string, string] | null {
  for (const n of [3, 2, 4]) {
    const name = token.slice(0, n);
    const rest = token.slice(n);
    if (rest.length >= 2 && isPersonName(name) && POS_START.test(rest) && /\p{Script=Han}/u.test(rest)) return [name, rest];
  }
  return null;
}

/** Role labels as printed before a colon, compacted. */
export const ROLE_RE = /^(?:常务副|执行副|第一副|副)?(?:总指挥长|总指挥|指挥长|组长|主任|召集人|专班长|班长|秘书长)$|^(?:成员|成员单位|委员|办公室主任|组员)$/;
/** Roles that may open a member list without a group word nearby. */
export const START_RE = /^(?:常务副|执行副|第一副|副)?(?:总指挥长|总指挥|指挥长|组长|召集人|专班长)$/;

const LABEL = /^[\s\u0001]*((?:\p{Script=Han}[\s\u0001]*){2,8}?)[：:][\s\u0001]*/u;

/** The role label opening a raw line, and the rest of the line (cells split by \u0001). */
export function readLabel(raw: string): { role: string | null; rest: string } {
  const md = stripMarkdown(raw.replace(/\t/g, '\u0001')).text.replace(/<\/?b>/gi, '');
  const m = LABEL.exec(md);
  if (m) {
    const role = m[1]!.replace(/[\s\u0001]+/g, '');
    if (ROLE_RE.test(role)) return { role, rest: md.slice(m[0].length) };
  }
  return { role: null, rest: md };
}

/** Tokens of a row: cells split on spaces, letter-spaced names re-joined. */
export function tokenize(rest: string): string[] {
  const out: string[] = [];
  for (const cell of rest.split('\u0001')) {
    const raw = cell.split(/[ \u3000]+/).map((t) => normalizeText(t)).filter(Boolean);
    const toks: string[] = [];
    for (let i = 0; i < raw.length; i++) {
      let t = raw[i]!;
      if (HAN1.test(t)) {
        let j = i + 1;
        while (j < raw.length && HAN1.test(raw[j]!)) t += raw[j++]!;
        if (j === i + 1 && j < raw.length) t += raw[j++]!; // `县 农业农村局局长`
        i = j - 1;
      }
      const prev = toks[toks.length - 1];
      // `张三，县长`: a name and its position separated by a comma.
      const comma = /^(\p{Script=Han}{2,4})[，,](.+)$/u.exec(t);
      if (comma && isPersonName(comma[1]!)) toks.push(comma[1]!, comma[2]!);
      else if (prev && /、\p{Script=Han}?$/u.test(prev) && !isPersonName(t)) toks[toks.length - 1] = prev + t;
      else toks.push(t);
    }
    out.push(...toks.map((t) => {
      const bare = t.replace(/[；，。;,]$/, '');
      return bare !== t && (isComplete(bare) || isPersonName(bare)) ? bare : t;
    }));
  }
  return out;
}

const isProse = (t: string): boolean => /[，。；！？：“”]/.test(t) || /^\d/.test(t) || t.length > 40;

/** Join two wrapped pieces, dropping a character doubled across the break (`县财政局`+`局局长`). */
export function joinWrapped(a: string, b: string): string {
  for (const k of [2, 1]) {
    const s = a.slice(-k);
    if (a.length > k && b.startsWith(s + s)) return a + b.slice(k);
  }
  return a + b;
}

const OUTLINE = /^(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|\d+(?:\.\d+)+\s*\S|第[一二三四五六七八九十]+[章条节])/u;

/** Tier for the rank check: 1 县长/书记, 2 副县长/常委/副主席, 3 others. */
const tier = (pos: string | null): number =>
  !pos ? 3 : /(?<!副)(?:县长|县委书记|市长)/.test(pos) ? 1 : /副县长|常委|副书记|政协副主席|人大常委会副主任|副市长/.test(pos) ? 2 : 3;

/**
 * Read a member list from `lines[start]` (a label line) to at most `limit`.
 * `onList` receives a label's inline list (`成员：县财政局、县水利局主要负责人`).
 */
export function readMemberList(lines: SourceLine[], start: number, limit: number, onList: (role: string, text: string, line: number) => DraftMember[]): MemberList {
  const members: DraftMember[] = [];
  const prose: string[] = [];
  const orphans: { text: string; row: number }[] = [];
  const labels: string[] = [];
  let role = '成员';
  let pendingExplicit = false;
  let endIdx = start;
  const waiting = (row: number, col: number | null, exclude?: DraftMember) => {
    for (let k = members.length - 1; k >= 0; k--) {
      const m = members[k]!;
      const listed = m.person === null && !m.positional;
      if (m !== exclude && !listed && m.row < row && row - m.last <= 12 && !isComplete(m.position) && (col === null || m.col === col)) return m;
    }
    return null;
  };
  let touched = 0;
  let idle = 0;
  const extend = (m: DraftMember, frag: string, row: number) => {
    m.position = m.position ? joinWrapped(m.position, frag) : frag;
    m.last = row;
    touched++;
  };
  for (let i = start; i <= limit && i < lines.length && i - start < 150; i++) {
    const line = lines[i]!;
    if (line.blank) continue;
    const row = line.no;
    const { role: label, rest } = readLabel(line.raw);
    const toks = tokenize(rest);
    if (!label && (!toks.length || isProse(toks[0]!) || OUTLINE.test(line.text))) break;
    if (label && i > start && START_RE.test(label) && labels.includes(label) && members.some((m) => m.role === '成员')) break;
    if (!label && line.heading) break;
    const before = members.length + touched + orphans.length;
    let retro = false;
    if (label) {
      labels.push(label);
      role = label;
      pendingExplicit = true;
      const first = toks[0];
      const nameFirst = first && (isPersonName(first) || splitGlued(first) || isPersonName(PAREN.exec(first)?.[1] ?? ''));
      if (first && !nameFirst && !members.some((m) => m.row < row && m.position === null)) {
        // `成员：县委宣传部、…、` may wrap onto the next lines.
        let text = toks.join('');
        let last = row;
        for (let j = i + 1; /[、，]$/.test(text) && j <= limit; j++) {
          if (lines[j]!.blank) continue;
          if (readLabel(lines[j]!.raw).role || OUTLINE.test(lines[j]!.text)) break;
          text += lines[j]!.text;
          last = lines[j]!.no;
          i = j;
        }
        members.push(...onList(role, text, row).map((m) => ({ ...m, last })));
        pendingExplicit = false;
        endIdx = i;
        idle = 0;
        continue;
      }
      retro = !!first && !nameFirst;
    }
    let seg = 0;
    let segUsed = false;
    let target: DraftMember | null = null;
    let created = false;
    for (let k = 0; k < toks.length; k++) {
      const t = toks[k]!;
      if (isProse(t)) {
        prose.push(toks.slice(k).join(''));
        break;
      }
      const glued = !isPersonName(t) && (!segUsed || (target && isComplete(target.position))) ? splitGlued(t) : null;
      const paren = PAREN.exec(t);
      const next = toks[k + 1];
      const plain = isPersonName(t) && !(next && MID_WORD.test(next));
      const name = plain ? t.replace(AFFIX, '') : glued ? glued[0] : paren && isPersonName(paren[1]!) ? paren[1]! : null;
      if (name) {
        if (segUsed) seg++;
        const m: DraftMember = { role, person: name, position: glued ? glued[1] : paren ? paren[2]! : null, first: row, last: row, col: seg, row, explicit: pendingExplicit, positional: false };
        pendingExplicit = false;
        members.push(m);
        target = m;
        created = true;
        segUsed = true;
        continue;
      }
      if (target && target.position === null && created) {
        target.position = t;
        continue;
      }
      if (target && created && !isComplete(target.position)) {
        // A second fragment after a name and position: a member waiting from
        // an earlier row takes it first, else it ends this member's position.
        const other: DraftMember | null = isComplete(t) ? waiting(row, null, target) : null;
        if (other) {
          seg++;
          extend(other, t, row);
          target = other;
          created = false;
        } else if (isComplete(t)) extend(target, t, row);
        else {
          prose.push(toks.slice(k).join(''));
          break;
        }
        continue;
      }
      if (segUsed) seg++;
      segUsed = true;
      created = false;
      const byCol = t.startsWith('各') ? null : waiting(row, seg);
      const any = byCol ?? (t.startsWith('各') || (seg > 0 && !isComplete(t)) ? null : waiting(row, null));
      target = byCol ?? any;
      if (target) {
        extend(target, t, row);
        if (retro && !target.explicit) {
          target.role = role;
          target.explicit = true;
        }
        retro = false;
        pendingExplicit = false;
        continue;
      }
      if (t.startsWith('各') && (seg === 0 || isComplete(t)) || (isComplete(t) && /^[县市省]/.test(t) && t.length >= 5)) {
        const m: DraftMember = { role, person: null, position: t, first: row, last: row, col: seg, row, explicit: pendingExplicit, positional: true };
        members.push(m);
        target = m;
        created = true;
        continue;
      }
      if (isComplete(t) && !/^\p{Script=Han}{1,3}$/u.test(t)) orphans.push({ text: t, row });
      else if (seg > 0) {
        prose.push(toks.slice(k).join(''));
        break;
      }
    }
    if (label || members.length + touched + orphans.length > before) {
      endIdx = i;
      idle = 0;
    } else if (++idle >= 2) break;
  }
  for (const o of orphans) {
    const m = members.find((x) => !x.positional && x.person && !isComplete(x.position) && x.position);
    if (m) m.position = joinWrapped(m.position!, o.text);
  }
  rankCheck(members);
  const kept = members.filter((m) => !m.positional || isComplete(m.position));
  for (const m of kept) m.position = m.position?.replace(/[、，]+$/, '') || null;
  return { members: kept, prose: prose.join(''), endIdx };
}

/**
 * A jumbled label row can put the deputy beside the 组长 label: when a member
 * carried over under the top role outranks the one printed beside its label,
 * and the deputy role follows, the two are swapped.
 */
function rankCheck(members: DraftMember[]): void {
  const top = members[0]?.role;
  if (!top || !START_RE.test(top) || top.includes('副')) return;
  const deputy = members.find((m) => m.role !== top && m.role.endsWith(top) && m.role.includes('副'))?.role;
  if (!deputy) return;
  const under = members.filter((m) => m.role === top);
  const shown = under.filter((m) => m.explicit);
  const carried = under.filter((m) => !m.explicit);
  if (!shown.length || !carried.length) return;
  const best = Math.min(...carried.map((m) => tier(m.position)));
  if (best >= Math.min(...shown.map((m) => tier(m.position)))) return;
  for (const m of shown) m.role = deputy;
  const promote = carried.filter((m) => tier(m.position) === best);
  for (const m of promote) {
    members.splice(members.indexOf(m), 1);
    members.unshift(m);
  }
}
