import { folderRedirects, redirectHtml } from './redirects';

const pages = [
  { path: '/docs/video-calling/rest-api-guide', title: 'REST API guide' },
  { path: '/docs/media-pull/best-practices', title: 'Best practices' },
  { path: '/docs/reference', title: 'API reference' },
  { path: '/docs/reference/cloud-recording', title: 'Cloud Recording' },
  { path: '/docs/sandbox', title: 'Sandbox' },
  { path: '/docs/sdk-documentation/video-calling-sdk-guide', title: 'SDK guide' },
];
const routes = ['/', '/search', ...pages.map((page) => page.path)];

describe('folderRedirects', () => {
  it('leads every folder without a page to its first page in reading order', () => {
    expect(folderRedirects(pages, routes).map((r) => [r.from, r.to.path])).toEqual([
      ['/docs', '/docs/video-calling/rest-api-guide'],
      ['/docs/media-pull', '/docs/media-pull/best-practices'],
      ['/docs/sdk-documentation', '/docs/sdk-documentation/video-calling-sdk-guide'],
      ['/docs/video-calling', '/docs/video-calling/rest-api-guide'],
    ]);
  });

  it('leaves a folder that is a page alone (trailing slash or not)', () => {
    const froms = folderRedirects(pages, [...routes, '/docs/media-pull/']).map((r) => r.from);
    expect(froms).not.toContain('/docs/reference');
    expect(froms).not.toContain('/docs/media-pull');
  });

  it('finds deeper folders too', () => {
    expect(folderRedirects([{ path: '/docs/a/b/c', title: 'C' }], []).map((r) => r.from)).toEqual(['/docs', '/docs/a', '/docs/a/b']);
  });
});

describe('redirectHtml', () => {
  it('refreshes to the page and links it, with no script', () => {
    const html = redirectHtml({ path: '/docs/x', title: 'A & "B"' });
    expect(html).toContain('<meta http-equiv="refresh" content="0; url=/docs/x">');
    expect(html).toContain('<a href="/docs/x">A &amp; &quot;B&quot;</a>');
    expect(html).toContain('<link rel="canonical" href="/docs/x">');
    expect(html).not.toMatch(/<script/i);
  });
});
