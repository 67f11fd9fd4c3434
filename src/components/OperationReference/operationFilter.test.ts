import { listOperations } from '../../catalog';
import { countText, filterOperations } from './operationFilter';

const ops = listOperations();

describe('filterOperations', () => {
  it('keeps everything for an empty or blank query', () => {
    expect(filterOperations(ops, '')).toHaveLength(ops.length);
    expect(filterOperations(ops, '   ')).toHaveLength(ops.length);
  });

  it('matches a method, case-insensitively', () => {
    const deletes = filterOperations(ops, 'delete');
    expect(deletes.length).toBeGreaterThan(0);
    expect(deletes.every((op) => op.method === 'DELETE' || /delete/i.test(op.summary + op.path + op.id))).toBe(true);
    expect(deletes.map((op) => op.id)).toEqual(expect.arrayContaining(['delete-ban-rule', 'delete-cloud-player']));
  });

  it('matches part of a path, with or without the leading slash', () => {
    expect(filterOperations(ops, 'cloud_recording/acquire').map((op) => op.id)).toEqual(['acquire']);
    expect(filterOperations(ops, '/dev/v1/kicking-rule').map((op) => op.id)).toEqual([
      'create-ban-rule',
      'list-ban-rules',
      'update-ban-rule',
      'delete-ban-rule',
    ]);
  });

  it('needs every word, in any field (family and summary too)', () => {
    const hits = filterOperations(ops, 'media pull delete');
    expect(hits.map((op) => op.id)).toEqual(['delete-cloud-player']);
    expect(filterOperations(ops, 'kick put').map((op) => op.id)).toEqual(['update-ban-rule']);
    expect(filterOperations(ops, 'no-such-thing')).toEqual([]);
  });
});

describe('countText', () => {
  it('says all, or how many of the total', () => {
    expect(countText(22, 22)).toBe('Showing all 22 operations');
    expect(countText(2, 22)).toBe('Showing 2 of 22 operations');
    expect(countText(0, 22)).toBe('Showing 0 of 22 operations');
  });
});
