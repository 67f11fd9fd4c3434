import type { SidebarsConfig } from '@docusaurus/plugin-content-docs';
import catalog from './src/catalog/openapi.gen.json';
import type { OpenApiDocument } from './src/catalog/document';
// The document-only reader, not the registry: the config loader loads modules afresh, so families registered by
// src/catalog/gen/all would land in another copy of the registry than the one read here.
import { docIdOfPath, referencePages } from './src/catalog/model';

// One sidebar for the whole site, grouped the way readers arrive: learn the
// API (guides), look an operation up (reference), try it without an account
// (sandbox), then move to client-side work (SDK).
const sidebars: SidebarsConfig = {
  docs: [
    {
      type: 'category',
      label: 'Guides',
      collapsible: false,
      items: ['video-calling/rest-api-guide', 'media-pull/best-practices', 'media-push/push-to-cdn', 'cloud-transcoding/transcode-a-channel', 'real-time-stt/agent-lifecycle', 'conversational-ai/agent-lifecycle'],
    },
    {
      type: 'category',
      label: 'API reference',
      collapsible: true,
      collapsed: false,
      link: { type: 'doc', id: 'reference/index' },
      // A category per catalog family, in the catalog's order (tags sorted by x-order): its overview, then a
      // page per operation in document order. `npm run catalog` writes each page; a missing one fails the build.
      items: referencePages(catalog as unknown as OpenApiDocument).map(({ family, path, operations }) => ({
        type: 'category' as const,
        label: family.title,
        collapsed: true,
        link: { type: 'doc' as const, id: `${docIdOfPath(path)}/index` },
        items: operations.map(docIdOfPath),
      })),
    },
    {
      type: 'doc',
      id: 'sandbox',
      label: 'Sandbox',
    },
    {
      type: 'doc',
      id: 'webhooks',
      label: 'Webhooks (notifications)',
    },
    {
      type: 'category',
      label: 'SDK',
      collapsible: false,
      items: ['sdk-documentation/video-calling-sdk-guide'],
    },
  ],
};

export default sidebars;
