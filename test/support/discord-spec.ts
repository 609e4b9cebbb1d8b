// Discord's OpenAPI 3.1 spec (../shared/reference/discord-openapi.json, read at run time) as validators for the bodies
// the local Discord accepts and returns. The whole spec is registered once so `#/components/schemas/...` refs resolve.

import { resolve } from 'node:path';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import { readReference } from './reference.ts';

export const DISCORD_SPEC_PATH = resolve('../shared/reference/discord-openapi.json');

interface Operation {
  requestBody?: { content?: Record<string, { schema?: object }> };
  responses: Record<string, { content?: Record<string, { schema?: object }> }>;
}
interface Spec {
  paths: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, object> };
}

const SPEC_ID = 'discord-openapi.json';

function pointer(...parts: string[]): string {
  return parts.map((p) => p.replace(/~/g, '~0').replace(/\//g, '~1')).join('/');
}

export class DiscordSpec {
  private readonly spec: Spec;
  private readonly ajv: Ajv2020;
  private readonly validators = new Map<string, ValidateFunction | null>();
  private readonly matchers: { template: string; re: RegExp }[];
  /** Every body checked, and the problems found, for the test to assert on. */
  readonly checked: { what: string; problems: string[] }[] = [];

  constructor(path = DISCORD_SPEC_PATH) {
    const raw = JSON.parse(readReference(path, "Discord's OpenAPI spec"));
    this.spec = raw as Spec;
    this.ajv = new Ajv2020({ strict: false, allErrors: true, validateSchema: false, validateFormats: false });
    this.ajv.addSchema({ ...raw, $id: SPEC_ID });
    this.matchers = Object.keys(this.spec.paths)
      .map((template) => ({
        template,
        re: new RegExp(
          `^${template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\\\{[^}]+\\\}|\{[^}]+\}/g, '[^/]+')}$`,
        ),
      }))
      .sort((a, b) => (a.template.match(/\{/g)?.length ?? 0) - (b.template.match(/\{/g)?.length ?? 0));
  }

  templateOf(route: string): string | undefined {
    return this.matchers.find((m) => m.re.test(route))?.template;
  }

  private validator(template: string, method: string, where: 'request' | string): ValidateFunction | null {
    const key = `${method} ${template} ${where}`;
    if (this.validators.has(key)) return this.validators.get(key) ?? null;
    const op = this.spec.paths[template]?.[method];
    const content = where === 'request' ? op?.requestBody?.content : op?.responses[where]?.content;
    const mediaType = content?.['application/json'] ? 'application/json' : undefined;
    let v: ValidateFunction | null = null;
    if (mediaType) {
      const base =
        where === 'request'
          ? pointer('paths', template, method, 'requestBody', 'content', mediaType, 'schema')
          : pointer('paths', template, method, 'responses', where, 'content', mediaType, 'schema');
      v = this.ajv.compile({ $ref: `${SPEC_ID}#/${base}` });
    }
    this.validators.set(key, v);
    return v;
  }

  /** Checks a value against one of the spec's component schemas (e.g. a gateway payload's object), by name. */
  validate(schema: string, body: unknown): string[] {
    const key = `schema ${schema}`;
    let v = this.validators.get(key);
    if (v === undefined) {
      if (!this.spec.components?.schemas?.[schema]) throw new Error(`${schema} is not a schema in Discord's spec`);
      v = this.ajv.compile({ $ref: `${SPEC_ID}#/components/schemas/${schema}` });
      this.validators.set(key, v);
    }
    if (!v || v(body)) return [];
    return (v.errors ?? []).slice(0, 5).map((e) => `${schema}${e.instancePath} ${e.message}`);
  }

  /** Checks one body; returns the problems (empty when valid or when the spec has no schema for it). */
  check(direction: 'request' | 'response', method: string, route: string, body: unknown, status = 200): string[] {
    const template = this.templateOf(route);
    const what = `${direction} ${method} ${template ?? route}`;
    if (!template) {
      const problems = [`${route} is not a path in Discord's spec`];
      this.checked.push({ what, problems });
      return problems;
    }
    const v = this.validator(template, method.toLowerCase(), direction === 'request' ? 'request' : String(status));
    if (!v) return [];
    const problems = v(body) ? [] : (v.errors ?? []).slice(0, 5).map((e) => `${what}${e.instancePath} ${e.message}`);
    this.checked.push({ what, problems });
    return problems;
  }
}
