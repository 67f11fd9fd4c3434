import type { Plugin } from '@docusaurus/types';

/** Mounts /api/relay and /sandbox on the dev server (filled in by the relay work). */
export default function agoraDevServer(): Plugin {
  return { name: 'agora-dev-server' };
}
