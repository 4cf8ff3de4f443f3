// The unit registry: canonical names, aliases, kinds and history. Seeded
// from a curated data file, extended by what the documents name. A name the
// registry does not know is kept (never dropped) and listed for review; an
// editor's decision maps it to a known unit or confirms it as new.
import { readFileSync } from 'node:fs';
import type { UnitRef } from './types.js';

export type UnitKind =
  | 'county' | 'county-department' | 'town' | 'city-branch' | 'vertical' | 'bank' | 'company'
  | 'party' | 'mass-organization' | 'judicial' | 'collective' | 'other';

export interface UnitRecord {
  /** Stable id: the canonical name when the unit was first registered. */
  id: string;
  name: string;
  aliases: string[];
  kind: UnitKind;
  history: { name: string; until?: string; note?: string }[];
  /** Listed in the curated file (or confirmed by an editor), not only learned. */
  curated: boolean;
  dissolved?: boolean;
  /** A name another body carries as an added brand (加挂牌子): `县商务局` at `县工业和信息化局`. Never merged with it. */
  hostedBy?: string;
  /** Printed names that look like misprints of this unit, kept for review (`县人力资源和社会保障和社会保障局`). */
  misprints?: string[];
}

export interface CuratedFile {
  county?: string;
  city?: string;
  units: { name: string; kind?: UnitKind; aliases?: string[]; history?: { name: string; until?: string; note?: string }[]; dissolved?: boolean; hostedBy?: string }[];
  /** Editor decisions from the review list: printed name → canonical name, or "new". */
  reviewed?: Record<string, string>;
}

const SUFFIX_RE = /(?:局|委|办|办公室|中心|政府|部|院|会|公司|支行|分行|行|组|队|所|站|场|镇|乡|区|社|联|处|科|馆|台|团|厅|署|室|监管组|管理部|分局|委员会|管委会)$/u;
const COLLECTIVE_RE = /^(?:各|县直|有关|相关|其他|其它)|(?:有关|相关|各)?(?:部门|单位|成员单位)$/u;
/** Department words used alone before `等部门`: `公安、交通运输等部门`. */
const DEPARTMENT_WORD_RE = /^(?:公安|交通运输|交通|宣传|教育|工信|市场监管|财政|税务|医保|卫健|卫生健康|民政|人社|住建|自然资源|生态环境|农业农村|水利|应急|应急管理|文旅|文化旅游|发改|统计|司法|审批|审批服务管理|消防|消防救援|林业|能源|退役军人|乡村振兴|医疗保障)$/u;

/**
 * Collective phrases name no one body: `县直各有关部门`, `县直有关单位`, `各相关部门`
 * are one kind, normalized to `有关部门和单位`. Group members (`县数字经济领导小组成员单位`)
 * and `各乡（镇）人民政府` stay named: they denote a known set.
 */
const GENERIC_COLLECTIVE = /^(?:县直|市直|全县|本级)?(?:各|其他|其它)?(?:有关|相关)?(?:部门|单位|部门和单位|单位和部门|部门、单位|局、办|局办|机构)$/u;
export const GENERIC_COLLECTIVE_NAME = '有关部门和单位';
export function isGenericCollective(name: string): boolean {
  return GENERIC_COLLECTIVE.test(name) && /^(?:县直|市直|全县|本级|各|其他|其它|有关|相关)/u.test(name);
}

/** `县人力资源和社会保障和社会保障局` → `县人力资源和社会保障局`: a segment printed twice. */
export function withoutRepeat(name: string): string | null {
  for (let len = Math.floor(name.length / 2); len >= 2; len--) {
    for (let i = 0; i + 2 * len <= name.length; i++) {
      if (name.slice(i, i + len) === name.slice(i + len, i + 2 * len)) return name.slice(0, i + len) + name.slice(i + 2 * len);
    }
  }
  return null;
}

/** Does a printed name look like an organization? */
export function isUnitLike(name: string): boolean {
  const n = name.trim();
  if (n.length < 2 || n.length > 40 || /[。；！？：]/.test(n)) return false;
  return SUFFIX_RE.test(n) || COLLECTIVE_RE.test(n) || DEPARTMENT_WORD_RE.test(n);
}

