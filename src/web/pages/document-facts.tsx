// What a document decides: tasks by responsible unit, and its citations in
// both directions.
import type { FC } from 'hono/jsx';
import type { Deadline, Responsibility, UnitRef } from '../../extract/types.js';
import type { CitationLink, DocumentView } from '../services/library.js';
import type { Interpretation } from '../../store/editorial.js';
import { Section, Tag } from './components.js';
import { cnDate, ROLE_LABEL, truncate, unitHref } from './format.js';
import type { RelatedDocument } from '../services/related.js';

type Role = 'lead' | 'responsible' | 'cooperating' | 'inherited';

interface UnitGroup {
  id: string | null;
  name: string;
  counts: Record<Role, number>;
  earliest: string | null;
  tasks: { r: Responsibility; role: Role }[];
}

export function deadlineLabel(d: Deadline | null): string {
  if (!d) return '未明确';
  if (d.kind === 'recurring') return `${d.text}（周期性）`;
  if (d.date && d.text && !d.text.includes(cnDate(d.date))) return `${cnDate(d.date)}（${d.text}）`;
  return d.date ? cnDate(d.date) : d.text;
}

export function groupByUnit(list: Responsibility[]): UnitGroup[] {
  const groups = new Map<string, UnitGroup>();
  for (const r of list) {
    const roles: [Role, UnitRef[]][] = [['lead', r.leadUnits], ['responsible', r.responsibleUnits], ['cooperating', r.cooperatingUnits], ['inherited', r.inherited ?? []]];
    for (const [role, units] of roles) {
      for (const u of units) {
        const key = u.id ?? `?${u.name}`;
        const g = groups.get(key) ?? { id: u.id, name: u.name, counts: { lead: 0, responsible: 0, cooperating: 0, inherited: 0 }, earliest: null, tasks: [] };
        if (g.tasks.some((t) => t.r === r)) continue;
        g.counts[role]++;
        g.tasks.push({ r, role });
        const date = r.deadline?.date ?? null;
        if (date && (!g.earliest || date < g.earliest)) g.earliest = date;
        groups.set(key, g);
      }
    }
  }
  const direct = (g: UnitGroup) => g.counts.lead + g.counts.responsible + g.counts.cooperating;
  return [...groups.values()].sort((a, b) => direct(b) - direct(a) || Number(b.id !== null) - Number(a.id !== null) || a.name.localeCompare(b.name, 'zh-CN'));
}

const UnitName: FC<{ id: string | null; name: string }> = ({ id, name }) => (id ? <a href={unitHref(id)}>{name}</a> : <span title="未收入单位名录">{name}</span>);

export const Responsibilities: FC<{ list: Responsibility[] }> = ({ list }) => {
  const groups = groupByUnit(list);
  return (
    <Section id="tasks" title="任务分工" lead={`${list.length} 项任务 · ${groups.length} 个单位`}>
      {list.length === 0 ? <p class="muted">本文件未列明责任单位。</p> : (
        <ul class="unit-cards">
          {groups.map((g) => (
            <li class="unit-card">
              <div class="unit-card-head">
                <span class="unit-card-name"><UnitName id={g.id} name={g.name} /></span>
                <span class="unit-card-roles">
                  {(['lead', 'responsible', 'cooperating', 'inherited'] as Role[]).filter((r) => g.counts[r]).map((r) => <Tag kind={r}>{ROLE_LABEL[r]} {g.counts[r]}</Tag>)}
                </span>
                <span class="unit-card-deadline">{g.earliest ? `最早期限：${cnDate(g.earliest)}` : '期限未明确'}</span>
              </div>
              <details>
                <summary>查看 {g.tasks.length} 项任务</summary>
                <ol class="task-list">
                  {g.tasks.map(({ r, role }) => (
                    <li>
                      <p class="task-text">
                        <Tag kind={role}>{ROLE_LABEL[role]}</Tag>{r.title ? <strong class="task-title">{r.title}</strong> : null}
                      </p>
                      <p class="task-text">{truncate(r.task, 160)}</p>
                      <p class="task-meta">
                        <span>期限：{deadlineLabel(r.deadline)}</span>
                        {r.outlineId ? <a href={`#${r.outlineId}`}>查看条文</a> : null}
                        <a href={`#L${r.lines[0]}`} class="source-link">原文第 {r.lines[0]} 行</a>
                      </p>
                    </li>
                  ))}
                </ol>
              </details>
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
};

const CitationItem: FC<{ c: CitationLink }> = ({ c }) => {
  const label = (
    <>
      {c.docNumber ? <span class="docno">{c.docNumber}</span> : null}
      {c.title ? <span class="cite-title">《{c.title}》</span> : null}
    </>
  );
  return (
    <li class="cite">
      {c.documentId ? <a href={`/documents/${c.documentId}`} class="cite-link">{label}</a> : <span>{label}</span>}
      {c.documentId ? null : <Tag kind="stub">文库未收录</Tag>}
    </li>
  );
};

const CiteBlock: FC<{ title: string; list: CitationLink[]; empty: string }> = ({ title, list, empty }) => (
  <div class="cite-block">
    <h3>{title}<span class="count">{list.length}</span></h3>
    {list.length ? <ul class="cite-list">{list.map((c) => <CitationItem c={c} />)}</ul> : <p class="muted">{empty}</p>}
  </div>
);

/** The four lists of services/citations.ts, as on the document page and under its graph. */
export const CiteLists: FC<{ view: DocumentView }> = ({ view }) => (
  <div class="cite-grid">
    <CiteBlock title="本文引用" list={view.cites} empty="本文未引用其他文件。" />
    <CiteBlock title="被以下文件引用" list={view.citedBy} empty="文库中暂无引用本文的文件。" />
    <CiteBlock title="本文废止" list={view.repeals} empty="本文未废止其他文件。" />
    <CiteBlock title="被以下文件废止" list={view.repealedBy} empty="本文未被废止。" />
  </div>
);

export const Citations: FC<{ view: DocumentView }> = ({ view }) => (
  <Section id="citations" title="引用关系" lead={<a href={`/documents/${view.summary.id}/graph`}>查看引用关系图 ›</a>}>
    <CiteLists view={view} />
  </Section>
);

export const Related: FC<{ list: RelatedDocument[] }> = ({ list }) =>
  list.length ? (
    <Section id="related" title="相关文件" lead="引用相同文件、涉及相同单位或同一主题的其他文件">
      <ul class="related-list">
        {list.map((r) => (
          <li>
            <a href={`/documents/${r.id}`}>{r.title}</a>
            <span class="muted">{r.docNumber ? ` ${r.docNumber}` : ''}{r.date ? ` · ${cnDate(r.date)}` : ''} · {r.why.join('；')}</span>
          </li>
        ))}
      </ul>
    </Section>
  ) : null;

/** 政策解读 an editor attached: a page of this site or another site's address. */
export const Interpretations: FC<{ list: Interpretation[] }> = ({ list }) =>
  list.length ? (
    <Section id="interpretations" title="政策解读">
      <ul class="related-list">
        {list.map((i) => (
          <li><a href={i.url} rel={i.url.startsWith('/') ? undefined : 'noopener noreferrer'}>{i.title}</a>{i.url.startsWith('/') ? null : <span class="muted">（外部链接）</span>}</li>
        ))}
      </ul>
    </Section>
  ) : null;
