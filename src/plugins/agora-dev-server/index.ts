/**
 * Mounts /api/relay and /sandbox on the Docusaurus dev server, so `npm start`
 * has both. Builds are untouched: nothing is created unless the dev server
 * calls `setupMiddlewares`.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Plugin } from '@docusaurus/types';
import { toNodeListener } from '../../adapters/node/listener';
import { createNodeRelay } from '../../relay/adapters/node/index';
import { createSandbox } from '../../sandbox/index';

type NodeListener = (req: IncomingMessage, res: ServerResponse, next: (error?: unknown) => void) => void;

/** One middleware that routes the two prefixes and passes everything else on. */
export function createDevMiddleware(): NodeListener {
  const sandbox = createSandbox({ basePath: '/sandbox' });
  const relay = createNodeRelay({ sandbox: sandbox.handler, sandboxBasePath: '/sandbox' });
  const sandboxListener = toNodeListener(sandbox.handler);
  return (req, res, next) => {
    const pathname = (req.url ?? '/').split('?')[0];
    if (pathname === '/api/relay' || pathname === '/api/relay/') return relay(req, res);
    if (pathname === '/sandbox' || pathname.startsWith('/sandbox/')) return sandboxListener(req, res);
    next();
  };
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

export default function agoraDevServer(): Plugin {
  return {
    name: 'agora-dev-server',
    configureWebpack(_config, isServer) {
      if (isServer || process.env.NODE_ENV === 'production') return {};
      return { devServer: { setupMiddlewares } } as Record<string, unknown>;
    },
  };
}
