// Layout of a document's citation graph, drawn as combs so that nothing
// overlaps whatever the number of documents: the documents that repeal or cite
// this one stand in groups above it, what it cites or repeals in groups below.
// Each group is a grid of boxes; a spine in the gutter left of each column
// reaches every box in that column, a bus over the group joins the spines, and
// a trunk at the page edge joins the buses to the document (left trunk for
// arrows into it, right trunk for arrows out of it). Lines run only in gutters,
// in the band over a group, or beside the document, never through a box.
// `columns` = 1 gives the phone drawing (272 units wide: drawn at full size on
// a 390 px screen).

export interface LayoutItem {
  label: string;
  title: string;
  href: string | null;
  kind: 'document' | 'stub';
}

export interface LayoutGroup {
  heading: string;
  /** in: the items point at the document; out: the document points at them. */
  direction: 'in' | 'out';
  edge: 'cites' | 'repeals';
  items: LayoutItem[];
}

export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface PlacedItem extends LayoutItem, Box {}

export interface Segment {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  edge: 'cites' | 'repeals';
  /** An arrowhead at (x2, y2). */
  arrow: boolean;
}

export interface GraphLayout {
  width: number;
  height: number;
  self: Box;
  items: PlacedItem[];
  segments: Segment[];
  headings: { text: string; x: number; y: number }[];
}

export const NODE_W = 204;
export const NODE_H = 40;
const GUTTER = 28; // left of each column: its spine runs at GUTTER / 2
const ROW_GAP = 12;
const PAD = 20; // the trunks run at PAD / 2
const HEAD = 26; // group heading, then the bus
const GROUP_GAP = 18;

export function layoutGraph(groups: readonly LayoutGroup[], columns: number): GraphLayout {
  const used = groups.filter((g) => g.items.length);
  const cols = Math.max(1, Math.min(columns, Math.max(1, ...used.map((g) => g.items.length))));
  const width = 2 * PAD + cols * (GUTTER + NODE_W);
  const colX = (j: number) => PAD + j * (GUTTER + NODE_W); // the gutter's left edge
  const items: PlacedItem[] = [];
  const segments: Segment[] = [];
  const headings: GraphLayout['headings'] = [];
  let y = PAD;

  /** One group at y; returns the bus height and the bottom. */
  const place = (g: LayoutGroup, top: number): { bus: number; bottom: number; lastSpine: number } => {
    headings.push({ text: `${g.heading}（${g.items.length}）`, x: colX(0) + GUTTER / 2, y: top + 14 });
    const bus = top + HEAD;
    const first = bus + 10;
    const rows = Math.ceil(g.items.length / cols);
    let lastSpine = colX(0) + GUTTER / 2;
    for (let j = 0; j < cols; j++) {
      const inCol = g.items.filter((_, k) => k % cols === j);
      if (!inCol.length) continue;
      const spine = colX(j) + GUTTER / 2;
      lastSpine = spine;
      inCol.forEach((it, r) => {
        const box = { x: colX(j) + GUTTER, y: first + r * (NODE_H + ROW_GAP), w: NODE_W, h: NODE_H };
        items.push({ ...it, ...box });
        const mid = box.y + NODE_H / 2;
        segments.push(g.direction === 'out'
          ? { x1: spine, y1: mid, x2: box.x, y2: mid, edge: g.edge, arrow: true }
          : { x1: box.x, y1: mid, x2: spine, y2: mid, edge: g.edge, arrow: false });
      });
      segments.push({ x1: spine, y1: bus, x2: spine, y2: first + (inCol.length - 1) * (NODE_H + ROW_GAP) + NODE_H / 2, edge: g.edge, arrow: false });
    }
    return { bus, bottom: first + rows * (NODE_H + ROW_GAP) - ROW_GAP, lastSpine };
  };

  const incoming = used.filter((g) => g.direction === 'in');
  const outgoing = used.filter((g) => g.direction === 'out');
  const inBuses: { bus: number; edge: Segment['edge']; lastSpine: number }[] = [];
  for (const g of incoming) {
    const p = place(g, y);
    inBuses.push({ bus: p.bus, edge: g.edge, lastSpine: p.lastSpine });
    y = p.bottom + GROUP_GAP;
  }
  const selfW = Math.min(width - 2 * PAD - 2 * GUTTER, NODE_W + 56);
  const self: Box = { x: (width - selfW) / 2, y: incoming.length ? y + 6 : y, w: selfW, h: NODE_H + 8 };
  const selfMid = self.y + self.h / 2;
  y = self.y + self.h + GROUP_GAP + 6;
  const left = PAD / 2;
  const right = width - PAD / 2;
  for (const b of inBuses) segments.push({ x1: b.lastSpine, y1: b.bus, x2: left, y2: b.bus, edge: b.edge, arrow: false });
  if (inBuses.length) {
    segments.push({ x1: left, y1: inBuses[0]!.bus, x2: left, y2: selfMid, edge: inBuses[0]!.edge, arrow: false });
    segments.push({ x1: left, y1: selfMid, x2: self.x, y2: selfMid, edge: inBuses[inBuses.length - 1]!.edge, arrow: true });
  }
  const outBuses: { bus: number; edge: Segment['edge'] }[] = [];
  for (const g of outgoing) {
    const p = place(g, y);
    outBuses.push({ bus: p.bus, edge: g.edge });
    segments.push({ x1: right, y1: p.bus, x2: colX(0) + GUTTER / 2, y2: p.bus, edge: g.edge, arrow: false });
    y = p.bottom + GROUP_GAP;
  }
  if (outBuses.length) {
    segments.push({ x1: self.x + self.w, y1: selfMid, x2: right, y2: selfMid, edge: outBuses[0]!.edge, arrow: false });
    segments.push({ x1: right, y1: selfMid, x2: right, y2: outBuses[outBuses.length - 1]!.bus, edge: outBuses[0]!.edge, arrow: false });
  }
  const height = Math.max(y - GROUP_GAP + PAD, self.y + self.h + PAD);
  return { width, height, self, items, segments, headings };
}

/** Whether a segment passes through the inside of a box (touching its edge is fine). */
export function crosses(s: Segment, b: Box): boolean {
  const [x1, x2] = [Math.min(s.x1, s.x2), Math.max(s.x1, s.x2)];
  const [y1, y2] = [Math.min(s.y1, s.y2), Math.max(s.y1, s.y2)];
  return x2 > b.x && x1 < b.x + b.w && y2 > b.y && y1 < b.y + b.h;
}

export const overlaps = (a: Box, b: Box): boolean => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
