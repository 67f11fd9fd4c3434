import { composeCatalog, type CatalogBase, type CatalogPart } from './compose';
import type { RawParameter } from './document';
import { splitCatalog, splitFiles } from './split';

const base = {
  openapi: '3.1.0',
  info: { title: 't', version: '1' },
  servers: [{ url: 'https://api.agora.io' }],
  components: {
    schemas: { Shared: { type: 'string' } },
    // A shared parameter that takes its value from a family's operation.
    parameters: { fromBeta: { name: 'id', in: 'path', required: true, 'x-value-from': { operationId: 'b-list', field: 'id' } } },
  },
} as unknown as CatalogBase;

function part(family: string, order: number, paths: CatalogPart['paths'], components?: CatalogPart['components']) {
  const tag = { name: family.toUpperCase(), 'x-family': family, 'x-page': family, 'x-order': order, 'x-troubleshooting': [{ status: 500 }] };
  return { source: `src/families/${family}/catalog.yaml`, part: { tag, paths, ...(components ? { components } : {}) } as CatalogPart };
}

const parts = [
  // alpha: its parameter is the base's, which names beta's operation.
  part('alpha', 1, { '/alpha/{id}': { get: { operationId: 'a-get', parameters: [{ $ref: '#/components/parameters/fromBeta' } as RawParameter], responses: {} } } }),
  part('beta', 2, { '/beta': { get: { operationId: 'b-list', responses: {} } } }, { schemas: { BetaThing: { $ref: '#/components/schemas/GammaThing' } } }),
  // gamma: names delta as its nearest real call; delta uses beta's schema (one component namespace).
  part('gamma', 3, { '/gamma': { post: { operationId: 'g-post', 'x-nearest-real-operations': ['d-put'], responses: {} } } }, { schemas: { GammaThing: { type: 'object' } } }),
  part('delta', 4, { '/delta': { put: { operationId: 'd-put', responses: { 200: { description: 'ok', content: { 'application/json': { schema: { $ref: '#/components/schemas/BetaThing' } } } } } } } }),
];
const doc = composeCatalog(base, parts);

describe('splitCatalog', () => {
  const { manifest, parts: split } = splitCatalog(doc, parts);

  it('keeps servers, every tag and only the base components in the manifest, with each operation’s family in order', () => {
    expect(manifest.base.paths).toEqual({});
    expect(manifest.base.tags.map((tag) => tag['x-family'])).toEqual(['alpha', 'beta', 'gamma', 'delta']);
    expect(Object.keys(manifest.base.components.schemas ?? {})).toEqual(['Shared']);
    expect(manifest.operations).toEqual([['a-get', 'alpha'], ['b-list', 'beta'], ['g-post', 'gamma'], ['d-put', 'delta']]);
  });

  it('moves each family’s tag tables, paths and components into its part', () => {
    expect(manifest.base.tags[0]['x-troubleshooting']).toBeUndefined();
    expect(split[0]).toMatchObject({ family: 'alpha', tag: { 'x-troubleshooting': [{ status: 500 }] }, components: {} });
    expect(Object.keys(split[1].paths)).toEqual(['/beta']);
    expect(split[1].paths['/beta'].get?.tags).toEqual(['BETA']);
    expect(split[1].components).toEqual({ schemas: { BetaThing: { $ref: '#/components/schemas/GammaThing' } } });
  });

  it('lists what each family needs, transitively: x-value-from (also through a base component), nearest real operations, $refs', () => {
    expect(manifest.dependsOn).toEqual({
      // Whole families, not single components: a family's data is loaded whole, so what it needs is needed too.
      alpha: ['beta', 'gamma', 'delta'], // beta's operation; beta refers to gamma's schema; gamma names delta's operation
      beta: ['gamma', 'delta'],
      gamma: ['beta', 'delta'], // delta's operation, delta uses beta's schema
      delta: ['beta', 'gamma'],
    });
  });
});

describe('splitFiles', () => {
  const files = splitFiles(doc, parts);

  it('writes the manifest, and per family its data and a module that loads what it needs first', () => {
    expect(Object.keys(files).sort()).toEqual([
      'all.ts',
      'alpha.json',
      'alpha.ts',
      'beta.json',
      'beta.ts',
      'delta.json',
      'delta.ts',
      'every.ts',
      'gamma.json',
      'gamma.ts',
      'load.ts',
      'manifest.json',
      'op/a-get.ts',
      'op/b-list.ts',
      'op/d-put.ts',
      'op/g-post.ts',
    ]);
    expect(files['alpha.ts']).toMatch(/import '\.\/beta';\nimport '\.\/gamma';\nimport '\.\/delta';\nimport part from '\.\/alpha\.json';/);
    expect(files['alpha.ts']).toContain('registerFamilyPart(part as unknown as FamilyPart);');
    expect(files['every.ts'].match(/^import .*$/gm)).toEqual(["import './alpha';", "import './beta';", "import './gamma';", "import './delta';"]);
    // Only all.ts is emptied in the client bundle, so it must not list families itself.
    expect(files['all.ts'].match(/^import .*$/gm)).toEqual(["import './every';"]);
  });

  it('writes one module per operation, loading its family, and a loader per operation with a chunk of its own', () => {
    expect(files['op/a-get.ts'].match(/^import .*$/gm)).toEqual(["import '../alpha';"]);
    expect(files['op/d-put.ts'].match(/^import .*$/gm)).toEqual(["import '../delta';"]);
    expect(files['load.ts']).toContain(`"a-get": () => import(/* webpackChunkName: "op-a-get" */ './op/a-get'),`);
    expect(files['load.ts'].match(/import\(/g)).toHaveLength(4);
  });

  it('refuses a family named like one of its own files', () => {
    const clash = [part('every', 1, { '/e': { get: { operationId: 'e', responses: {} } } })];
    expect(() => splitFiles(composeCatalog(base, clash), clash)).toThrow(/"every" uses a name src\/catalog\/gen\/ needs/);
  });
});
