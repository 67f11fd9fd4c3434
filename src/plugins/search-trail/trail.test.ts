import { describe, expect, it } from 'vitest';
import { rewriteTrails, sidebarTrail } from './trail';

// The site's navbar labels (docusaurus.config.ts).
const NAVBAR = new Set(['Guide', 'Media Pull', 'API reference', 'Sandbox', 'OpenAPI']);

describe('sidebarTrail', () => {
  it('drops the navbar label in front of the sidebar categories', () => {
    expect(sidebarTrail(['API reference', 'API reference'], NAVBAR)).toEqual(['API reference']);
    expect(sidebarTrail(['Media Pull', 'Guides'], NAVBAR)).toEqual(['Guides']);
    expect(sidebarTrail(['Guide', 'Guides', 'Video Calling'], NAVBAR)).toEqual(['Guides', 'Video Calling']);
  });

  it('keeps a single label (a navbar page outside any category, or a category with no navbar item) and an empty trail', () => {
    expect(sidebarTrail(['Sandbox'], NAVBAR)).toEqual(['Sandbox']);
    expect(sidebarTrail(['Guides'], NAVBAR)).toEqual(['Guides']);
    expect(sidebarTrail([], NAVBAR)).toEqual([]);
  });

  it('keeps every category of a page in nested categories with no active navbar item', () => {
    expect(sidebarTrail(['Guides', 'Video Calling'], NAVBAR)).toEqual(['Guides', 'Video Calling']);
  });
});

describe('rewriteTrails', () => {
  // The shape the plugin writes: one part per document kind (titles, headings, content), each with its lunr index.
  const written = () => [
    {
      documents: [
        { i: 1, t: 'Cloud Recording', u: '/docs/reference/cloud-recording', b: ['API reference', 'API reference'] },
        { i: 2, t: 'Sandbox', u: '/docs/sandbox', b: ['Sandbox'] },
        { i: 3, t: 'Best practice integrating Media Pull', u: '/docs/media-pull/best-practices', b: ['Media Pull', 'Guides'] },
      ],
      index: { version: '2.3.9', fields: ['t'] },
    },
    { documents: [{ i: 4, t: 'Acquire', u: '/docs/reference/cloud-recording#acquire', h: '#acquire', p: 1 }], index: { fields: ['t'] } },
  ];

  it('rewrites every document that has a trail, and leaves the rest and the lunr index as they were', () => {
    const original = written();
    const { index, changed } = rewriteTrails(structuredClone(original), NAVBAR);
    expect(changed).toBe(2);
    const parts = index as Array<{ documents: Array<{ b?: unknown }>; index: unknown }>;
    expect(parts[0].documents.map((document) => document.b)).toEqual([['API reference'], ['Sandbox'], ['Guides']]);
    expect(parts[1]).toEqual(original[1]);
    expect(parts[0].index).toEqual(original[0].index);
  });

  it('leaves anything of another shape alone rather than failing the build', () => {
    expect(rewriteTrails({ not: 'an array' }, NAVBAR)).toEqual({ index: { not: 'an array' }, changed: 0 });
    const odd = [{ documents: [{ b: 'API reference' }, { b: [1, 2] }, null] }, null, { documents: 'none' }];
    expect(rewriteTrails(structuredClone(odd), NAVBAR)).toEqual({ index: odd, changed: 0 });
  });
});
