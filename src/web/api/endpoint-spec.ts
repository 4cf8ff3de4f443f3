// What an endpoint declares for the OpenAPI document.
import type { z } from 'zod';

export type HttpMethod = 'get' | 'post' | 'put' | 'patch' | 'delete';

export interface EndpointSpec {
  /** OpenAPI path template, e.g. `/api/documents/{id}`. */
  path: string;
  method?: HttpMethod;
  summary: string;
  description?: string;
  tags?: string[];
  operationId?: string;
  params?: z.ZodObject;
  query?: z.ZodObject;
  body?: z.ZodType;
  /** The body's media type when it is not JSON (an upload: `multipart/form-data`). */
  bodyType?: string;
  /** JSON body schema, or another media type described in words. */
  response: { schema: z.ZodType; description?: string } | { contentType: string; description: string };
  /** Statuses besides 200/304/400 this endpoint answers (404 when it looks something up). */
  errors?: (401 | 403 | 404 | 409 | 422)[];
}
