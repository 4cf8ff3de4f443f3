// Reading one responsibility clause: who leads, who is responsible, who
// cooperates. Forms: `责任单位：X、Y`, `牵头单位：X；参与单位：Y`, `X牵头，Y配合`,
// `X牵头，Y按职责分工负责`, `X负责`, `X具体负责`, an unlabelled unit list, and
// inheritance rules (`…均包括X，以下不再列出`, `以下均需X落实，不再列出`).
import { isUnitLike } from './units.js';

export interface ClauseUnits {
  lead: string[];
  responsible: string[];
  cooperating: string[];
  /** Units a `以下不再列出` rule adds to every later clause of the document. */
  inheritRule: string[] | null;
  /** The responsible units came from a bare list or `X、Y负责`: a `列第一位者为牵头单位` convention applies to them. */
  ordered?: boolean;
}

/**
 * `列第一位者为牵头单位，下同`, `排在第一位的部门为牵头部门`: the document's
 * convention that the first unit of `（A、B负责）` leads.
 */
export const FIRST_LEADS = /[，,。；]?(?:(?:(?:列|排)在?(?:第一位|首位|第一|最前)|排名第一|位列第一|第一个|首个)(?:者|的)?(?:部门|单位)?(?:为|是)牵头(?:单位|部门)|牵头(?:单位|部门)(?:列|排)在?(?:第一位|首位|最前|前面))(?:[，,]?(?:下同|以下同))?/u;

/** Does a text state the convention? A cheap word check before the regex. */
export function statesFirstLeads(text: string): boolean {
  return text.includes('牵头') && /第一|首|最前|前面/u.test(text) && FIRST_LEADS.test(text);
}

/** Apply the convention: the first responsible unit of an ordered list becomes the lead. */
export function applyFirstLeads(c: ClauseUnits): ClauseUnits {
  if (!c.ordered || c.lead.length || !c.responsible.length) return c;
  return { ...c, lead: c.responsible.slice(0, 1), responsible: c.responsible.slice(1) };
}

const LABELS: [RegExp, 'lead' | 'responsible' | 'cooperating'][] = [
  [/^(?:牵头单位|牵头部门|主责单位|主办单位)$/u, 'lead'],
  [/^(?:责任单位|责任部门|承办单位|实施单位|落实单位)$/u, 'responsible'],
  [/^(?:参与单位|配合单位|配合部门|协办单位|协作单位|参加单位|协同单位)$/u, 'cooperating'],
];
const LABELLED = /^(牵头单位|牵头部门|主责单位|主办单位|责任单位|责任部门|承办单位|实施单位|落实单位|参与单位|配合单位|配合部门|协办单位|协作单位|参加单位|协同单位)[：:](.*)$/u;

const INHERIT = /(?:各项[^，。；]{0,12}?(?:责任单位)?(?:均包括|均含|都包括)|以下均需|以下均由)([^。；]+?)(?:落实|负责)?[，,。；]?\s*(?:以下)?(?:均)?不再(?:一一)?列出/u;

/** A time label ends the unit list before it. */
export const TIME_LABEL = /[，,；;。]?(?:时限要求|完成时限|完成时间|时间要求|办结时限|时间节点)[：:].*$/u;
const LEAD_VERB = /牵头(?:负责)?$/u;
/** `X会同Y负责`: X leads, Y cooperates. */
const WITH = /^(.+?)会同(.+)$/u;
/** `生态环境部指导`: a guiding unit works with the ones responsible. */
const GUIDE_VERB = /(?:指导|督导|支持)$/u;
const COOP_VERB = /(?:配合|协助|参与|协办)$/u;
/** `按职责分工负责`: under a lead, these units share the work as cooperators. */
const SHARE_VERB = /(?:按照?职责(?:分工)?(?:分别)?负责|按照?职责(?:分工)?落实|分工负责|分别负责)$/u;
const RESP_VERB = /(?:具体负责|共同负责|负责落实|负责|落实|实施)$/u;

/**
 * Split a unit list: `、`, `，`, and `和`/`及` only where the left side already
 * ends like an organization (`各乡（镇）人民政府和驼梁风景区服务中心`), so that
 * `县发展和改革局` stays whole.
 */
export function splitUnits(list: string): string[] {
  const out: string[] = [];
  // `全国总工会等和各省级人民政府`: the 等 closes one list, 和 adds another unit.
  for (const part of list.replace(/等(?:有关|相关)?(?:部门|单位)?(?=(?:和|及|以及|与)各)/gu, '、').replace(/、(?:和|及|以及|与)各/gu, '、各').split(/[、，,；;\/]/u)) {
    let rest = part.trim();
    for (;;) {
      const m = /^(.+?)(?:和|及|与|以及)(.+)$/u.exec(rest);
      if (!m || !isUnitLike(m[1]!) || !isUnitLike(m[2]!.replace(/等.*$/u, '')) || !/(?:局|委|办|中心|政府|会|院|部|组|公司|行|门|位)$/u.test(m[1]!)) break;
      out.push(m[1]!);
      rest = m[2]!;
    }
    if (rest) out.push(rest);
  }
  return out.map(trimUnit).filter(Boolean);
}

