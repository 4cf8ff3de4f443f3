// A document's citations as a server-rendered SVG (graph-layout.ts: combs
// that never overlap), drawn twice: several columns for a wide screen, one for
// a phone, the CSS showing one. The same lists follow as text. No JavaScript.
import type { FC } from 'hono/jsx';
import { graphOf, nodeLabel, type CitationLink } from '../services/citations.js';
import type { DocumentView } from '../services/library.js';
import { layoutGraph, type GraphLayout, type LayoutGroup } from './graph-layout.js';
import { Layout } from './layout.js';
import { Section } from './components.js';
import { CiteLists } from './document-facts.js';
import { truncate } from './format.js';

const r1 = (n: number) => Math.round(n * 10) / 10;
/** Columns for a wide screen: enough that a group of many documents stays short. */
const wideColumns = (most: number) => Math.min(3, Math.max(1, Math.ceil(most / 4)));

export function graphGroups(view: DocumentView): LayoutGroup[] {
  const item = (c: CitationLink) => ({
    label: nodeLabel(c), title: [c.docNumber, c.title ? `《${c.title}》` : null].filter(Boolean).join(' '),
    href: c.documentId ? `/documents/${c.documentId}` : null, kind: c.documentId ? 'document' as const : 'stub' as const,
  });
  return [
    { heading: '废止本文的文件', direction: 'in', edge: 'repeals', items: view.repealedBy.map(item) },
    { heading: '引用本文的文件', direction: 'in', edge: 'cites', items: view.citedBy.map(item) },
    { heading: '本文引用', direction: 'out', edge: 'cites', items: view.cites.map(item) },
    { heading: '本文废止', direction: 'out', edge: 'repeals', items: view.repeals.map(item) },
  ];
}

export const GraphSvg: FC<{ layout: GraphLayout; self: string; title: string; variant: string }> = ({ layout, self, title, variant }) => {
  const { width, height } = layout;
  const w = Math.round(width);
  const h = Math.round(height);
  return (
    <svg class={`graph graph-${variant}`} viewBox={`0 0 ${w} ${h}`} width={w} height={h} role="group" aria-label={`${title}的引用关系图`}>
      <title>{`${title}的引用关系图`}</title>
      <defs>
        <marker id={`arrow-cites-${variant}`} viewBox="0 0 10 10" refX="9" refY="5" markerWidth="8" markerHeight="8" orient="auto-start-reverse"><path d="M0 0L10 5L0 10z" class="arrow-cites" /></marker>
        <marker id={`arrow-repeals-${variant}`} viewBox="0 0 10 10" refX="9" refY="5" markerWidth="8" markerHeight="8" orient="auto-start-reverse"><path d="M0 0L10 5L0 10z" class="arrow-repeals" /></marker>
      </defs>
      {layout.segments.map((s) => (
        <line x1={r1(s.x1)} y1={r1(s.y1)} x2={r1(s.x2)} y2={r1(s.y2)} class={`edge edge-${s.edge}`}
          marker-end={s.arrow ? `url(#arrow-${s.edge}-${variant})` : undefined} />
      ))}
      {layout.headings.map((t) => <text x={r1(t.x)} y={r1(t.y)} class="graph-heading">{t.text}</text>)}
      <g class="node node-self">
        <rect x={r1(layout.self.x)} y={r1(layout.self.y)} width={r1(layout.self.w)} height={r1(layout.self.h)} rx="6" />
        <text x={r1(layout.self.x + layout.self.w / 2)} y={r1(layout.self.y + layout.self.h / 2 + 5)} text-anchor="middle">{truncate(self, 13)}</text>
      </g>
      {layout.items.map((n) => {
        const box = (
          <g class={`node node-${n.kind}`}>
            <title>{n.title || n.label}</title>
            <rect x={r1(n.x)} y={r1(n.y)} width={n.w} height={n.h} rx="6" />
            <text x={r1(n.x + n.w / 2)} y={r1(n.y + n.h / 2 + 5)} text-anchor="middle">{truncate(n.label, 13)}</text>
          </g>
        );
        return n.href ? <a href={n.href} aria-label={n.title || n.label}>{box}</a> : box;
      })}
    </svg>
  );
};

export const GraphPage: FC<{ view: DocumentView }> = ({ view }) => {
  const doc = view.summary;
  const groups = graphGroups(view);
  const total = graphOf(doc, view).nodes.length - 1;
  const self = doc.docNumber ?? truncate(doc.title, 13);
  const most = Math.max(...groups.map((g) => g.items.length));
  const wide = wideColumns(most);
  const label = doc.docNumber ?? '公文';
  return (
    <Layout title={`${label} 引用关系`} nav="none" headerSearch
      crumbs={[{ label: label, href: `/documents/${doc.id}` }, { label: '引用关系图' }]}>
      <h1 class="page-title">引用关系图</h1>
      <p class="page-lead"><a href={`/documents/${doc.id}`}>{doc.title}</a>{doc.docNumber ? `（${doc.docNumber}）` : ''}</p>
      <Section id="graph" title="关系图" lead={`${total} 个相关文件`}>
        {most ? (
          <div class={wide > 1 ? 'graph-wrap has-narrow' : 'graph-wrap'}>
            <GraphSvg layout={layoutGraph(groups, wide)} self={self} title={doc.title} variant="wide" />
            {wide > 1 ? <GraphSvg layout={layoutGraph(groups, 1)} self={self} title={doc.title} variant="narrow" /> : null}
          </div>
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
        <CiteLists view={view} />
      </Section>
    </Layout>
  );
};
