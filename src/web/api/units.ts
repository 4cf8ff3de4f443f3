// /api/units…: the unit directory, one unit's tasks (ordered by deadline) and
// their CSV export. Units are addressed by id or alias (URL-encoded Chinese).
import type { Hono } from 'hono';
import type { Env } from '../env.js';
import { getUnit, listUnits } from '../services/insights.js';
import { csvResponse } from './csv.js';
import { ROLE_LABELS, presentUnit, presentUnitDetail } from './presenters.js';
import { paramsOf, unitParams, validate } from './schemas.js';

export function registerUnits(app: Hono<Env>): void {
  app.get('/api/units', (c) => {
    const items = listUnits(c.get('deps').db).map(presentUnit);
    return c.json({ total: items.length, items });
  });

  app.get('/api/units/:id', (c) => {
    const { id } = validate(unitParams, paramsOf(c));
    return c.json(presentUnitDetail(getUnit(c.get('deps').db, id)));
  });

  app.get('/api/units/:id/tasks.csv', (c) => {
    const { id } = validate(unitParams, paramsOf(c));
    const unit = getUnit(c.get('deps').db, id);
    const rows = unit.tasks_list.map((t) => [
      t.docNumber, t.title, t.task, ROLE_LABELS[t.role], t.deadlineText, t.deadline,
      t.lines[0] === t.lines[1] ? String(t.lines[0]) : `${t.lines[0]}-${t.lines[1]}`, `/documents/${t.documentId}`,
    ]);
    return csvResponse(c, `${unit.name}-任务清单.csv`, 'unit-tasks.csv',
      ['发文字号', '公文标题', '任务', '角色', '期限', '期限日期', '原文行', '公文地址'], rows);
  });
}