/** `由X`, `X等有关部门` → `X`; most names need nothing, so the regexes run only on a telltale character. */
function trimUnit(u: string): string {
  let t = u;
  if (/^[由请会]/u.test(t)) t = t.replace(/^(?:由|请|会同)/u, '');
  if (t.includes('等')) t = t.replace(/(?:等(?:有关|相关)?(?:部门|单位|机构)?|等)$/u, '');
  return t.trim();
}

const empty = (): ClauseUnits => ({ lead: [], responsible: [], cooperating: [], inheritRule: null });

/** Read the inside of a clause (without its parentheses). Null when it assigns nobody. */
export function readClause(inner: string): ClauseUnits | null {
  const c = empty();
  // A unit list stops at the next label: `…示范区时限要求：全年持续开展` (the deadline is read apart).
  let text = /\s/u.test(inner) ? inner.replace(/\s+/g, '') : inner;
  if (statesFirstLeads(text)) text = text.replace(FIRST_LEADS, '');
  if (/时限|时间/u.test(text)) text = text.replace(TIME_LABEL, '');
  const inherit = INHERIT.exec(text);
  if (inherit) {
    c.inheritRule = splitUnits(inherit[1]!).filter(isUnitLike);
    text = (text.slice(0, inherit.index) + text.slice(inherit.index + inherit[0].length)).replace(/[，,。；]+$/u, '');
  }
  const parts = text.split(/[；;。]/u).filter(Boolean);
  for (const part of parts) {
    const labelled = LABELLED.exec(part);
    if (labelled) {
      const role = LABELS.find(([re]) => re.test(labelled[1]!))![1];
      c[role].push(...splitUnits(labelled[2]!));
      continue;
    }
    readVerbs(part, c);
  }
  // The rule's units are responsible here too, after the clause's own units (who come first as the lead).
  if (c.inheritRule) c.responsible.push(...c.inheritRule.filter((u) => !c.responsible.includes(u)));
  if (!c.lead.length && !c.responsible.length && !c.cooperating.length) return null;
  return c;
}

/** `X牵头，Y配合` / `X负责，Y配合` / `X、Y按职责分工负责` / a bare unit list. */
function readVerbs(part: string, c: ClauseUnits): void {
  const segments = part.split(/(?<=牵头|负责|配合|落实|协助|参与|指导)[，,、]/u).filter(Boolean);
  let sawLead = c.lead.length > 0;
  const bare: string[] = [];
  for (const seg of segments) {
    const s = seg.replace(/[，,]$/u, '');
    let m: RegExpExecArray | null;
    const w = s.includes('会同') ? WITH.exec(s) : null;
    if (w && isUnitLike(splitUnits(w[1]!)[0] ?? '')) {
      c.lead.push(...splitUnits(w[1]!));
      const rest = w[2]!.replace(/(?:共同|按职责分工|分别)?(?:负责|落实|实施|推进)$/u, '');
      c.cooperating.push(...splitUnits(rest).filter((u) => !/^(?:有关|相关|其他)(?:部门|单位)$/u.test(u)));
      sawLead = true;
    } else if ((m = LEAD_VERB.exec(s))) {
      c.lead.push(...splitUnits(s.slice(0, m.index)));
      sawLead = true;
    } else if ((m = GUIDE_VERB.exec(s))) {
      c.cooperating.push(...splitUnits(s.slice(0, m.index)));
    } else if ((m = COOP_VERB.exec(s))) {
      c.cooperating.push(...splitUnits(s.slice(0, m.index)));
    } else if ((m = SHARE_VERB.exec(s))) {
      (sawLead ? c.cooperating : c.responsible).push(...splitUnits(s.slice(0, m.index)));
    } else if ((m = RESP_VERB.exec(s))) {
      c.responsible.push(...splitUnits(s.slice(0, m.index)));
      c.ordered = true;
    } else {
      bare.push(...splitUnits(s));
    }
  }
  if (bare.length && bare.every(isUnitLike)) {
    c.responsible.push(...bare);
    c.ordered = true;
  }
}

/** Does a clause name a role (牵头, 负责, 责任单位…), rather than list units bare? */
export function assigns(inner: string): boolean {
  return /牵头|负责|配合|参与|会同|协办|不再列出/u.test(inner) || LABELLED.test(/\s/u.test(inner) ? inner.replace(/\s+/g, '') : inner);
}

/** Does the inside of a parenthesis look like a responsibility clause? */
export function looksLikeClause(inner: string): boolean {
  const t = /\s/u.test(inner) ? inner.replace(/\s+/g, '') : inner;
  if (t.length < 2 || t.length > 400) return false;
  if (/^(?:见|详见|附件|试行|暂行|以下简称|简称|\d{4}年版)/u.test(t) || /〔\d{4}〕/u.test(t)) return false;
  // `（或国家部委）`, `（如五台山沙棘制品有限公司）`: an alternative or an example, not an assignment.
  if (/^(?:或|或者|如|例如|比如|包括|含|以及|和|及|与|即|指|除)/u.test(t)) return false;
  if (LABELLED.test(t) || /牵头|负责|配合|不再列出/u.test(t)) return true;
  // An unlabelled list must end in an organization word somewhere; most parentheses (（一）, （2023年版）) do not.
  if (!/[局委办心府院司行组]/u.test(t)) return false;
  const items = splitUnits(t);
  return items.length > 0 && items.every(isUnitLike) && items.some((u) => /(?:局|委|办|中心|政府|院|公司|支行|监管组|分局)$/u.test(u));
}
