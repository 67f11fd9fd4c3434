import { checkCatalogElements, type CatalogElement } from './needs';

const known = new Set(['acquire', 'create-channel', 'list-channels']);
const isOperation = (id: string) => known.has(id);
const tester = (endpoint: CatalogElement['attributes'][string]): CatalogElement => ({ name: 'AgoraApiTester', attributes: { endpoint } });

describe('checkCatalogElements', () => {
  it('returns the operations of testers and references once each, in order of use; other elements name none', () => {
    const ids = checkCatalogElements(
      [
        tester('create-channel'),
        { name: 'OperationReference', attributes: { id: 'acquire' } },
        tester('acquire'),
        { name: 'OperationIndex', attributes: {} },
        { name: 'Tabs', attributes: { groupId: 'x' } },
      ],
      isOperation,
    );
    expect(ids).toEqual(['create-channel', 'acquire']);
    expect(checkCatalogElements([], isOperation)).toEqual([]);
  });

  it('fails on every element that names no operation, or names one the build cannot read', () => {
    const attempt = () =>
      checkCatalogElements(
        [{ ...tester('aquire'), place: '12:1' }, tester({ expression: 'id' }), tester(true), { name: 'OperationReference', attributes: {} }],
        isOperation,
      );
    expect(attempt).toThrow('<AgoraApiTester endpoint="aquire"> (12:1) names no catalog operation');
    expect(attempt).toThrow(/<AgoraApiTester> needs endpoint="<operation id>" as a plain string[\s\S]*<AgoraApiTester> needs[\s\S]*<OperationReference> needs id=/);
  });
});
