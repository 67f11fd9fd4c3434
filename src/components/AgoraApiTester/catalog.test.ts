// The tester against the real catalog: every operation's pre-filled form must
// pass validation, so Send works at once in the sandbox.
import { beforeAll, describe, expect, it } from 'vitest';
import { listOperations } from '../../catalog';
import { bodyTree, initialForm } from './formModel';
import { requestFromValues } from '../../request/build';
import { redactSecrets } from '../../request/secrets';
import { loadValidator, validateForm } from './validate';
import { decodeShare, encodeShare } from './share';
import { formFromRequest, paramKey } from './formModel';
import { missingChained } from './chain';

beforeAll(() => Promise.all(listOperations().map(loadValidator)));

describe.each(listOperations().map((op) => [op.id, op] as const))('%s', (_id, op) => {
  it('has a default form that validates and round-trips through a share link', () => {
    const form = initialForm(op);
    // Values that come from an earlier call (resourceid, sid, player id, builderToken) start empty; Send fetches them in the sandbox.
    const chained = new Set(missingChained(op, form).map(paramKey));
    expect(validateForm(op, form).errors.filter((error) => !chained.has(error.field))).toEqual([]);
    const request = requestFromValues(op, form);
    const restored = requestFromValues(op, formFromRequest(op, decodeShare(encodeShare(request, op))!));
    // Secret fields (x-secret) come back empty: the reader types them again.
    expect(restored).toEqual(redactSecrets(request, op));
    if (op.requestBody) expect(bodyTree(op.requestBody.schema).kind).toBe('object');
  });
});
