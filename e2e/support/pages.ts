/** Every page of the site, for the specs that sweep them all (axe, CSP). */
import { readFileSync } from 'node:fs';
import type { OpenApiDocument } from '../../src/catalog/document';
import { referencePages } from '../../src/catalog/model';

// Read, not imported: Playwright's ESM loader wants an import attribute for JSON.
const catalog = JSON.parse(readFileSync(new URL('../../src/catalog/openapi.gen.json', import.meta.url), 'utf8')) as OpenApiDocument;

/** Each family's reference overview and its operations' pages, in catalog order. */
export const REFERENCE_PAGES = referencePages(catalog);

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
  // Each family's overview, then a page per operation.
  ...REFERENCE_PAGES.flatMap((family) => [family.path, ...family.operations]),
  '/docs/sandbox',
  '/docs/webhooks',
  '/docs/sdk-documentation/video-calling-sdk-guide',
];