export function inferKind(name: string): UnitKind {
  if (COLLECTIVE_RE.test(name) || /^各/.test(name)) return 'collective';
  if (/(?:镇|乡)(?:人民政府)?$/.test(name)) return 'town';
  if (/(?:支行|分行|银行|信用社|银保监)/.test(name)) return 'bank';
  if (/公司$/.test(name)) return 'company';
  if (/法院|检察院/.test(name)) return 'judicial';
  if (/^(?:县委|中共)|团县委|县纪委|县委办/.test(name)) return 'party';
  if (/总工会|妇联|科协|残联|工商联|文联|红十字会|团委/.test(name)) return 'mass-organization';
  if (/^(?:市|忻州市).*(?:分局|管理部)$/.test(name)) return 'city-branch';
  if (/税务局|气象局|烟草专卖局|供电/.test(name)) return 'vertical';
  if (/^县/.test(name)) return 'county-department';
  return 'other';
}

const NEEDS_CLEANING = /[\s〈‹<(〉›>)（）等]|^(?:由|请|要求|会同)/u;

/** Printed-name normalization: brackets, spaces, trailing `等…`. */
export function cleanUnitName(printed: string): string {
  // Most names need nothing: one test instead of seven replacements.
  if (!NEEDS_CLEANING.test(printed)) return printed;
  return printed
    .replace(/\s+/g, '')
    .replace(/[〈‹<(]/g, '（')
    .replace(/[〉›>)]/g, '）')
    .replace(/^(?:由|请|要求|会同)/, '')
    .replace(/(?:等(?:有关|相关)?(?:部门|单位|机构)?|等)$/u, '')
    .replace(/^([^（]*)）$/u, '$1')
    .replace(/^（([^）]*)$/u, '$1')
    .trim();
}

export class UnitRegistry {
  private readonly byName = new Map<string, UnitRecord>();
  private readonly records: UnitRecord[] = [];
  readonly county: string;
  readonly city: string;
  /** How often each unit id was named (resolve calls). */
  readonly counts = new Map<string, number>();
  /** Printed names that matched nothing curated: the review list. */
  readonly unknown = new Map<string, number>();
  private readonly reviewed: Record<string, string>;
  private readonly resolved = new Map<string, UnitRef>();

  constructor(curated: CuratedFile) {
    this.county = curated.county ?? '';
    this.city = curated.city ?? '';
    this.reviewed = curated.reviewed ?? {};
    for (const u of curated.units) {
      this.add({
        id: u.name, name: u.name, aliases: u.aliases ?? [], kind: u.kind ?? inferKind(u.name),
        history: u.history ?? [], curated: true, ...(u.dissolved ? { dissolved: true } : {}), ...(u.hostedBy ? { hostedBy: u.hostedBy } : {}),
      });
    }
    this.add({ id: GENERIC_COLLECTIVE_NAME, name: GENERIC_COLLECTIVE_NAME, aliases: [], kind: 'collective', history: [], curated: true });
  }

  static fromFile(path: string): UnitRegistry {
    return new UnitRegistry(JSON.parse(readFileSync(path, 'utf8')) as CuratedFile);
  }

  private add(r: UnitRecord): void {
    this.records.push(r);
    for (const n of [r.name, ...r.aliases, ...r.history.map((h) => h.name)]) {
      for (const v of this.variants(n)) if (!this.byName.has(v)) this.byName.set(v, r);
    }
  }

