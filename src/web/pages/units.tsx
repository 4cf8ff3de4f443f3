// The unit index and one unit with every task the library assigns to it.
import type { FC } from 'hono/jsx';
import type { getUnit, UnitSummary } from '../services/insights.js';
import { AlternateLinks, Layout, type Alternate } from './layout.js';
import { Figures, Section, TableWrap, Tag } from './components.js';
import { cnDate, ROLE_LABEL, truncate, UNIT_KIND_LABEL, unitHref } from './format.js';

type UnitView = ReturnType<typeof getUnit>;

const KIND_ORDER = ['county', 'county-department', 'town', 'party', 'judicial', 'city-branch', 'vertical', 'mass-organization', 'bank', 'company', 'other', 'collective'];

export const UnitsPage: FC<{ units: UnitSummary[] }> = ({ units }) => {
  const kinds = [...new Set(units.map((u) => u.kind))].sort((a, b) => (KIND_ORDER.indexOf(a) + 99) % 99 - (KIND_ORDER.indexOf(b) + 99) % 99);
  return (
    <Layout title="责任单位" nav="units" crumbs={[{ label: '责任单位' }]} headerSearch>
      <h1 class="page-title">责任单位名录</h1>
      <p class="page-lead">公报文件中出现的 {units.length} 个单位，以及各单位承担的任务数量。点击单位名称查看任务清单。</p>
      {kinds.map((k) => {
        const list = units.filter((u) => u.kind === k);
        return (
          <Section id={`kind-${k}`} title={UNIT_KIND_LABEL[k] ?? k} lead={`${list.length} 个`}>
            <ul class="unit-index">
              {list.map((u) => (
                <li>
                  <a href={unitHref(u.id)}>{u.name}</a>
                  <span class="unit-index-count">{u.tasks ? `${u.tasks} 项任务${u.leads ? `（牵头 ${u.leads}）` : ''}` : '暂无任务'}</span>
                </li>
              ))}
            </ul>
          </Section>
        );
      })}
    </Layout>
  );
};

export const UnitPage: FC<{ unit: UnitView; today: string }> = ({ unit, today }) => {
  const docs = new Set(unit.tasks_list.map((t) => t.documentId)).size;
  const overdue = unit.tasks_list.filter((t) => t.deadline && t.deadline < today).length;
  const feeds: Alternate[] = [
    { href: `/feeds/units/${encodeURIComponent(unit.id)}.atom`, type: 'application/atom+xml', title: `${unit.name}的新任务` },
    { href: `/api/units/${encodeURIComponent(unit.id)}/tasks.csv`, type: 'text/csv', title: `${unit.name}的任务清单` },
  ];
  return (
    <Layout title={unit.name} nav="units" crumbs={[{ label: '责任单位', href: '/units' }, { label: unit.name }]} headerSearch alternates={feeds}>
      <header class="unit-head">
        <h1 class="page-title">{unit.name}</h1>
        <p class="unit-head-meta">
          <Tag kind="kind">{UNIT_KIND_LABEL[unit.kind] ?? unit.kind}</Tag>
          {unit.curated ? <Tag kind="curated">已核对名录</Tag> : <Tag kind="learned">从文件中识别</Tag>}
        </p>
        {unit.aliases.length ? <p class="unit-aliases"><span>又称：</span>{unit.aliases.join('、')}</p> : null}
        <AlternateLinks links={feeds} />
      </header>
      <Figures
        items={[
          { label: '承担任务', value: unit.tasks_list.length, unit: '项' },
          { label: '其中牵头', value: unit.leads, unit: '项' },
          { label: '涉及文件', value: docs, unit: '件' },
          { label: '期限已过', value: overdue, unit: '项' },
        ]}
      />
      <Section id="unit-tasks" title="任务清单" lead="按期限先后排列">
        {unit.tasks_list.length === 0 ? <p class="muted">文库中暂无分配给该单位的任务。</p> : (
          <TableWrap label="任务清单">
            <table class="data tasks-table">
              <thead><tr><th scope="col">期限</th><th scope="col">任务内容</th><th scope="col">角色</th><th scope="col">来源文件</th></tr></thead>
              <tbody>
                {unit.tasks_list.map((t) => (
                  <tr class={t.deadline && t.deadline < today ? 'past' : undefined}>
                    <td class="nowrap" data-label="期限">
                      {t.deadline ? <time datetime={t.deadline}>{cnDate(t.deadline)}</time> : t.deadlineText ? null : <span class="muted">未明确</span>}
                      {t.deadlineText ? <span class="sub">{t.deadlineText}</span> : null}
                    </td>
                    <td data-label="任务">{truncate(t.task, 140)}</td>
                    <td class="nowrap" data-label="角色"><Tag kind={t.role}>{ROLE_LABEL[t.role] ?? t.role}</Tag></td>
                    <td data-label="来源">
                      <a href={`/documents/${t.documentId}${t.outlineId ? `#${t.outlineId}` : ''}`}>{t.docNumber ?? truncate(t.title, 20)}</a>
                      <span class="sub">{truncate(t.title, 36)}</span>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
        )}
      </Section>
      <p><a href={`/search?unit=${encodeURIComponent(unit.id)}`}>检索涉及{unit.name}的文件 ›</a></p>
    </Layout>
  );
};
