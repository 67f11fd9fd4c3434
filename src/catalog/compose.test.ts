import { composeCatalog, type CatalogBase, type CatalogPart } from './compose';

const base = {
  openapi: '3.1.0',
  info: { title: 't', version: '1' },
  servers: [{ url: 'https://api.agora.io' }],
  components: { schemas: { Shared: { type: 'string' } } },
} as unknown as CatalogBase;

function part(family: string, order: number, paths: CatalogPart['paths'], components?: CatalogPart['components']): { source: string; part: CatalogPart } {
  return {
    source: `src/families/${family}/catalog.yaml`,
    part: { tag: { name: family.toUpperCase(), 'x-family': family, 'x-page': family, 'x-order': order }, paths, ...(components ? { components } : {}) },
  };
}

const get = (operationId: string) => ({ get: { operationId, responses: {} } });

describe('composeCatalog', () => {
  it('orders families by x-order, tags each operation with its family and merges components', () => {
    const doc = composeCatalog(base, [
      part('zeta', 2, { '/z': get('z-op') }, { schemas: { Z: { type: 'integer' } } }),
      part('alpha', 1, { '/a': get('a-op') }),
    ]);
    expect(doc.tags.map((t) => t['x-family'])).toEqual(['alpha', 'zeta']);
    expect(doc.paths['/z'].get?.tags).toEqual(['ZETA']);
    expect(Object.keys(doc.components.schemas ?? {})).toEqual(['Shared', 'Z']);
    // The inputs are not modified.
    expect(base.components.schemas).toEqual({ Shared: { type: 'string' } });
  });

  it('refuses a path, an operation id or a component defined twice, naming both files', () => {
    expect(() => composeCatalog(base, [part('a', 1, { '/x': get('one') }), part('b', 2, { '/x': get('two') })])).toThrow(
      /src\/families\/b\/catalog.yaml: path \/x is already defined by src\/families\/a\/catalog.yaml/,
    );
    expect(() => composeCatalog(base, [part('a', 1, { '/x': get('same') }), part('b', 2, { '/y': get('same') })])).toThrow(/operationId same/);
    expect(() => composeCatalog(base, [part('a', 1, {}, { schemas: { Shared: {} } })])).toThrow(/components.schemas.Shared is already defined by src\/catalog\/base.yaml/);
    expect(() => composeCatalog(base, [part('a', 1, {}), part('b', 1, {})])).toThrow(/x-order 1 is already defined by src\/families\/a\/catalog.yaml/);
  });

  it('says what a part lacks', () => {
    const broken = part('a', 1, {});
    delete broken.part.tag['x-order'];
    expect(() => composeCatalog(base, [broken])).toThrow(/x-order must be a number/);
    const foreign = part('a', 1, { '/x': { get: { operationId: 'x', tags: ['Other'], responses: {} } } });
    expect(() => composeCatalog(base, [foreign])).toThrow(/must be tagged \[A\]/);
  });
});
