import { getOperation } from '../catalog';
import { buildUrl } from './apiRequest';
import { requestFromExamples } from './fromExamples';

describe('requestFromExamples', () => {
  it('fills path, query and body from the catalog examples', () => {
    const request = requestFromExamples(getOperation('list-channels'));
    expect(request).toMatchObject({ operationId: 'list-channels', method: 'GET', server: 'api.agora.io', auth: 'basic', body: undefined });
    expect(buildUrl(request, 'https://api.agora.io')).toBe(
      'https://api.agora.io/dev/v1/channel/0123456789abcdef0123456789abcdef?page_no=0&page_size=100',
    );
  });

  it('merges overrides and copies the body', () => {
    const operation = getOperation('update-cloud-player');
    const request = requestFromExamples(operation, { pathParams: { id: 'p-1' }, query: { sequence: '2' } });
    expect(request.pathParams).toMatchObject({ region: 'na', id: 'p-1' });
    expect(request.query.sequence).toBe('2');
    (request.body as { player: { isPause: boolean } }).player.isPause = false;
    expect((operation.requestBody?.example as { player: { isPause: boolean } }).player.isPause).toBe(true);
  });

  it('leaves out parameters without an example', () => {
    const request = requestFromExamples(getOperation('start-recording'));
    expect(request.pathParams.resourceid).toBeUndefined();
    expect(request.headers).toEqual({});
  });
});
