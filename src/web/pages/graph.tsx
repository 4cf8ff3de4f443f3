// A document's citation neighbourhood as a server-rendered SVG (nodes on an
// ellipse around the document, arrows for "cites" and "repeals"), plus the
// same facts as lists. No JavaScript needed.
import type { FC } from 'hono/jsx';
import type { citationGraph, GraphNode } from '../services/insights.js';
import type { DocumentSummary } from '../services/library.js';
import { Layout } from './layout.js';
import { Section, Tag } from './components.js';
import { truncate } from './format.js';

type Graph = ReturnType<typeof citationGraph>;

const NODE_W = 204;
const NODE_H = 40;

interface Placed extends GraphNode {
  x: number;
  y: number;
}

export function placeNodes(g: Graph): { nodes: Placed[]; width: number; height: number } {
  const others = g.nodes.filter((n) => n.kind !== 'self');
  const rx = others.length > 1 ? 300 : 0;
  const ry = others.length <= 2 ? 100 : Math.max(150, others.length * 16);
  const nodes: Placed[] = [];
  for (const n of g.nodes) if (n.kind === 'self') nodes.push({ ...n, x: 0, y: 0 });
  others.forEach((n, k) => {
    const a = -Math.PI / 2 + (2 * Math.PI * k) / Math.max(others.length, 1) + (others.length === 2 ? Math.PI / 2 : 0);
    nodes.push({ ...n, x: others.length === 1 ? 0 : rx * Math.cos(a), y: others.length === 1 ? -ry : ry * Math.sin(a) });
  });
  // Fit the drawing: shift everything into a box with a margin round the nodes.
  const pad = 20;
  const minX = Math.min(...nodes.map((n) => n.x)) - NODE_W / 2 - pad;
  const minY = Math.min(...nodes.map((n) => n.y)) - NODE_H / 2 - pad;
  const maxX = Math.max(...nodes.map((n) => n.x)) + NODE_W / 2 + pad;
  const maxY = Math.max(...nodes.map((n) => n.y)) + NODE_H / 2 + pad;
  const width = Math.max(maxX - minX, 2 * NODE_W + 2 * pad);
  const dx = -minX + (width - (maxX - minX)) / 2;
  for (const n of nodes) (n.x += dx), (n.y -= minY);
  return { nodes, width, height: maxY - minY };
}

/** Where the segment from a to b leaves a's box and enters b's box. */
function clip(a: Placed, b: Placed): [number, number, number, number] {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const t = Math.min((NODE_W / 2 + 4) / Math.abs(dx || 1e-9), (NODE_H / 2 + 4) / Math.abs(dy || 1e-9));
  return [a.x + dx * t, a.y + dy * t, b.x - dx * t, b.y - dy * t];
}

const r1 = (n: number) => Math.round(n * 10) / 10;

export const GraphSvg: FC<{ graph: Graph; title: string }> = ({ graph, title }) => {
  const { nodes, width, height } = placeNodes(graph);
  const at = new Map(nodes.map((n) => [n.id, n]));
  return (
    <svg class="graph" viewBox={`0 0 ${Math.round(width)} ${Math.round(height)}`} role="group" aria-label={`${title}的引用关系图`}>
      <title>{`${title}的引用关系图`}</title>
      <defs>
        <marker id="arrow-cites" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="8" markerHeight="8" orient="auto-start-reverse"><path d="M0 0L10 5L0 10z" class="arrow-cites" /></marker>
        <marker id="arrow-repeals" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="8" markerHeight="8" orient="auto-start-reverse"><path d="M0 0L10 5L0 10z" class="arrow-repeals" /></marker>
      </defs>
      {graph.edges.map((e) => {
        const a = at.get(e.from);
        const b = at.get(e.to);
        if (!a || !b) return null;
        const [x1, y1, x2, y2] = clip(a, b);
        return <line x1={r1(x1)} y1={r1(y1)} x2={r1(x2)} y2={r1(y2)} class={`edge edge-${e.kind}`} marker-end={`url(#arrow-${e.kind})`} />;
      })}
      {nodes.map((n) => {
        const box = (
          <g class={`node node-${n.kind}`}>
            <title>{n.label}</title>
            <rect x={r1(n.x - NODE_W / 2)} y={r1(n.y - NODE_H / 2)} width={NODE_W} height={NODE_H} rx="6" />
            <text x={r1(n.x)} y={r1(n.y + 5)} text-anchor="middle">{truncate(n.label, 14)}</text>
          </g>
        );
        return n.documentId && n.kind !== 'self' ? <a href={`/documents/${n.documentId}`} aria-label={n.label}>{box}</a> : box;
      })}
    </svg>
  );
};

const NodeItem: FC<{ n: GraphNode | undefined }> = ({ n }) =>
  n ? (
    <li>{n.documentId ? <a href={`/documents/${n.documentId}`}>{n.label}</a> : <span>{n.label}</span>}{n.kind === 'stub' ? <Tag kind="stub">文库未收录</Tag> : null}</li>
  ) : null;

export const GraphPage: FC<{ doc: DocumentSummary; graph: Graph }> = ({ doc, graph }) => {
  const self = graph.nodes.find((n) => n.kind === 'self')!;
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  const lists: [string, GraphNode[]][] = [
    ['本文引用', graph.edges.filter((e) => e.from === self.id && e.kind === 'cites').map((e) => byId.get(e.to)!)],
    ['本文废止', graph.edges.filter((e) => e.from === self.id && e.kind === 'repeals').map((e) => byId.get(e.to)!)],
    ['引用本文的文件', graph.edges.filter((e) => e.to === self.id && e.kind === 'cites').map((e) => byId.get(e.from)!)],
    ['废止本文的文件', graph.edges.filter((e) => e.to === self.id && e.kind === 'repeals').map((e) => byId.get(e.from)!)],
  ];
  const label = doc.docNumber ?? '公文';
  return (
    <Layout title={`${label} 引用关系`} nav="none" headerSearch
      crumbs={[{ label: label, href: `/documents/${doc.id}` }, { label: '引用关系图' }]}>
      <h1 class="page-title">引用关系图</h1>
      <p class="page-lead"><a href={`/documents/${doc.id}`}>{doc.title}</a>{doc.docNumber ? `（${doc.docNumber}）` : ''}</p>
      <Section id="graph" title="关系图" lead={`${graph.nodes.length - 1} 个相关文件`}>
        {graph.nodes.length > 1 ? (
          <div class="graph-wrap"><GraphSvg graph={graph} title={doc.title} /></div>
        ) : <p class="muted">本文与文库中的其他文件暂无引用或废止关系。</p>}
        <ul class="legend" aria-label="图例">
          <li><span class="swatch swatch-self"></span>本文</li>
          <li><span class="swatch swatch-doc"></span>文库已收录（可点击）</li>
          <li><span class="swatch swatch-stub"></span>文库未收录</li>
          <li><span class="swatch swatch-cites"></span>引用</li>
          <li><span class="swatch swatch-repeals"></span>废止</li>
        </ul>
      </Section>
      <Section id="graph-list" title="关系列表">
        <div class="cite-grid">
          {lists.map(([title, nodes]) => (
            <div class="cite-block">
              <h3>{title}<span class="count">{nodes.length}</span></h3>
              {nodes.length ? <ul class="cite-list">{nodes.map((n) => <NodeItem n={n} />)}</ul> : <p class="muted">无</p>}
            </div>
          ))}
        </div>
      </Section>
    </Layout>
  );
};
