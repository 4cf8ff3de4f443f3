// The outline tree of one document segment. Depth comes from the numbering
// markers alone (the converter's `#` levels are noise), with a generic stack
// rule as in Word or Bluebell: a marker kind not yet open nests under the
// current node; a kind already open closes everything below it and becomes a
// sibling. Ordinals never decide depth, except to tell a 专栏 box's own list
// from the section list it interrupts. One pass, constant work per block.
import type { Block, Diagnostic, LineRange, OutlineNode } from './types.js';
import { matchMarker, splitRunIn, toChineseNumber, type MarkerKind, type MarkerMatch } from './markers.js';

interface Seen {
  ordinal: number;
  marker: string;
}

interface Frame {
  /** null for the root. */
  node: OutlineNode | null;
  /** Level key: the marker kind, or `decimal:N` for N-part decimal numbers. */
  key: string;
  ordinal: number;
  /** A 专栏 box: its content nests inside it although the same kinds are open outside. */
  column: boolean;
  /** Last child per level key, for sequence checks. */
  last: Map<string, Seen>;
}

/** Leaves hang under the current node and never take children. */
const LEAVES: ReadonlySet<MarkerKind> = new Set(['run-in', 'dash']);
/** Untitled items (a long first sentence) are named by their opening words. */
const EXCERPT = 24;

const keyOf = (m: MarkerMatch): string => (m.kind === 'decimal' ? `decimal:${m.path?.length ?? 1}` : m.kind);

const RANK: Record<string, [string, number]> = {
  'cn-dun': ['main', 1],
  'cn-paren': ['main', 2],
  'arabic-dot': ['main', 3],
  'arabic-paren': ['main', 4],
  circled: ['main', 5],
  chapter: ['law', 1],
  section: ['law', 2],
  article: ['law', 3],
};
const rankOf = (key: string): [string, number] | undefined =>
  key.startsWith('decimal:') ? ['decimal', Number(key.slice(8))] : RANK[key];

/**
 * `a` is a deeper level than `b` in the same numbering scheme. Used only when
 * `b` is not open: a `（一）` after `1.` items closes them instead of nesting
 * under the last one, and `1.2` closes an open `1.1.3` whatever came between.
 */
function deeper(a: string, b: string): boolean {
  const ra = rankOf(a);
  const rb = rankOf(b);
  return !!ra && !!rb && ra[0] === rb[0] && ra[1] > rb[1];
}

function titleOf(m: MarkerMatch): string {
  const { title, body } = splitRunIn(m.rest);
  if (title || !body) return title;
  const chars = [...body.slice(0, EXCERPT * 2)];
  return chars.length > EXCERPT ? `${chars.slice(0, EXCERPT).join('')}…` : body;
}

/** Characters after which `二是` starts a run-in rather than sitting inside a word (`统一是`). */
const RUN_IN_BOUNDARY = new Set(['。', '；', '！', '？', '：', '，', ';', '!', '?', '）', '”']);

/**
 * The last of the run-ins `next是`, `next+1是`… that follow each other in
 * `text`, or `next - 1` when there is none. Later paragraphs then continue
 * (`三是`) the run-ins an earlier paragraph held without a gap warning.
 */
function lastRunIn(text: string, next: number): number {
  let n = next;
  let pos = 0;
  for (; n < 100; n++) {
    const needle = `${toChineseNumber(n)}是`;
    let i = text.indexOf(needle, pos);
    while (i > 0 && !RUN_IN_BOUNDARY.has(text[i - 1]!)) i = text.indexOf(needle, i + 1);
    if (i < 0) break;
    pos = i + needle.length;
  }
  return n - 1;
}

