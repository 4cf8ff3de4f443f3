// Line-level repair of PDF-conversion damage. Each rule is a small pure
// function so it can be unit-tested alone; `normalizeLine` composes them.
// The original line is never changed: callers keep `raw` beside the result.

const HAN = '\\p{Script=Han}';
/** CJK punctuation and full-width forms, plus curly quotes used in Chinese text. */
const CJK_PUNCT = '\\u3000-\\u303f\\uff00-\\uffef“”‘’《》〈〉';

const SUPERSCRIPT: Record<string, string> = {
  '0': '⁰', '1': '¹', '2': '²', '3': '³', '4': '⁴', '5': '⁵', '6': '⁶', '7': '⁷', '8': '⁸', '9': '⁹', '+': '⁺', '-': '⁻',
};
const toSuperscript = (s: string): string => [...s].map((c) => SUPERSCRIPT[c] ?? c).join('');

/** `$84.05\text{km}^2$` → `84.05km²`. Only the LaTeX that converters emit for units and numbers. */
export function stripLatex(s: string): string {
  if (!s.includes('$')) return s;
  return s.replace(/\$([^$\n]{0,200})\$/g, (_m, body: string) =>
    body
      .replace(/\\(?:text|mathrm|mathbf|rm|operatorname)\s*\{([^{}]*)\}/g, '$1')
      .replace(/\^\{([^{}]*)\}/g, (_x, e: string) => toSuperscript(e))
      .replace(/\^([0-9+-])/g, (_x, e: string) => toSuperscript(e))
      .replace(/_\{([^{}]*)\}/g, '$1')
      .replace(/\\(?:times|cdot)/g, '×')
      .replace(/\\%/g, '%')
      .replace(/\\[a-zA-Z]+/g, '')
      .replace(/[{}]/g, '')
      .replace(/\s+/g, ''),
  );
}

/** HTML residue: `<sup>2</sup>` → `²`, `<b>`/`<sub>`… dropped, their text kept. */
export function stripHtml(s: string): string {
  if (!s.includes('<')) return s;
  return s
    .replace(/<sup>\s*([^<]{0,20}?)\s*<\/sup>/gi, (_m, t: string) => toSuperscript(t))
    .replace(/<\/?(?:b|i|u|s|em|strong|sub|sup|span|font|br|p|div|center|small|big|mark)\b[^<>]{0,200}>/gi, '');
}

export interface MarkupInfo {
  text: string;
  /** The line was a markdown heading (`#…`). Its depth is meaningless and dropped. */
  heading: boolean;
  /** The line was a markdown list item (`- …`). */
  listItem: boolean;
  /** The whole line was bold (`**…**`). */
  bold: boolean;
}

/** Markdown residue: heading hashes, list bullets, bold/italic markers, table pipes. */
export function stripMarkdown(s: string): MarkupInfo {
  let t = s.trim();
  let heading = false;
  let listItem = false;
  const h = /^#{1,6}(?=\s|$)\s*/.exec(t);
  if (h) {
    heading = true;
    t = t.slice(h[0].length);
  }
  const li = /^[-*+•·](?:\s+|$)/.exec(t);
  if (li) {
    listItem = true;
    t = t.slice(li[0].length);
  }
  if (t.startsWith('|') || t.endsWith('|')) {
    // A markdown table row: keep the cell texts, separated by spaces.
    t = t.replace(/\|/g, ' ').trim();
    if (/^[-:\s]*$/.test(t)) t = '';
  }
  const bold = /^\*\*[^*].*\*\*$/.test(t);
  t = t.replace(/\*\*|__/g, '');
  return { text: t.trim(), heading, listItem, bold };
}

const FULLWIDTH_ASCII = /[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a\uff05\uff0b\uff0d\uff0e\uff0f\uff1d]/g;

/**
 * Unify full- and half-width forms the Chinese way: letters and digits
 * half-width, punctuation full-width where it sits in Chinese text.
 */
const QUESTION_NEAR_HAN = new RegExp(`(?<=[${HAN}])\\?|\\?(?=[${HAN}])`, 'gu');
const BANG_NEAR_HAN = new RegExp(`(?<=[${HAN}])!|!(?=[${HAN}])`, 'gu');
const HAN_TEST = /\p{Script=Han}/u;

