/**
 * Mounts the site's relay and sandbox on the Docusaurus dev server, so
 * `npm start` has both; the pages stay the dev server's. Builds are untouched:
 * nothing is created unless the dev server calls `setupMiddlewares`.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Plugin } from '@docusaurus/types';
import { createNodeSite } from '../../site/node';

type NodeListener = (req: IncomingMessage, res: ServerResponse, next: (error?: unknown) => void) => void;

/** One middleware: the site without pages, so every path outside the relay and the sandbox goes to `next()`. */
export function createDevMiddleware(): NodeListener {
  return createNodeSite();
}

interface Middleware {
  name: string;
  middleware: NodeListener;
}

/**
 * Docusaurus merges a plugin's `devServer` with webpack-merge, which composes
 * two `setupMiddlewares` functions by calling both and concatenating their
 * results. So this one puts its middleware first in the shared array and
 * returns nothing extra; returning the array would list every middleware twice.
 */
export function setupMiddlewares(middlewares: Array<Middleware | NodeListener>): Array<Middleware | NodeListener> {
  middlewares.unshift({ name: 'agora-relay-and-sandbox', middleware: createDevMiddleware() });
  return [];
}

/** The Docusaurus plugin: adds the middleware to the client bundle's dev server in development only. */
export default function agoraDevServer(): Plugin {
  return {
    name: 'agora-dev-server',
    configureWebpack(_config, isServer) {
      if (isServer || process.env.NODE_ENV === 'production') return {};
      return { devServer: { setupMiddlewares } } as Record<string, unknown>;
    },
  };
}
