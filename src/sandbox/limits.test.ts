import type { OperationModel, QpsLimit } from '../catalog/types';
import { qpsRulesFor } from './limits';

function operation(qps: QpsLimit[]): OperationModel {
  return { id: 'make-thing', family: 'things', limits: { qps } } as unknown as OperationModel;
}

const rows: QpsLimit[] = [
  { scope: 'Starter plan', perMinute: 100, text: 'plan', kind: 'plan' },
  { scope: 'Named', perSecond: 2, text: 'named', when: { has: 'body.thing.name' } },
  { scope: 'Unnamed', perSecond: 50, text: 'unnamed', when: { lacks: 'body.thing.name' } },
  { scope: 'Filtered', perMinute: 15, text: 'filtered', when: { has: 'query.filter' } },
  { scope: 'Per App ID', perSecond: 10, text: 'shared', counter: 'family' },
  { scope: 'Documented only', text: 'no number' },
];

const texts = (body: unknown, query = '') => qpsRulesFor(operation(rows), { body, query: new URLSearchParams(query) }).map((r) => r.text);

describe('qpsRulesFor reads the catalog rows as data', () => {
  it('applies rows by what the request has or lacks, never a plan quota or a row without numbers', () => {
    expect(texts({ thing: { name: 'x' } })).toEqual(['named', 'shared']);
    expect(texts({ thing: {} })).toEqual(['unnamed', 'shared']);
    expect(texts({ thing: { name: '' } }, 'filter=a')).toEqual(['unnamed', 'filtered', 'shared']);
  });

  it('keys a family counter by family and any other by operation', () => {
    const keys = qpsRulesFor(operation(rows), { body: {}, query: new URLSearchParams() }).map((r) => r.key);
    expect(keys).toEqual(['make-thing:Unnamed', 'things:Per App ID']);
  });

  it('refuses a `when` that names neither the body nor the query', () => {
    const bad = operation([{ scope: 'Odd', perSecond: 1, text: 'odd', when: { has: 'header.x' } }]);
    expect(() => qpsRulesFor(bad, { body: {}, query: new URLSearchParams() })).toThrow(/body.<path> or query.<name>/);
  });
});
