/**
 * The catalog with every family registered: gen/all imports each family's
 * generated module. Node (tests, scripts, the sandbox, the relay, the server
 * render, serverless bundles) reads it this way. The site's client bundle
 * replaces gen/all with an empty module (src/plugins/catalog-families), so a
 * browser page carries no catalog data until an island loads an operation
 * (src/catalog/load.ts).
 */
import './gen/all';

export * from './registry';
