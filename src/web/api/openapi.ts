// The OpenAPI 3.1 document, generated from the zod schemas that validate
// requests (parameters) and from the response schemas. Other modules (the
// supervision API) add their endpoints with registerEndpoint() or pass
// ready-made `paths` to openApiDocument().
import { z } from 'zod';
import { ENDPOINTS } from './endpoints.js';
import { errorSchema } from './responses.js';

export type { EndpointSpec, HttpMethod } from './endpoint-spec.js';
import type { EndpointSpec, HttpMethod } from './endpoint-spec.js';

const registered: EndpointSpec[] = [];

/** Add endpoints to every OpenAPI document built from now on. */
export function registerEndpoint(...specs: EndpointSpec[]): void {
  registered.push(...specs);
}

type Json = Record<string, unknown>;

export function jsonSchema(schema: z.ZodType, io: 'input' | 'output'): Json {
  const { $schema: _drop, ...rest } = z.toJSONSchema(schema, { io, target: 'draft-2020-12', unrepresentable: 'any' }) as Json;
  // `.int()` adds the safe-integer bounds to every integer; they say nothing to a reader.
  const noise = (k: string, v: unknown) =>
    (k === 'minimum' && v === Number.MIN_SAFE_INTEGER) || (k === 'maximum' && v === Number.MAX_SAFE_INTEGER) ? undefined : v;
  return JSON.parse(JSON.stringify(rest, noise)) as Json;
}

/** A zod object of path or query fields → OpenAPI parameter objects. */
export function parameters(schema: z.ZodObject, where: 'path' | 'query'): Json[] {
  const js = jsonSchema(schema, 'input') as { properties?: Record<string, Json>; required?: string[] };
  return Object.entries(js.properties ?? {}).map(([name, prop]) => {
    const { description, ...rest } = prop;
    return {
      name, in: where, required: where === 'path' || (js.required ?? []).includes(name),
      ...(typeof description === 'string' ? { description } : {}), schema: rest,
    };
  });
}

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const operationId = (method: string, path: string) => method + path.split(/[^A-Za-z0-9]+/).filter(Boolean).map(cap).join('');

const ERROR_TEXT: Record<number, string> = {
  400: '参数有误', 401: '未登录', 403: '无权访问', 404: '没有找到', 409: '冲突', 422: '无法处理的内容',
};

function operation(spec: EndpointSpec, method: HttpMethod): Json {
  const params = [...(spec.params ? parameters(spec.params, 'path') : []), ...(spec.query ? parameters(spec.query, 'query') : [])];
  const ok = 'schema' in spec.response
    ? { description: spec.response.description ?? '成功', headers: { ETag: { $ref: '#/components/headers/ETag' } }, content: { 'application/json': { schema: jsonSchema(spec.response.schema, 'output') } } }
    : { description: spec.response.description, headers: { ETag: { $ref: '#/components/headers/ETag' } }, content: { [spec.response.contentType]: { schema: { type: 'string' } } } };
  const responses: Json = { 200: ok };
  if (method === 'get') responses[304] = { description: '未修改（If-None-Match 与 ETag 相符）' };
  const statuses = [...(params.length || spec.body ? [400] : []), ...(spec.errors ?? [])].sort();
  for (const status of statuses) responses[status] = { $ref: `#/components/responses/Error${status}` };
  return {
    operationId: spec.operationId ?? operationId(method, spec.path),
    summary: spec.summary,
    ...(spec.description ? { description: spec.description } : {}),
    ...(spec.tags ? { tags: spec.tags } : {}),
    ...(params.length ? { parameters: params } : {}),
    ...(spec.body ? { requestBody: { required: true, content: { [spec.bodyType ?? 'application/json']: { schema: jsonSchema(spec.body, 'input') } } } } : {}),
    responses,
  };
}

export function openApiDocument(extra: { paths?: Record<string, unknown>; endpoints?: EndpointSpec[] } = {}): Json {
  const paths: Record<string, Json> = {};
  for (const spec of [...ENDPOINTS, ...registered, ...(extra.endpoints ?? [])]) {
    const method = spec.method ?? 'get';
    paths[spec.path] = { ...paths[spec.path], [method]: operation(spec, method) };
  }
  for (const [path, item] of Object.entries(extra.paths ?? {})) paths[path] = { ...paths[path], ...(item as Json) };
  const error = jsonSchema(errorSchema, 'output');
  return {
    openapi: '3.1.0',
    info: {
      title: '公报通 API',
      version: '1.0.0',
      description: '县政府公报文库的只读接口：期次、公文、检索、责任单位、统计、变更同步、CSV 导出与 Atom 订阅。出错时返回 { error: { code, message } }。',
    },
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    servers: [{ url: '/' }],
    tags: [
      { name: '期次' }, { name: '公文' }, { name: '检索' }, { name: '单位' }, { name: '统计与同步' }, { name: '订阅与站点' },
    ],
    paths,
    components: {
      schemas: { Error: error },
      headers: { ETag: { description: '响应体的弱校验值，可用于 If-None-Match', schema: { type: 'string' } } },
      responses: Object.fromEntries(Object.entries(ERROR_TEXT).map(([status, text]) => [
        `Error${status}`, { description: text, content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } },
      ])),
    },
  };
}
