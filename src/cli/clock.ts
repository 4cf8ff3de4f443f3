// The injectable clock of the CLI: `--now ISO` fixes the time (tests, 补录).
import { GongbaoError } from '../errors.js';

export function clockOf(now: string | undefined): () => Date {
  if (!now) return () => new Date();
  // A date without a zone is China time, whatever the host's zone.
  const text = /^\d{4}-\d{2}-\d{2}$/.test(now.trim()) ? `${now.trim()}T00:00:00+08:00` : /T\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(now.trim()) ? `${now.trim()}+08:00` : now.trim();
  const t = new Date(text);
  if (Number.isNaN(t.getTime()) || !/^\d{4}-\d{2}-\d{2}/.test(now.trim())) throw new GongbaoError('bad-argument', `--now 不是有效的时间：${now.slice(0, 40)}`);
  const day = now.trim().slice(0, 10);
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const check = new Date(Date.UTC(y, m - 1, d));
  if (check.getUTCMonth() !== m - 1 || check.getUTCDate() !== d) throw new GongbaoError('bad-argument', `--now 不是有效的时间：${now.slice(0, 40)}`);
  return () => t;
}
