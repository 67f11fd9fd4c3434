/**
 * The site's one Netlify Function: the relay on /api/relay and the sandbox on
 * /sandbox, built by src/relay/adapters/netlify. Netlify bundles this file
 * with esbuild (netlify.toml) and routes the paths in `config` to it; the pages
 * come from build/ on Netlify's CDN.
 */
export { default } from '../../src/relay/adapters/netlify/index';

// Written out here, not re-exported: Netlify reads `config` statically from the function's own file.
export const config = { path: ['/api/relay', '/sandbox', '/sandbox/*'] };
