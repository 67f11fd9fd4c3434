/** Every page of the site, for the specs that sweep them all (axe, CSP). */
import { readFileSync } from 'node:fs';

// Read, not imported: Playwright's ESM loader wants an import attribute for JSON.
const catalog = JSON.parse(readFileSync(new URL('../../src/catalog/openapi.gen.json', import.meta.url), 'utf8')) as {
  tags: Array<{ name: string; 'x-page': string }>;
};

/** The catalog's families by name, in catalog order (a Postman folder each). */
export const FAMILY_NAMES: readonly string[] = catalog.tags.map((tag) => tag.name);

export const SITE_PAGES: readonly string[] = [
  '/',
  '/docs/video-calling/rest-api-guide',
  '/docs/media-pull/best-practices',
  '/docs/cloud-transcoding/transcode-a-channel',
  '/docs/real-time-stt/agent-lifecycle',
  '/docs/media-push/push-to-cdn',
  '/docs/conversational-ai/agent-lifecycle',
  '/docs/reference',
  // One reference page per catalog family.
  ...catalog.tags.map((tag) => `/docs/reference/${tag['x-page']}`),
  '/docs/sandbox',
  '/docs/webhooks',
  '/docs/sdk-documentation/video-calling-sdk-guide',
];
