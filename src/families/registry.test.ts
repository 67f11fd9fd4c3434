/**
 * The registry and the family folders agree: every family of the composed
 * catalog has a registered module whose handlers serve exactly its operations.
 */
import { listOperations, operationsByFamily } from '../catalog';
import { families } from './index';

describe('the family registry', () => {
  it('registers one module per catalog family, in catalog order', () => {
    expect(families.map((f) => f.id)).toEqual(operationsByFamily().map((g) => g.family));
    for (const family of families) expect(family.sandbox.id).toBe(family.id);
  });

  it('gives each family a handler for each of its own operations and no other', () => {
    for (const group of operationsByFamily()) {
      const module = families.find((f) => f.id === group.family)!;
      expect(module.sandbox.handlers.map((h) => h.operationId).sort()).toEqual(group.operations.map((op) => op.id).sort());
    }
    expect(families.flatMap((f) => f.sandbox.handlers).length).toBe(listOperations().length);
  });
});
