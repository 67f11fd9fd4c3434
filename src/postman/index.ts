/**
 * The site's Postman files, from the real catalog: `scripts/build-catalog.ts`
 * writes them to `static/postman/` (downloads, gitignored like
 * `static/openapi.*`), and the newman test runs the same objects.
 */
import { allServers, operationsByFamily } from '../catalog';
import { STARTING_MS } from '../families/cloud-recording/sandbox';
import { APP_ID_NAMES, DEMO } from '../sandbox';
import { DEFAULT_SITE_URL } from '../site/origin';
import { postmanFiles, type PostmanFiles } from './collection';

export { postmanFiles, type PostmanFiles, type PostmanOptions } from './collection';

/** Where the files are served, under the site's root. */
export const POSTMAN_PATHS = {
  collection: 'postman/agora-rest-api.postman_collection.json',
  sandbox: 'postman/sandbox.postman_environment.json',
  live: 'postman/live.postman_environment.json',
} as const;

export function sitePostmanFiles(siteUrl: string = process.env.SITE_URL ?? DEFAULT_SITE_URL): PostmanFiles {
  const origin = siteUrl.replace(/\/+$/, '');
  return postmanFiles(operationsByFamily(), {
    siteUrl: origin,
    sandboxBaseUrl: `${origin}/sandbox`,
    liveBaseUrl: allServers().find((server) => server.role === 'primary')?.url ?? 'https://api.agora.io',
    appIdNames: APP_ID_NAMES,
    demo: DEMO,
    servers: allServers(),
    pauses: [
      {
        operationId: 'stop-recording',
        after: 'start-recording',
        ms: STARTING_MS,
        why: 'a recording writes files only once it has run a moment; stopped sooner, it answers 206 with code 435 (no recorded data).',
      },
    ],
  });
}

/** The three files as text, by path under `static/`. */
export function postmanFileTexts(siteUrl?: string): Record<string, string> {
  const files = sitePostmanFiles(siteUrl);
  const text = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;
  return {
    [POSTMAN_PATHS.collection]: text(files.collection),
    [POSTMAN_PATHS.sandbox]: text(files.sandbox),
    [POSTMAN_PATHS.live]: text(files.live),
  };
}
