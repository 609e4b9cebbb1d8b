// TMDB's OpenAPI 3.1 spec (../shared/reference/tmdb-api.json, read at run time) as validators: response bodies
// against the 200 schema of their operation, requests against the declared paths and query parameters.

import { resolve } from 'node:path';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import { readReference } from './reference.ts';

interface Parameter {
  name: string;
  in: string;
  required?: boolean;
}
interface Operation {
  parameters?: Parameter[];
  responses: Record<string, { content?: Record<string, { schema?: object }> }>;
}
interface Spec {
  paths: Record<string, Record<string, Operation>>;
}

export const TMDB_SPEC_PATH = resolve('../shared/reference/tmdb-api.json');

/** api_key is TMDB's v3 auth; the spec declares only the header scheme, so it is allowed on every operation. */
const AUTH_QUERY = new Set(['api_key']);

export class TmdbSpec {
  private readonly spec: Spec;
  private readonly ajv = new Ajv2020({ strict: false, allErrors: true });
  private readonly validators = new Map<string, ValidateFunction>();
  private readonly matchers: { template: string; re: RegExp }[];

  constructor(path = TMDB_SPEC_PATH) {
    this.spec = JSON.parse(readReference(path, "TMDB's OpenAPI spec")) as Spec;
    this.matchers = Object.keys(this.spec.paths)
      .map((template) => ({
        template,
        re: new RegExp(`^${template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{[^}]+\}/g, '[^/]+')}$`),
      }))
      // Literal paths (/3/movie/popular) win over templates (/3/movie/{movie_id}).
      .sort((a, b) => (a.template.match(/\{/g)?.length ?? 0) - (b.template.match(/\{/g)?.length ?? 0));
  }

  /** The declared path template a concrete path belongs to. */
  templateOf(path: string): string | undefined {
    return this.matchers.find((m) => m.re.test(path))?.template;
  }

  /** Problems with a request: undeclared path or method, unknown or missing query parameters. */
  checkRequest(method: string, path: string, query: Record<string, string>): string[] {
    const template = this.templateOf(path);
    if (!template) return [`${path} is not a declared path`];
    const op = this.spec.paths[template]?.[method.toLowerCase()];
    if (!op) return [`${method} ${template} is not a declared operation`];
    const declared = (op.parameters ?? []).filter((p) => p.in === 'query');
    const names = new Set(declared.map((p) => p.name));
    const problems: string[] = [];
    for (const k of Object.keys(query)) {
      if (!names.has(k) && !AUTH_QUERY.has(k)) problems.push(`${template}: query parameter ${k} is not declared`);
    }
    for (const p of declared) if (p.required && !(p.name in query)) problems.push(`${template}: ${p.name} is required`);
    return problems;
  }

  /** Validates a body against the schema for `status` of the operation at `template` (GET). */
  validate(template: string, body: unknown, status = '200'): string[] {
    const key = `${template} ${status}`;
    let v = this.validators.get(key);
    if (!v) {
      const schema = this.spec.paths[template]?.get?.responses[status]?.content?.['application/json']?.schema;
      if (!schema) return [`no ${status} schema for GET ${template}`];
      v = this.ajv.compile(schema);
      this.validators.set(key, v);
    }
    if (v(body)) return [];
    return (v.errors ?? []).map((e) => `${template}${e.instancePath} ${e.message}`);
  }
}
