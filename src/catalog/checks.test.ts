// The browser's precompiled checks (checks.ts, written by checksCode.ts at `npm run catalog`) must judge every
// value exactly as Ajv compiling the same schema at run time does: the same verdict and the same errors, for
// every operation's schemas, on each operation's own example request and on many ways of breaking it.
import { beforeAll, describe, expect, it } from 'vitest';
import type { ErrorObject } from 'ajv/dist/2020';
import { compileCatalogSchema } from './ajv';
import { checksFor, checksLoaded, loadChecks } from './checks';
import { checksModuleText } from './checksCode';
import { listOperations } from './index';
import type { JsonSchema, OperationModel } from './types';
import { operationSchemas, validateRequest, type SchemaCheck } from './validate';
import { defaultRequest } from '../request/build';

const operations = listOperations();

beforeAll(() => Promise.all(operations.map(loadChecks)));

/** What of an error the messages read; `parentSchema`/`schema` are compared by content. */
function shape(errors: ErrorObject[] | null | undefined) {
  return (errors ?? []).map(({ instancePath, schemaPath, keyword, params, message, schema, parentSchema, data }) => ({
    instancePath,
    schemaPath,
    keyword,
    params,
    message,
    schema,
    parentSchema,
    data,
  }));
}

const WRONG: unknown[] = [null, true, 0, -1, 1.5, 2 ** 40, '', 'x', 'x'.repeat(300), '\ud83d\ude00', [], [1, 'a'], {}, { extra: 1 }];

/** Copies of `value` with one thing broken: each leaf given another type, each key dropped, each list emptied. */
function breakings(value: unknown, limit = 400): unknown[] {
  const out: unknown[] = [];
  const visit = (node: unknown, replace: (next: unknown) => unknown) => {
    if (out.length >= limit) return;
    if (Array.isArray(node)) {
      out.push(replace([]), replace({}), replace([...node, ...node]));
      node.forEach((item, index) => visit(item, (next) => replace(node.map((old, i) => (i === index ? next : old)))));
    } else if (node && typeof node === 'object') {
      out.push(replace([]));
      for (const key of Object.keys(node)) {
        const { [key]: dropped, ...rest } = node as Record<string, unknown>;
        void dropped;
        out.push(replace(rest));
        visit((node as Record<string, unknown>)[key], (next) => replace({ ...(node as object), [key]: next }));
      }
    } else {
      out.push(replace(typeof node === 'string' ? 12345 : 'text'), replace(null), replace(typeof node === 'number' ? -(2 ** 40) : 'x'.repeat(300)));
    }
  };
  visit(value, (next) => next);
  return out;
}

function samples(op: OperationModel, schema: JsonSchema): unknown[] {
  const request = defaultRequest(op);
  const own = [request.body, ...Object.values(request.pathParams), ...Object.values(request.query), ...Object.values(request.headers)];
  const examples: unknown[] = schema.examples ?? [];
  const body = op.requestBody?.schema === schema ? breakings(request.body) : [];
  return [...own, ...examples, ...WRONG, ...body];
}

describe('precompiled request checks', () => {
  it('exist for every operation, one per schema', () => {
    for (const op of operations) {
      expect(checksLoaded(op), op.id).toBe(true);
      expect(checksFor(op), op.id).toBeDefined();
    }
  });

  it.each(operations.map((op) => [op.id, op] as const))('%s: judge every sample as run-time compilation does', (_, op) => {
    const precompiled = checksFor(op)!;
    let compared = 0;
    let refused = 0;
    for (const schema of operationSchemas(op)) {
      const ahead: SchemaCheck = precompiled(schema);
      const now = compileCatalogSchema(schema);
      for (const sample of samples(op, schema)) {
        const verdict = now(sample);
        expect(ahead(sample), `${op.id} ${JSON.stringify(sample)?.slice(0, 200)}`).toBe(verdict);
        expect(shape(ahead.errors)).toEqual(shape(now.errors));
        compared++;
        if (!verdict) refused++;
      }
    }
    // The samples really exercise the checks (an operation without parameters or body has none to run).
    const schemas = operationSchemas(op).length;
    expect(compared).toBeGreaterThanOrEqual(schemas * WRONG.length);
    expect(refused > 0).toBe(schemas > 0);
  });

  it("give the tester's messages the same words as run-time compilation", () => {
    for (const op of operations) {
      const request = defaultRequest(op);
      for (const body of op.requestBody ? breakings(request.body, 60) : [undefined]) {
        const parts = { path: request.pathParams, query: request.query, headers: request.headers, body };
        expect(validateRequest(op, parts, checksFor(op)), op.id).toEqual(validateRequest(op, parts, compileCatalogSchema));
      }
    }
  });

  it('are not paired with a model of the same id whose schemas differ: it gets no schema checks rather than wrong ones', () => {
    const op = operations.find((candidate) => candidate.requestBody)!;
    const changed: OperationModel = { ...op, requestBody: { ...op.requestBody!, schema: { ...op.requestBody!.schema, maxProperties: 0 } } };
    expect(checksFor(changed)).toBeUndefined();
    expect(checksFor({ ...op })).toBeDefined();
  });

  it('refuse a schema they were not written for rather than judge it with another check', () => {
    const [first, second] = operations.filter((op) => op.requestBody);
    expect(() => checksFor(first)!(second.requestBody!.schema)).toThrow(/no check compiled ahead of time/);
  });

  it('take the helpers the generated code calls from the runtime module', () => {
    const op = operations.find((candidate) => candidate.requestBody)!;
    // uniqueItems makes Ajv call its deep-equality helper: imported, never left as a require().
    const withUnique: OperationModel = { ...op, params: [], requestBody: { ...op.requestBody!, schema: { type: 'array', uniqueItems: true } } };
    const text = checksModuleText(withUnique);
    expect(text).toMatch(/import \{ equal \} from "..\/..\/checksRuntime"/);
    expect(text).not.toMatch(/require\(/);
  });
});