export function unifyWidths(s: string): string {
  let t = s.includes('\u3000') ? s.replace(/\u3000/g, ' ') : s;
  t = t.replace(FULLWIDTH_ASCII, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
  if (!HAN_TEST.test(t)) return t;
  // Each rule runs only when its character is present: most lines have none.
  if (t.includes('(')) t = t.replace(/\(/g, '（');
  if (t.includes(')')) t = t.replace(/\)/g, '）');
  if (t.includes(',')) t = t.replace(/(?<!\d),|,(?!\d)/g, '，');
  if (t.includes(':')) t = t.replace(/(?<!\d):|:(?!\d)/g, '：');
  if (t.includes(';')) t = t.replace(/;/g, '；');
  if (t.includes('?')) t = t.replace(QUESTION_NEAR_HAN, '？');
  if (t.includes('!')) t = t.replace(BANG_NEAR_HAN, '！');
  if (t.endsWith('.')) t = t.replace(/(?<=\p{Script=Han})\.$/u, '。');
  return unifyAngleParens(t);
}

/**
 * Angle brackets standing in for parentheses (`各乡〈镇〉`, `‹镇>`) become
 * `（镇）`; inside a `《title》` the `〈〉` nesting is real and is kept.
 */
export function unifyAngleParens(s: string): string {
  if (!/[〈‹<]/.test(s)) return s;
  let out = '';
  let depth = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (c === '《') depth++;
    else if (c === '》') depth = Math.max(0, depth - 1);
    if ((c === '〈' || c === '‹' || c === '<') && depth === 0) {
      const close = /^([^〈〉‹›<>《》]{1,12}?)[〉›>]/u.exec(s.slice(i + 1, i + 16));
      if (close && /\p{Script=Han}/u.test(close[1]!)) {
        out += `（${close[1]}）`;
        i += close[0].length;
        continue;
      }
    }
    if (c === '‹' && depth > 0) {
      out += '〈';
      continue;
    }
    out += c;
  }
  return out.replace(/〈([^〈〉]{1,40})[›>]/g, '〈$1〉');
}

const SPACE_BETWEEN_CJK = new RegExp(`(?<=[${HAN}${CJK_PUNCT}])[ \\t]+(?=[${HAN}${CJK_PUNCT}\\d])`, 'gu');
const SPACE_DIGIT_CJK = new RegExp(`(?<=[\\d%])[ \\t]+(?=[${HAN}${CJK_PUNCT}])`, 'gu');

/** `通 知` → `通知`, `2022 年 8 月` → `2022年8月`: spaces carry no meaning in Chinese text. */
export function removeCjkSpaces(s: string): string {
  if (!s.includes(' ') && !s.includes('\t')) return s;
  return s.replace(SPACE_BETWEEN_CJK, '').replace(SPACE_DIGIT_CJK, '');
}

const TRADITIONAL: Record<string, string> = {
  設: '设', 進: '进', 開: '开', 關: '关', 門: '门', 會: '会', 時: '时', 實: '实', 發: '发', 對: '对', 業: '业',
  務: '务', 機: '机', 經: '经', 區: '区', 縣: '县', 鎮: '镇', 鄉: '乡', 農: '农', 廳: '厅', 營: '营', 規: '规',
  劃: '划', 應: '应', 總: '总', 辦: '办', 資: '资', 費: '费', 衛: '卫', 療: '疗', 險: '险', 個: '个', 們: '们',
  國: '国', 東: '东', 電: '电', 長: '长', 書: '书', 認: '认', 證: '证', 點: '点', 黨: '党', 學: '学', 專: '专',
  劑: '剂', 檢: '检', 場: '场', 環: '环', 護: '护', 產: '产', 現: '现', 項: '项', 體: '体', 報: '报', 單: '单',
  條: '条', 處: '处', 據: '据', 與: '与', 為: '为', 構: '构', 監: '监', 測: '测', 統: '统', 計: '计', 議: '议',
};
const TRADITIONAL_RE = new RegExp(`[${Object.keys(TRADITIONAL).join('')}]`, 'g');

const AND_BETWEEN_HAN = new RegExp(`(?<=[${HAN}])\\s*\\band\\b\\s*(?=[${HAN}])`, 'gu');
const ROMAN = { I: 'Ⅰ', II: 'Ⅱ', III: 'Ⅲ', IV: 'Ⅳ', V: 'Ⅴ' } as Record<string, string>;

/** Recognition errors: stray traditional characters, `and` for 和, Latin Roman numerals. */
export function repairRecognition(s: string): string {
  let t = s;
  if (TRADITIONAL_RE.test(t)) t = t.replace(TRADITIONAL_RE, (c) => TRADITIONAL[c] ?? c);
  TRADITIONAL_RE.lastIndex = 0;
  if (t.includes('and')) t = t.replace(AND_BETWEEN_HAN, '和');
  if (/[IV]/.test(t)) t = t.replace(/(?<![A-Za-z])(IV|III|II|I|V)(?=\s*[级类型期档])/g, (r) => ROMAN[r] ?? r);
  return t;
}

/** A page footer (`- 84 -`, `—12—`, `第 3 页`) or a horizontal rule: no content. */
export function isPageFurniture(text: string): boolean {
  const t = text.trim();
  return (
    /^[-—–~]{0,2}\s*\d{1,4}\s*[-—–~]{1,2}$/.test(t) ||
    /^[-—–]{1,2}\s*\d{1,4}\s*[-—–~]{0,2}$/.test(t) ||
    /^第\s*\d{1,4}\s*页(\s*共\s*\d{1,4}\s*页)?$/.test(t) ||
    /^(?:[-=_*]\s*){3,}$/.test(t)
  );
}

/** Normalize one line of body text (not a table row). */
export function normalizeText(s: string): string {
  const t = removeCjkSpaces(repairRecognition(unifyWidths(stripHtml(stripLatex(s)))));
  return (/\s\s|[\t\n\r\f\v\u00a0]/.test(t) ? t.replace(/\s+/g, ' ') : t).trim();
}
