/** The registry as a browser page sees it: the manifest always, families only once registered. */
import { fileURLToPath } from 'node:url';
import { composeCatalog } from './compose';
import * as everything from './index';
import { createRegistry } from './registry';
import { readCatalogBase, readFamilyParts } from './sources';
import { splitCatalog, type FamilyPart } from './split';

const root = fileURLToPath(new URL('../..', import.meta.url));
const sourced = readFamilyParts(root);
const composed = composeCatalog(readCatalogBase(root), sourced);
const { manifest, parts } = splitCatalog(composed, sourced);
const partOf = (family: string): FamilyPart => parts.find((part) => part.family === family)!;

describe('createRegistry', () => {
  it('knows servers, families and every operation’s family before any family is registered', () => {
    const registry = createRegistry(manifest);
    expect(registry.allServers()).toEqual(everything.allServers());
    expect(registry.familyList).toEqual(everything.familyList);
    expect(registry.familyTitles).toEqual(everything.familyTitles);
    expect(registry.familyOfOperation('acquire')).toBe('cloud-recording');
    expect(registry.familyOfOperation('nope')).toBeUndefined();
    expect(registry.hasOperation('acquire')).toBe(false);
    expect(registry.listOperations()).toEqual([]);
    expect(registry.operationsByFamily()).toEqual([]);
  });

  it('says which family to load for a known operation of an unregistered family, and lists every id for an unknown one', () => {
    const registry = createRegistry(manifest);
    expect(() => registry.getOperation('acquire')).toThrow(/"acquire" belongs to the cloud-recording family, which this page has not loaded\. Load it first with loadOperation\('acquire'\)/);
    expect(() => registry.getOperation('start')).toThrow(`Unknown operation "start". Valid operations: ${everything.operationIds.join(', ')}.`);
  });

  it('serves a family once registered, with the same models as the full catalog', () => {
    const registry = createRegistry(manifest);
    registry.registerFamilyPart(partOf('media-pull'));
    expect(registry.operationIds).toEqual(everything.operationIds.filter((id) => everything.familyOfOperation(id) === 'media-pull'));
    expect(registry.getOperation('create-cloud-player')).toEqual(everything.getOperation('create-cloud-player'));
    expect(registry.operationsByFamily().map((group) => group.family)).toEqual(['media-pull']);
    expect(registry.hasOperation('acquire')).toBe(false);
  });

  it('ignores a family registered twice', () => {
    const registry = createRegistry(manifest);
    registry.registerFamilyPart(partOf('guide'));
    const ids = [...registry.operationIds];
    const model = registry.getOperation('create-channel');
    registry.registerFamilyPart(partOf('guide'));
    registry.registerFamilyPart({ ...partOf('guide'), paths: {} });
    expect(registry.operationIds).toEqual(ids);
    expect(registry.getOperation('create-channel')).toBe(model);
  });

  it('matches paths of a family registered late, and keeps catalog order whatever the registration order', () => {
    const registry = createRegistry(manifest);
    registry.registerFamilyPart(partOf('media-pull'));
    expect(registry.matchOperation('POST', '/v1/apps/abc/cloud_recording/acquire')).toBeUndefined();
    for (const part of [...parts].reverse()) registry.registerFamilyPart(part);
    expect(registry.matchOperation('POST', '/v1/apps/abc/cloud_recording/acquire')).toMatchObject({ operation: { id: 'acquire' }, params: { appid: 'abc' } });
    expect(registry.operationIds).toEqual(everything.operationIds);
    // All families merged back give the composed document.
    expect(registry.catalogDocument).toEqual(composed);
  });

  it('refuses a part of a family the manifest does not know (a stale src/catalog/gen/)', () => {
    const registry = createRegistry(manifest);
    expect(() => registry.registerFamilyPart({ ...partOf('guide'), family: 'gone' })).toThrow(/"gone" is not in src\/catalog\/gen\/manifest.json; run `npm run catalog`/);
  });
});

describe('src/catalog (Node)', () => {
  it('has every family registered', () => {
    expect(everything.listOperations().map((op) => op.id)).toEqual(manifest.operations.map(([id]) => id));
    expect(everything.catalogDocument).toEqual(composed);
  });
});
