import type { SidebarsConfig } from '@docusaurus/plugin-content-docs';
import catalog from './src/catalog/openapi.gen.json';

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
      // One page per catalog family, in the catalog's order (tags sorted by
      // x-order); `npm run catalog` writes each page, and a missing one fails the build.
      items: catalog.tags.map((tag) => `reference/${tag['x-page']}`),
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
