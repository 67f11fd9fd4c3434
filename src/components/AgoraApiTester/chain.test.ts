import { describe, expect, it } from 'vitest';
import { getOperation } from '../../catalog';
import { fillChain, shareBodyFields } from './chain';
import { initialForm, setBodyField } from './formModel';

describe('the calls a chain runs first', () => {
  it("acquire takes the cname and uid typed in start's form, so start is not refused for differing from acquire", async () => {
    const start = getOperation('start-recording');
    const form = setBodyField(setBodyField(initialForm(start), ['cname'], 'myroom'), ['uid'], '42');
    const sent: Array<{ id: string; body: unknown }> = [];
    const result = await fillChain(start, form, getOperation, async (op, sourceForm) => {
      sent.push({ id: op.id, body: sourceForm.body });
      return { ok: true, body: { resourceId: 'r-1' } };
    });
    expect(result.ok).toBe(true);
    expect(sent).toEqual([{ id: 'acquire', body: expect.objectContaining({ cname: 'myroom', uid: '42' }) }]);
  });

  it('sets only plain fields the source body already has', () => {
    const acquire = initialForm(getOperation('acquire'));
    const start = setBodyField(initialForm(getOperation('start-recording')), ['cname'], 'other');
    const shared = shareBodyFields(acquire, start);
    expect((shared.body as Record<string, unknown>).cname).toBe('other');
    // start's clientRequest is an object (not plain) and differs in shape from acquire's: acquire keeps its own.
    expect((shared.body as Record<string, unknown>).clientRequest).toEqual((acquire.body as Record<string, unknown>).clientRequest);
    expect(Object.keys(shared.body as object).sort()).toEqual(Object.keys(acquire.body as object).sort());
  });

  it('fills a chained query value, and a value one source call used serves the rest of the chain', async () => {
    // Query a transcoding task: taskId (path) comes from create, builderToken (query) from acquire;
    // create needs a builderToken itself, and the query must pass that same token.
    const query = getOperation('query-cloud-transcoding-task');
    const sent: Array<{ id: string; query: Record<string, string> }> = [];
    let tokens = 0;
    const result = await fillChain(query, initialForm(query), getOperation, async (op, sourceForm) => {
      sent.push({ id: op.id, query: sourceForm.query });
      if (op.id === 'acquire-cloud-transcoding-builder-token') return { ok: true, body: { tokenName: `token-${++tokens}` } };
      return { ok: true, body: { taskId: 'task-1' } };
    });
    expect(result.ok && result.form.path.taskId).toBe('task-1');
    expect(result.ok && result.form.query.builderToken).toBe('token-1');
    expect(sent.map((call) => call.id)).toEqual(['acquire-cloud-transcoding-builder-token', 'create-cloud-transcoding-task']);
    expect(sent[1].query.builderToken).toBe('token-1');
  });
});
