// The search request schema: shared by the CLI, the HTTP API and OpenAPI.
import { z } from 'zod';
import { STATUSES } from '../store/status.js';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');

export const searchRequestSchema = z.object({
  q: z.string().max(10_000).default(''),
  year: z.coerce.number().int().min(1949).max(2100).optional(),
  issue: z.coerce.number().int().positive().optional(),
  issuer: z.string().max(100).optional(),
  category: z.string().max(100).optional(),
  unit: z.string().max(100).optional(),
  status: z.enum(STATUSES).optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  sort: z.enum(['relevance', 'date']).default('relevance'),
  page: z.coerce.number().int().min(1).max(1000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(10),
  today: isoDate.optional(),
});

export type SearchRequestInput = z.input<typeof searchRequestSchema>;
