// Leading bodies (领导小组, 指挥部, 工作专班, 委员会): printed member lists,
// read from the raw lines (see group-members.ts), and groups established in
// a sentence (`成立以县长为组长、分管副县长为副组长…的…领导小组`).
import type { LineRange, ParsedDocument } from '../parse/types.js';
import type { SourceLine } from '../text/lines.js';
import type { Group, GroupMember } from './types.js';
import { blockChars, charBit } from './block-chars.js';
import { isComplete, isPersonName, readLabel, readMemberList, START_RE, type DraftMember } from './group-members.js';

const KIND = /领导小组|领导组|指挥部|工作专班|专班|委员会|工作组/g;
const BARE = /^(?:领导小组|领导组|指挥部|工作专班|专班|委员会|工作组)$/;
const ROLES = '总指挥长|总指挥|指挥长|组长|主任|召集人|专班长';
const OUTLINE_HEAD = /^(?:[\d.]+\s*|[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）)/;

interface Found {
  name: string;
  index: number;
  established: boolean;
}

/** Group names in a text: the words before each kind word, back to a stop. */
export function findGroupNames(text: string): Found[] {
  const out: Found[] = [];
  for (const m of text.matchAll(KIND)) {
    const end = m.index;
    const head = text.slice(Math.max(0, end - 40), end);
    let cut = 0;
    let stop = '';
    for (const s of head.matchAll(/[，。；：！？、\s]|[（(](?![^（）()]{1,3}[）)])|(?<![（(][^（）()]{0,2})[）)]|成立了?|组建|设立|调整|决定|的|由|为/g)) {
      cut = s.index + s[0].length;
      stop = s[0];
    }
    const before = text.slice(0, Math.max(0, end - 40) + cut - stop.length);
    const established = /^(?:成立了?|组建|设立|调整)$/.test(stop) && !/(?:要|应|可|需|拟)$/.test(before);
    const name = (head.slice(cut).replace(OUTLINE_HEAD, '') + m[0]).replace(/(?:人员|成员|组成人员)?名单$/, '');
    out.push({ name, index: end, established });
  }
  return out;
}

const kindOf = (name: string, members: GroupMember[]): Group['kind'] =>
  /领导小组$|领导组$/.test(name) ? '领导小组' : /指挥部$/.test(name) ? '指挥部' : /专班$/.test(name) ? '工作专班'
  : /委员会$/.test(name) ? '委员会' : /工作组$/.test(name) ? '其他'
  : members.some((m) => m.role.includes('指挥')) ? '指挥部' : '领导小组';

/** `县财政局、县水利局主要负责人` → each unit with the shared title. */
export function splitList(text: string): string[] {
  const items: string[] = [];
  let depth = 0;
  let cur = '';
  for (const c of text) {
    if (c === '（' || c === '(') depth++;
    else if (c === '）' || c === ')') depth = Math.max(0, depth - 1);
    if (depth === 0 && /[、，；,]/.test(c)) {
      items.push(cur);
      cur = '';
    } else cur += c;
  }
  items.push(cur);
  const xs = items.map((s) => s.trim().replace(/^(?:以及|和|及)/, '').replace(/等$/, '')).filter((s) => s.length >= 2);
  const last = xs[xs.length - 1];
  if (!last) return xs;
  const tail = /^(.+?)(?:以及|及|和)(各.+)$/.exec(last);
  if (tail) {
    xs.splice(-1, 1, tail[1]!, tail[2]!);
    return xs;
  }
  const sm = /^(.+?)的?((?:主要|分管|相关|有关)?(?:负责人|负责同志|领导))$/.exec(last);
  if (!sm || xs.length < 2) return xs;
  return xs.map((x, i) => (i === xs.length - 1 ? sm[1]! + sm[2]! : isComplete(x) ? x : x + sm[2]!));
}

const member = (role: string, person: string | null, position: string | null, lines: LineRange): GroupMember => ({ role, person, position, lines });

const ROLE_OR_MEMBER = /长|主任|召集人|成员/;
/** `以县长为组长`, `分管副县长任副组长`. */
const ROLE_HELD_BY = new RegExp(`(?:以|由|^|[、，；])([^，。；、以由]{2,24}?)(?:担任|兼任|任|为)(常务副|执行副|副)?(${ROLES})(?=[、，；。的]|$)`, 'g');
/** `组长由县长担任`. */
const ROLE_FILLED_BY = new RegExp(`(?<!办公室)(常务副|执行副|副)?(${ROLES})由([^，。；]{2,30}?)(?:同志)?(?:担任|兼任)`, 'g');

/** Members stated in prose: `以县长为组长`, `组长由…担任`, `…为成员`, `成员单位包括…`. */
export function proseMembers(s: string, lines: LineRange): GroupMember[] {
  const out: GroupMember[] = [];
  // Every form below names a role (…长, 主任, 召集人) or 成员.
  if (!ROLE_OR_MEMBER.test(s)) return out;
  const pos = (p: string) => p.replace(/^(?:成立|决定)/, '');
  for (const m of s.matchAll(ROLE_HELD_BY)) {
    out.push(member((m[2] ?? '') + m[3]!, null, pos(m[1]!), lines));
  }
  for (const m of s.matchAll(ROLE_FILLED_BY)) {
    out.push(member((m[1] ?? '') + m[2]!, null, m[3]!, lines));
  }
  for (const m of s.matchAll(/(?:以|由|^|[，；、])([^，。；为]{2,120}?)(?:为|作为)(?:领导小组|指挥部|工作专班|专班|工作组|委员会)?成员(?!单位)/g)) {
    for (const p of splitList(m[1]!)) out.push(member('成员', null, p, lines));
  }
  for (const m of s.matchAll(/成员由([^。；]{2,300}?)组成/g)) for (const p of splitList(m[1]!)) out.push(member('成员', null, p, lines));
  for (const m of s.matchAll(/成员单位(?:包括|为|有|是)[：:]?([^。；]{2,300}?)(?:等(?:[\d一二三四五六七八九十]+个)?(?:部门|单位)|[。；（(]|$)/g)) {
    for (const p of splitList(m[1]!)) out.push(member('成员单位', null, p, lines));
  }
  return out;
}

const OFFICE = /办公室设在([^，。；、（(]{2,30}?)(?=[，。；、（(]|负责|$)/;

/** `办公室主任由左拴生兼任`, `办公室主任：姚宪君（兼）`. */
function directors(s: string, lines: LineRange, known: GroupMember[]): GroupMember[] {
  const out: GroupMember[] = [];
  const add = (who: string) => {
    for (const w of who.split(/[、和]/)) {
      const p = w.replace(/同志$/, '');
      if (isPersonName(p)) out.push(member('办公室主任', p, known.find((k) => k.person === p)?.position ?? null, lines));
      else if (p.length >= 2) out.push(member('办公室主任', null, p, lines));
    }
  };
  for (const m of s.matchAll(/办公室主任由([^，。；]{2,40}?)(?:担任|兼任)/g)) add(m[1]!);
  for (const m of s.matchAll(/办公室主任[：:]([\p{Script=Han}]{2,4})(?=（兼）|[，。；]|$)/gu)) add(m[1]!);
  return out;
}

interface Draft extends Group {
  established: boolean;
}

const toMember = (m: DraftMember): GroupMember => member(m.role, m.person, m.position, [m.first, m.last]);
const textBlocks = (doc: ParsedDocument) => doc.blocks.filter((b) => b.kind !== 'table');

/** The best name in a text: an established one, else the longest. */
function bestName(text: string): Found | null {
  const all = findGroupNames(text).filter((f) => !BARE.test(f.name));
  return all.filter((f) => f.established).pop() ?? all.sort((a, b) => b.name.length - a.name.length)[0] ?? null;
}

const PUNCT = /[，。；！？]/;

/** The group's name: from the lines just above the list (a heading may wrap), else the blocks before. */
function nameAbove(doc: ParsedDocument, lines: SourceLine[], start: number): { name: string; line: number } | null {
  const above: SourceLine[] = [];
  for (let i = start - 1; i >= doc.lines[0] - 1 && above.length < 4; i--) if (!lines[i]!.blank) above.push(lines[i]!);
  for (let k = 0; k < above.length; k++) {
    const l = above[k]!;
    const f = bestName(l.text);
    if (!f) continue;
    const prev = above[k + 1];
    const wrapped = l.text.startsWith(f.name) && l.text.length <= 30 && prev && !/^附件|[年月日]$/.test(prev.text) && prev.text.length <= 20 && !PUNCT.test(prev.text) && !findGroupNames(prev.text).length;
    return wrapped ? { name: prev.text.replace(OUTLINE_HEAD, '') + f.name, line: prev.no } : { name: f.name, line: l.no };
  }
  for (const b of textBlocks(doc).filter((x) => x.lines[1] < start + 1).slice(-3).reverse()) {
    const f = bestName(b.text);
    if (f) return { name: f.name, line: b.lines[0] };
  }
  return null;
}

/** Text after the list, up to the next heading: where the office and its director are stated. */
function textBelow(lines: SourceLine[], from: number, last: number): { text: string; lines: LineRange } | null {
  const got: SourceLine[] = [];
  for (let i = from; i <= last && got.length < 8; i++) {
    const l = lines[i]!;
    if (l.blank) continue;
    if (l.heading || OUTLINE.test(l.text) || (got.length && /[。；]$/.test(got[got.length - 1]!.text) && !/办公室|成员/.test(l.text))) break;
    got.push(l);
  }
  return got.length ? { text: got.map((l) => l.text).join(''), lines: [got[0]!.no, got[got.length - 1]!.no] } : null;
}

const OUTLINE = /^(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|\d+(?:\.\d+)+\s*\S|第[一二三四五六七八九十]+[章条节])/u;

function listGroup(doc: ParsedDocument, lines: SourceLine[], start: number, limit: number): { draft: Draft | null; endIdx: number } {
  const onList = (role: string, text: string, line: number): DraftMember[] =>
    splitList(text).map((p) => ({ role, person: null, position: p, first: line, last: line, col: 0, row: line, explicit: true, positional: false }));
  const r = readMemberList(lines, start, limit, onList);
  if (!r.members.length) return { draft: null, endIdx: r.endIdx };
  const firstLine = start + 1;
  const endLine = lines[r.endIdx]!.no;
  const below = textBelow(lines, r.endIdx + 1, limit);
  const members = r.members.map(toMember);
  const tail = [r.prose, below?.text ?? ''].join('。');
  const above = nameAbove(doc, lines, start);
  const name = above?.name ?? bestName(tail)?.name ?? findGroupNames(tail)[0]?.name ?? (members.some((m) => m.role.includes('指挥')) ? '指挥部' : '领导小组');
  const intro = above ? textBlocks(doc).filter((b) => b.lines[1] >= above.line && b.lines[0] < firstLine).map((b) => b.text).join('') : '';
  const officeAt = OFFICE.exec(tail)?.[1] ?? OFFICE.exec(intro)?.[1] ?? null;
  if (below) members.push(...proseMembers(below.text, below.lines).filter((m) => m.role.startsWith('成员')), ...directors(below.text, below.lines, members));
  members.push(...directors(r.prose, [firstLine, endLine], members));
  const endAt = Math.max(endLine, below && OFFICE.test(below.text) ? below.lines[1] : endLine);
  const draft: Draft = { name, kind: kindOf(name, members), officeAt, members, lines: [Math.min(above?.line ?? firstLine, firstLine), endAt], established: false };
  return { draft, endIdx: r.endIdx };
}

const GROUP_WORD = /领导小组|领导组|指挥部|专班|委员会|工作组/;
/** Every group word has one of these (block-chars.ts): blocks without them are skipped unread. */
const GROUP_CHARS = charBit('组') | charBit('部') | charBit('班') | charBit('会');

function proseGroups(doc: ParsedDocument): Draft[] {
  const out: Draft[] = [];
  for (const b of textBlocks(doc)) {
    if (!(blockChars(b) & GROUP_CHARS) || !GROUP_WORD.test(b.text)) continue;
    const sentences = b.text.split(/(?<=[。！？])/);
    sentences.forEach((s, k) => {
      // Without a group word the sentence names no group, so nothing below can fire.
      if (!GROUP_WORD.test(s)) return;
      const names = findGroupNames(s);
      const est = names.find((n) => n.established && !BARE.test(n.name));
      const roles = proseMembers(s, b.lines);
      if (!est && !(roles.length && names.length)) return;
      const named = est ?? names.find((n) => !BARE.test(n.name)) ?? names[0]!;
      const window = sentences.slice(k, k + 3).join('');
      const members = [...roles, ...directors(window, b.lines, roles)];
      const officeAt = OFFICE.exec(window)?.[1] ?? null;
      out.push({ name: named.name, kind: kindOf(named.name, members), officeAt, members, lines: b.lines, established: !!est });
    });
  }
  return out;
}

const sameGroup = (a: string, b: string) =>
  a === b || (!BARE.test(a) && !BARE.test(b) && Math.min(a.length, b.length) >= 5 && (a.endsWith(b) || b.endsWith(a)));

function merge(drafts: Draft[]): Group[] {
  const out: Draft[] = [];
  for (const d of drafts) {
    const g = out.find((x) => sameGroup(x.name, d.name));
    if (!g) {
      out.push({ ...d, members: [...d.members] });
      continue;
    }
    if (d.name.length > g.name.length) g.name = d.name;
    g.officeAt ??= d.officeAt;
    g.lines = [Math.min(g.lines[0], d.lines[0]), Math.max(g.lines[1], d.lines[1])];
    const key = (m: GroupMember) => `${m.role}|${m.person ?? ''}|${m.position ?? ''}`;
    const seen = new Set(g.members.map(key));
    const hasPeople = g.members.some((m) => m.person);
    for (const m of d.members) if (!seen.has(key(m)) && (!hasPeople || m.person || m.role === '办公室主任')) g.members.push(m);
    g.kind = kindOf(g.name, g.members);
  }
  return out
    .sort((a, b) => a.lines[0] - b.lines[0])
    .map(({ established: _e, ...g }) => ({ ...g, members: dedupe(g.members) }));
}

function dedupe(ms: GroupMember[]): GroupMember[] {
  const seen = new Set<string>();
  return ms.filter((m) => {
    const k = `${m.role}|${m.person ?? ''}|${m.position ?? ''}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** A group established without members is kept when it is named after a place (`五台县…`, `全县…`). */
const JURISDICTION = /^(?:全[县市省]|[县市省]|\p{Script=Han}{1,8}?[县市省区旗])/u;
/** A list announced just above (`…委员会组成人员如下：`, `…领导小组成员名单`). */
function announced(lines: SourceLine[], i: number, first: number): boolean {
  for (let k = i - 1, seen = 0; k >= first && seen < 3; k--) {
    if (lines[k]!.blank) continue;
    seen++;
    if (/(?:领导小组|领导组|指挥部|专班|委员会|工作组).*(?:如下|名单|组成)|(?:成立|组成).*(?:领导小组|领导组|指挥部|专班|委员会|工作组)/.test(lines[k]!.text)) return true;
  }
  return false;
}

const LABEL_HINT = /^[^：:]{2,12}[：:]/;

export function extractGroups(doc: ParsedDocument, lines: SourceLine[]): Group[] {
  if (!GROUP_WORD.test(doc.text) && !/组\s*长|指\s*挥\s*长/.test(doc.text)) return [];
  const drafts: Draft[] = [];
  const last = Math.min(doc.lines[1], lines.length) - 1;
  for (let i = Math.max(0, doc.lines[0] - 1); i <= last; i++) {
    const l = lines[i]!;
    if (l.blank || !LABEL_HINT.test(l.text)) continue;
    const role = readLabel(l.raw).role;
    if (!role || !(START_RE.test(role) || (/^(?:主任|成员|委员)$/.test(role) && announced(lines, i, doc.lines[0] - 1)))) continue;
    const { draft, endIdx } = listGroup(doc, lines, i, last);
    if (draft) drafts.push(draft);
    i = Math.max(i, endIdx);
  }
  const prose = proseGroups(doc).filter((p) => p.members.length || JURISDICTION.test(p.name));
  const groups = merge([...drafts, ...prose]);
  // `…普查领导小组办公室设在县统计局` stated apart from the group.
  for (const b of textBlocks(doc)) {
    if (!b.text.includes('设在')) continue;
    for (const m of b.text.matchAll(new RegExp(OFFICE.source, 'g'))) {
      const f = findGroupNames(b.text.slice(Math.max(0, m.index - 50), m.index)).pop();
      const g = f && !BARE.test(f.name) ? groups.find((x) => !x.officeAt && sameGroup(x.name, f.name)) : null;
      if (g) g.officeAt = m[1]!;
    }
  }
  return groups;
}
