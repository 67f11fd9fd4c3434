import { catalogImports, catalogNeeds, type CatalogElement } from './needs';

const families: Record<string, string> = { acquire: 'cloud-recording', 'create-channel': 'guide', 'list-channels': 'channel-management' };
const familyOf = (id: string) => families[id];
const tester = (endpoint: CatalogElement['attributes'][string]): CatalogElement => ({ name: 'AgoraApiTester', attributes: { endpoint } });

describe('catalogNeeds', () => {
  it('collects the families of testers and references once each, in order of use; other elements need nothing', () => {
    const needs = catalogNeeds(
      [
        tester('create-channel'),
        { name: 'OperationReference', attributes: { id: 'acquire' } },
        tester('acquire'),
        { name: 'ServersTable', attributes: {} },
        { name: 'Tabs', attributes: { groupId: 'x' } },
      ],
      familyOf,
    );
    expect(needs).toEqual({ families: ['guide', 'cloud-recording'], every: false });
    expect(catalogImports(needs)).toEqual(['@site/src/catalog/gen/guide', '@site/src/catalog/gen/cloud-recording']);
  });

  it('needs every family for the components that list every operation', () => {
    for (const name of ['OperationIndex', 'SandboxStatusTable']) {
      const needs = catalogNeeds([tester('acquire'), { name, attributes: {} }], familyOf);
      expect(needs.every).toBe(true);
      expect(catalogImports(needs)).toEqual(['@site/src/catalog/gen/every']);
    }
    expect(catalogNeeds([], familyOf)).toEqual({ families: [], every: false });
  });

  it('fails on every element that names no operation, or names one the build cannot read', () => {
    const attempt = () =>
      catalogNeeds(
        [{ ...tester('aquire'), place: '12:1' }, tester({ expression: 'id' }), tester(true), { name: 'OperationReference', attributes: {} }],
        familyOf,
      );
    expect(attempt).toThrow('<AgoraApiTester endpoint="aquire"> (12:1) names no catalog operation');
    expect(attempt).toThrow(/<AgoraApiTester> needs endpoint="<operation id>" as a plain string[\s\S]*<AgoraApiTester> needs[\s\S]*<OperationReference> needs id=/);
  });
});
