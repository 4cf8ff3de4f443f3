// The document body (clean text with headings, tables, signature) and the
// outline navigator whose links point at the body's anchors.
import type { FC } from 'hono/jsx';
import type { OutlineNode, Table } from '../../parse/types.js';
import { headerGrid, type HeaderCell } from '../../parse/table-header.js';
import { TableWrap } from './components.js';
import { splitLead, type BodyItem } from './body-layout.js';
import { truncate } from './format.js';

/** From this many columns a table is printed on its own landscape page. */
const WIDE_COLUMNS = 7;

const isTotal = (row: string[]) => /^(合计|总计|小计|共计)/.test((row[0] ?? '').replace(/\s+/g, '') || (row[1] ?? '').replace(/\s+/g, ''));

const hasLabel = (r: readonly string[]) => r.some((c) => c.trim() !== '');

export const DocTable: FC<{ table: Table; n: number }> = ({ table, n }) => {
  const label = table.caption ?? `表${n}`;
  // Header rows without a label would print as empty bands.
  const levels = (table.headerRows ?? []).filter(hasLabel);
  const columns = Math.max(0, table.header.length, ...levels.map((r) => r.length), ...table.rows.map((r) => r.length));
  // A header printed over several rows shows its merged cells; the flat `parent/child` labels are for the API and CSV.
  const head: HeaderCell[][] =
    levels.length >= 2 ? headerGrid(levels, columns)
    : hasLabel(table.header) ? [table.header.map((text) => ({ text, colspan: 1, rowspan: 1 }))]
    : [];
  // A wide table prints on landscape pages, scaled to the page width: never cut (assets/app.css, @media print).
  return (
    <figure class={columns >= WIDE_COLUMNS ? 'doc-table wide' : 'doc-table'}>
      <TableWrap label={label}>
        <table>
          {table.caption ? <caption>{table.caption}</caption> : null}
          {head.length ? (
            <thead>
              {head.map((r) => (
                <tr>
                  {r.map((c) => (
                    <th scope={c.colspan > 1 ? 'colgroup' : 'col'} colspan={c.colspan > 1 ? c.colspan : undefined} rowspan={c.rowspan > 1 ? c.rowspan : undefined}>{c.text}</th>
                  ))}
                </tr>
              ))}
            </thead>
          ) : null}
          <tbody>
            {table.rows.map((r) => <tr class={isTotal(r) ? 'total' : undefined}>{r.map((c) => <td>{c}</td>)}</tr>)}
          </tbody>
        </table>
      </TableWrap>
    </figure>
  );
};

const Anchors: FC<{ ids: string[] }> = ({ ids }) => <>{ids.map((id) => <span id={id} class="anchor"></span>)}</>;

const Heading: FC<{ item: BodyItem }> = ({ item }) => {
  const id = item.ids[0];
  const level = item.level ?? 1;
  if (level <= 1) return <h3 id={id} class="body-h body-h1">{item.text}</h3>;
  if (level === 2) return <h4 id={id} class="body-h body-h2">{item.text}</h4>;
  return <h5 id={id} class="body-h body-h3">{item.text}</h5>;
};

export const DocBody: FC<{ items: BodyItem[] }> = ({ items }) => {
  let tables = 0;
  return (
    <div class="doc-body">
      {items.map((item) => {
        const [own, ...extra] = item.ids;
        const anchors = extra.length ? <Anchors ids={extra} /> : null;
        switch (item.kind) {
          case 'table':
            return <>{own ? <Anchors ids={[own]} /> : null}{anchors}<DocTable table={item.table!} n={++tables} /></>;
          case 'heading':
            return <>{anchors}<Heading item={item} /></>;
          case 'enclosure':
            return <>{anchors}<h3 id={own} class="body-enclosure">{item.text}</h3></>;
          default: {
            if (item.lead) {
              const [lead, rest] = splitLead(item.text, item.lead);
              return <>{anchors}<p id={own} class="body-p"><strong class="runin">{lead}</strong>{rest}</p></>;
            }
            if (!item.text) return <>{own ? <Anchors ids={[own]} /> : null}{anchors}</>;
            return <>{anchors}<p id={own} class={`body-${item.kind === 'paragraph' ? 'p' : item.kind}`}>{item.text}</p></>;
          }
        }
      })}
    </div>
  );
};

const OutlineList: FC<{ nodes: OutlineNode[]; depth: number }> = ({ nodes, depth }) => (
  <ol class={`outline-list depth-${depth}`}>
    {nodes.map((n) => (
      <li>
        <a href={`#${n.id}`} title={`${n.marker}${n.title}`}>{truncate(`${n.marker}${n.title}`, depth === 1 ? 22 : 26)}</a>
        {n.children.length && depth < 3 ? <OutlineList nodes={n.children} depth={depth + 1} /> : null}
      </li>
    ))}
  </ol>
);

export const OutlineNav: FC<{ outline: OutlineNode[] }> = ({ outline }) =>
  outline.length ? (
    <nav class="outline" aria-label="文件提纲">
      <details class="outline-box" open>
        <summary>提纲导航</summary>
        <OutlineList nodes={outline} depth={1} />
        <p class="outline-top"><a href="#main">回到顶部</a></p>
      </details>
    </nav>
  ) : null;