  /** Spellings that denote the same body: county/city prefix, 人民政府 on towns. */
  variants(name: string): string[] {
    const out = new Set([name]);
    if (this.county && name.startsWith(this.county)) out.add(`县${name.slice(this.county.length)}`);
    if (this.city && name.startsWith(this.city)) out.add(`市${name.slice(this.city.length)}`);
    if (this.county && /^县/.test(name)) out.add(`${this.county}${name.slice(1)}`);
    const town = /^(.{1,4}[镇乡])人民政府$/u.exec(name);
    if (town) out.add(town[1]!);
    // `五台县现代农业产业示范区` / `五台现代农业产业示范区`: the county's name with or without 县.
    const short = this.county.replace(/[县市区旗]$/u, '');
    if (short.length >= 2 && short !== this.county) {
      if (name.startsWith(this.county)) out.add(short + name.slice(this.county.length));
      else if (name.startsWith(short)) out.add(this.county + name.slice(short.length));
    }
    // `…示范区管委会` / `…示范区管理委员会` / `…示范区`: one body.
    for (const v of [...out]) {
      const bare = v.replace(/(?:管委会|管理委员会)$/u, '');
      if (bare !== v && bare.length >= 4) out.add(bare);
    }
    return [...out];
  }

  private lookup(name: string): UnitRecord | undefined {
    for (const v of this.variants(name)) {
      const r = this.byName.get(v);
      if (r) return r;
    }
    // `水利局` in a county's document is the county's: `县水利局`.
    if (this.county && /^[^县市省国中全各有]{2,10}(?:局|委|办)$/u.test(name)) {
      const r = this.byName.get(`县${name}`);
      if (r?.curated) return r;
    }
    // `公安、交通运输等部门`: a bare department word names the `X部门` alias.
    if (DEPARTMENT_WORD_RE.test(name)) {
      const r = this.byName.get(`${name}部门`);
      if (r) return r;
    }
    // `县工业和信息化局（县商务局）`: either half names the unit.
    const paren = /^(.+?)（(.+)）$/u.exec(name);
    if (paren && !/[镇乡]$/.test(paren[2]!)) return this.lookup(paren[1]!) ?? this.lookup(paren[2]!);
    return undefined;
  }

  /** Resolve a printed name; unknown names are registered as learned units and reported. */
  resolve(printed: string): UnitRef {
    // The same printed names recur across clauses: resolve each once.
    const known = this.resolved.get(printed);
    if (known) {
      const id = known.id ?? known.name;
      this.counts.set(id, (this.counts.get(id) ?? 0) + 1);
      if (this.unknown.has(id)) this.unknown.set(id, this.unknown.get(id)! + 1);
      const ref: UnitRef = { id, name: known.name, printed };
      if (known.misprint) ref.misprint = true;
      return ref;
    }
    const ref = this.resolveFresh(printed);
    this.resolved.set(printed, ref);
    return ref;
  }

  private resolveFresh(printed: string): UnitRef {
    const name = cleanUnitName(printed);
    let r = isGenericCollective(name) ? this.byName.get(GENERIC_COLLECTIVE_NAME) : this.lookup(name);
    const decision = this.reviewed[name];
    if (!r && decision && decision !== 'new') r = this.lookup(decision);
    if (!r && !decision) {
      // A misprint of a known unit is resolved to it and listed for review, never made a unit of its own.
      const fixed = withoutRepeat(name);
      const known = fixed ? this.lookup(fixed) : undefined;
      if (known?.curated) {
        (known.misprints ??= []).includes(name) || known.misprints.push(name);
        this.unknown.set(name, (this.unknown.get(name) ?? 0) + 1);
        this.counts.set(known.id, (this.counts.get(known.id) ?? 0) + 1);
        return { id: known.id, name: known.name, printed, misprint: true };
      }
    }
    if (!r) {
      r = { id: name, name, aliases: [], kind: inferKind(name), history: [], curated: decision === 'new' };
      if (!r.curated) this.unknown.set(name, (this.unknown.get(name) ?? 0) + 1);
      this.add(r);
    } else if (r.id !== GENERIC_COLLECTIVE_NAME && name !== r.name && !r.aliases.includes(name) && !this.variants(r.name).includes(name)) {
      r.aliases.push(name);
    }
    this.counts.set(r.id, (this.counts.get(r.id) ?? 0) + 1);
    return { id: r.id, name: r.name, printed };
  }

  list(): (UnitRecord & { mentions: number; needsReview: boolean })[] {
    return this.records
      .map((r) => ({ ...r, mentions: this.counts.get(r.id) ?? 0, needsReview: !r.curated }))
      .sort((a, b) => b.mentions - a.mentions || a.name.localeCompare(b.name, 'zh'));
  }
}
