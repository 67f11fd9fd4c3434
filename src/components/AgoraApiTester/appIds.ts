/**
 * The App ID in a sandbox form is this browser's project's (stores/sandboxProject.ts).
 * An operation's App ID fields are the ones whose catalog example is the demo
 * App ID: every path, query and body field that names a project has it as its
 * example (appIds.test.ts checks this against the sandbox's own list of App ID
 * names), so the rule needs no list of names in the browser.
 */
import type { OperationModel, ParamLocation } from '../../catalog/types';
import { defaultRequest } from '../../request/build';
import { DEMO } from '../../sandbox/demo';
import { getAt, locationKey, setBodyField, setParam, type FormState } from './formModel';

export type AppIdField = { location: ParamLocation; name: string } | { location: 'body'; path: string[] };

const cache = new Map<string, AppIdField[]>();

function bodyPaths(value: unknown, path: string[] = []): string[][] {
  if (value === DEMO.appId) return [path];
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return [];
  return Object.entries(value as Record<string, unknown>).flatMap(([key, child]) => bodyPaths(child, [...path, key]));
}

/** The fields of `op` that hold an App ID (path, query or header parameters, body fields). */
export function appIdFields(op: OperationModel): AppIdField[] {
  let fields = cache.get(op.id);
  if (!fields) {
    const example = defaultRequest(op);
    const named = (location: ParamLocation, values: Record<string, string>) =>
      Object.entries(values).filter(([, value]) => value === DEMO.appId).map(([name]) => ({ location, name }));
    fields = [
      ...named('path', example.pathParams),
      ...named('query', example.query),
      ...named('header', example.headers),
      ...bodyPaths(example.body).map((path) => ({ location: 'body' as const, path })),
    ];
    cache.set(op.id, fields);
  }
  return fields;
}

function valueAt(form: FormState, field: AppIdField): unknown {
  return field.location === 'body' ? getAt(form.body, field.path) : form[locationKey[field.location]][field.name];
}

/**
 * The form with every App ID field whose value `replace` picks set to `appId`,
 * and the values it replaced (none: the same form object back).
 */
export function alignAppIds(op: OperationModel, form: FormState, appId: string, replace: (value: string) => boolean): { form: FormState; replaced: string[] } {
  let next = form;
  const replaced: string[] = [];
  for (const field of appIdFields(op)) {
    const value = valueAt(next, field);
    if (typeof value !== 'string' || value === appId || !replace(value)) continue;
    replaced.push(value);
    next = field.location === 'body' ? setBodyField(next, field.path, appId) : setParam(next, field.location, field.name, appId);
  }
  return { form: next, replaced };
}
