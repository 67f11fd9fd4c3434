import { movedTarget } from './moved';

const pages = {
  'start-recording': '/docs/reference/cloud-recording/start-recording',
  acquire: '/docs/reference/cloud-recording/acquire',
};
const share = (payload: unknown) => `#try=1.${Buffer.from(JSON.stringify(payload)).toString('base64url')}`;

describe('movedTarget: links made when a family was one page', () => {
  it("sends an old section anchor to the operation's page", () => {
    expect(movedTarget('#start-recording', pages)).toBe('/docs/reference/cloud-recording/start-recording');
    expect(movedTarget('#acquire', pages)).toBe('/docs/reference/cloud-recording/acquire');
  });

  it("sends a share link of the family's operation on with its hash, so its tester opens with the shared request", () => {
    const hash = share({ o: 'acquire', s: '', p: { cname: 'demo' } });
    expect(movedTarget(hash, pages)).toBe(`/docs/reference/cloud-recording/acquire${hash}`);
  });

  it("leaves the page's own anchors, other families' share links, damaged hashes and inherited names alone", () => {
    for (const hash of ['', '#', '#operations', '#start-recording-endpoint', share({ o: 'create-cloud-player' }), '#try=1.!!', '#%E0%A4%A', '#constructor', '#__proto__', '#toString']) {
      expect(movedTarget(hash, pages), hash).toBeUndefined();
    }
  });
});