export function buildOutline(blocks: Block[], opts: { idPrefix?: string } = {}): { nodes: OutlineNode[]; diagnostics: Diagnostic[] } {
  const prefix = opts.idPrefix ?? 'o';
  const nodes: OutlineNode[] = [];
  const diagnostics: Diagnostic[] = [];
  const stack: Frame[] = [{ node: null, key: '', ordinal: 0, column: false, last: new Map() }];
  /** Last ordinal per level key anywhere, to accept numbering that runs on across sections. */
  const global = new Map<string, Seen>();
  const matches = blocks.map((b) => (b.kind === 'table' ? null : matchMarker(b.text)));
  // A bare `1 总则` is a heading only in a plan that also numbers `1.1`.
  const decimalPlan = matches.some((m) => m?.kind === 'decimal' && (m.path?.length ?? 0) > 1);

  const top = (): Frame => stack[stack.length - 1]!;

  const attach = (parent: Frame, m: MarkerMatch, lines: LineRange): OutlineNode => {
    const list = parent.node ? parent.node.children : nodes;
    const n = list.length + 1;
    const node: OutlineNode = {
      id: parent.node ? `${parent.node.id}-${n}` : `${prefix}${n}`,
      marker: m.marker,
      level: (parent.node?.level ?? 0) + 1,
      title: titleOf(m),
      lines: [lines[0], lines[1]],
      children: [],
    };
    list.push(node);
    return node;
  };

  const warn = (severity: Diagnostic['severity'], code: string, message: string, line: number) =>
    diagnostics.push({ severity, code, message, line });

  /** Sequence checks against the previous sibling of the same level, then record `last`. */
  const record = (parent: Frame, key: string, m: MarkerMatch, line: number, last = m.ordinal) => {
    const seen: Seen = { ordinal: last, marker: last === m.ordinal ? m.marker : `${toChineseNumber(last)}是` };
    if (m.kind === 'dash') return;
    const prev = parent.last.get(key);
    if (prev && m.ordinal !== prev.ordinal + 1) {
      if (m.ordinal === 1) {
        warn('info', 'outline-restart', `同一层级内编号重新开始：「${prev.marker}」之后是「${m.marker}」`, line);
      } else if (m.ordinal > prev.ordinal + 1) {
        warn('warning', 'outline-gap', `编号不连续：「${prev.marker}」之后是「${m.marker}」，中间缺少编号`, line);
      } else {
        warn('warning', 'outline-disorder', `编号顺序异常：「${prev.marker}」之后是「${m.marker}」`, line);
      }
    } else if (!prev) {
      // First of its level under this parent: 1 restarts, last+1 runs on; a jump past last+1 lost something.
      const g = global.get(key);
      if (g && m.ordinal !== 1 && m.ordinal > g.ordinal + 1) {
        warn('warning', 'outline-gap', `编号不连续：上一个同级编号是「${g.marker}」，这里是「${m.marker}」，中间缺少编号`, line);
      }
    }
    parent.last.set(key, seen);
    global.set(key, seen);
  };

  /** Run-ins held inside a heading's own paragraph (`（五）标题。一是……二是……`). */
  const noteEmbeddedRunIns = (frame: Frame, rest: string) => {
    const n = lastRunIn(rest, 1);
    if (n < 1) return;
    const seen = { ordinal: n, marker: `${toChineseNumber(n)}是` };
    frame.last.set('run-in', seen);
    global.set('run-in', seen);
  };

  /** Where a structural marker goes: the index to pop back to (sibling), or -1 to nest. */
  const openLevel = (key: string, ordinal: number): number => {
    let inner = -1;
    let col = -1;
    let outer = -1;
    for (let i = stack.length - 1; i > 0; i--) {
      const f = stack[i]!;
      if (f.key === key) {
        if (col < 0) inner = inner < 0 ? i : inner;
        else {
          outer = i;
          break;
        }
      }
      if (f.column && col < 0) col = i;
    }
    if (outer < 0) return inner;
    // The same kind is open both inside a 专栏 box and outside it (or only outside):
    // the box keeps items that start or continue its own list.
    const outerFits = ordinal === stack[outer]!.ordinal + 1;
    if (inner >= 0) return ordinal === stack[inner]!.ordinal + 1 || ordinal === 1 || !outerFits ? inner : outer;
    return ordinal === 1 && !outerFits ? -1 : outer;
  };

  blocks.forEach((block, bi) => {
    const m = matches[bi];
    if (block.kind === 'table') {
      // A 专栏 printed as a table still takes its number, so the next box is no gap.
      const t = matchMarker(block.text);
      if (t?.kind === 'column') global.set('column', { ordinal: t.ordinal, marker: t.marker });
      return;
    }
    if (!m) return;
    if (m.kind === 'decimal' && m.path?.length === 1 && !decimalPlan) return;
    const key = keyOf(m);
    const line = block.lines[0];

    if (LEAVES.has(m.kind)) {
      const parent = top();
      attach(parent, m, block.lines);
      record(parent, key, m, line, m.kind === 'run-in' ? lastRunIn(m.rest, m.ordinal + 1) : m.ordinal);
      return;
    }

    let parent: Frame;
    if (m.kind === 'column') {
      // Boxes never nest: a new box closes the one still open.
      const open = stack.findIndex((f) => f.column);
      if (open > 0) stack.length = open;
      parent = top();
    } else {
      const at = openLevel(key, m.ordinal);
      if (at > 0) {
        stack.length = at;
      } else {
        while (stack.length > 1 && !top().column && deeper(top().key, key)) stack.pop();
      }
      parent = top();
    }
    const node = attach(parent, m, block.lines);
    record(parent, key, m, line);
    const frame: Frame = { node, key, ordinal: m.ordinal, column: m.kind === 'column', last: new Map() };
    noteEmbeddedRunIns(frame, m.rest);
    stack.push(frame);
  });

  return { nodes, diagnostics };
}
