import { getOperation, listOperations } from '../../catalog';
import { responseSections } from './responses';

describe('responseSections', () => {
  it('has one section per documented status, in order, the first 2xx marked as the success', () => {
    const op = getOperation('start-recording');
    const sections = responseSections(op);
    expect(sections.map((s) => s.status)).toEqual(op.responses.map((r) => r.status));
    expect(sections.filter((s) => s.primary).map((s) => s.status)).toEqual([200]);
    // 201 and 206 are 2xx but Cloud Recording error bodies: not the success.
    expect(sections.find((s) => s.status === 206)?.shape).toMatch(/Cloud Recording error/);
  });

  it('gives a body with fields its schema, and says when a body is an empty object', () => {
    const start = responseSections(getOperation('start-recording'));
    expect(start[0].schema?.properties).toHaveProperty('sid');
    const update = responseSections(getOperation('update-cloud-player'));
    expect(update[0]).toMatchObject({ status: 200, emptyObject: true });
    expect(update[0].schema).toBeUndefined();
  });

  it('names each shape of a body that is one of several', () => {
    const timeout = responseSections(getOperation('query-recording')).find((s) => s.status === 504)!;
    expect(timeout.shape).toMatch(/^One of these shapes: Cloud Recording error.*gateway/);
  });

  it('tabulates each field list once per operation and points repeats at the first', () => {
    const sections = responseSections(getOperation('start-recording'));
    const errors = sections.filter((s) => s.status >= 400 && s.schema);
    expect(errors.length).toBeGreaterThan(1);
    // Cloud Recording's error bodies share {code, reason}: the first is tabulated, the rest refer to it.
    const first = sections.find((s) => s.schema && s.status !== 200 && s.sameFieldsAs === undefined)!;
    expect(errors.filter((s) => s.sameFieldsAs === first.status).length).toBeGreaterThan(0);
    // A pointer always names an earlier status whose table is shown.
    for (const s of sections.filter((s) => s.sameFieldsAs !== undefined)) {
      const target = sections.find((t) => t.status === s.sameFieldsAs)!;
      expect(sections.indexOf(target)).toBeLessThan(sections.indexOf(s));
      expect(target.sameFieldsAs).toBeUndefined();
    }
    // The success table is never replaced: its fields differ from the errors'.
    expect(sections[0].sameFieldsAs).toBeUndefined();
  });

  it('documents a body for every status of every operation', () => {
    for (const op of listOperations()) {
      for (const section of responseSections(op)) expect(section.schema !== undefined || section.emptyObject, `${op.id} ${section.status}`).toBe(true);
    }
  });
});
