import { describe, expect, it } from 'vitest';
import { getOperation, listOperations } from '../../catalog';
import { APP_ID_NAMES, DEMO } from '../../sandbox';
import { alignAppIds, appIdFields } from './appIds';
import { initialForm, setParam } from './formModel';

const MINE = 'a1'.repeat(16);

describe('appIdFields', () => {
  it('finds, in every operation, exactly the fields the sandbox reads the App ID from', () => {
    for (const op of listOperations()) {
      const byName = op.params.filter((param) => APP_ID_NAMES.includes(param.name)).map((param) => `${param.in}.${param.name}`);
      if (op.requestBody?.schema.properties?.appid) byName.push('body.appid');
      const found = appIdFields(op).map((field) => (field.location === 'body' ? `body.${field.path.join('.')}` : `${field.location}.${field.name}`));
      expect(found.sort(), op.id).toEqual(byName.sort());
    }
  });
});

describe('alignAppIds', () => {
  it('moves stale App IDs (path and body) to the project and says which it replaced', () => {
    const rule = listOperations().find((op) => appIdFields(op).some((field) => field.location === 'body'))!;
    const { form, replaced } = alignAppIds(rule, initialForm(rule), MINE, (value) => value === DEMO.appId);
    expect(replaced).toEqual([DEMO.appId]);
    expect(JSON.stringify(form.body)).toContain(MINE);
    const start = getOperation('start-recording');
    const aligned = alignAppIds(start, initialForm(start), MINE, (value) => value === DEMO.appId);
    expect(aligned.form.path.appid).toBe(MINE);
  });

  it('leaves an App ID the rule does not pick, and returns the same form when nothing moves', () => {
    const start = getOperation('start-recording');
    const typed = setParam(initialForm(start), 'path', 'appid', 'f'.repeat(32));
    const result = alignAppIds(start, typed, MINE, (value) => value === DEMO.appId);
    expect(result.form).toBe(typed);
    expect(result.replaced).toEqual([]);
  });
});
