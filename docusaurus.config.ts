import type { Config, Plugin } from '@docusaurus/types';
import type * as Preset from '@docusaurus/preset-classic';
import { codeModes, codeTheme } from './src/codeTheme';
import type { CodeModes } from './src/codeTheme/dual';
import { DEFAULT_SITE_URL } from './src/site/origin';
import catalogFamilies from './src/plugins/catalog-families/remark';

/**
 * package.json says "type": "module", so webpack parses the generated
 * .docusaurus/*.js files as strict ESM and leaves their CommonJS calls
 * (`require.resolveWeak` in registry.js, `require(css)` in client-modules.js)
 * untouched; the server bundle then fails at SSG time ("require.resolveWeak is
 * not a function"). Parsing those generated files as 'javascript/auto' lets
 * webpack rewrite the calls as it does in a CommonJS site.
 */
function generatedModulesAsAuto(): Plugin {
  return {
    name: 'generated-modules-as-auto',
    configureWebpack() {
      return {
        module: {
          rules: [{ test: /[\\/]\.docusaurus[\\/].*\.js$/, type: 'javascript/auto' }],
        },
      };
    },
  };
}

const config: Config = {
  title: 'Agora REST API',
  tagline: 'Interactive documentation for the Agora Video Calling, Cloud Recording and Media Pull REST APIs',
  favicon: 'img/favicon.svg',
  // Served from the root of whatever host runs it (local server, container, CDN).
  url: DEFAULT_SITE_URL,
  baseUrl: '/',
  trailingSlash: false,

  // A broken link is a bug in the docs: fail the build instead of shipping it.
  onBrokenLinks: 'throw',
  markdown: {
    hooks: {
      onBrokenMarkdownLinks: 'throw',
    },
  },

  i18n: {
    defaultLocale: 'en',
    locales: ['en'],
  },

  presets: [
    [
      'classic',
      {
        docs: {
          routeBasePath: 'docs',
          sidebarPath: './sidebars.ts',
          // Each page imports the catalog families its testers and references show (see the catalog-families plugin).
          remarkPlugins: [catalogFamilies],
        },
        blog: false,
        theme: {
          customCss: './src/css/custom.css',
        },
      } satisfies Preset.Options,
    ],
  ],

  themes: [
    [
      // Offline full-text search: the index is built with the site, no hosted service. Through a wrapper
      // that rewrites each hit's "where" line to the page's place in the sidebar (src/plugins/search-trail).
      './src/plugins/search-trail/index.ts',
      {
        hashed: true,
        indexBlog: false,
        indexPages: false,
        docsRouteBasePath: '/docs',
        highlightSearchTermsOnTargetPage: true,
        explicitSearchResultPath: true,
        searchResultLimits: 8,
        // 'zh' only for its tokenizer, on both sides: it splits at every non-word
        // character, so `/v1/apps/{appid}/cloud_recording/acquire` is indexed as
        // v1, apps, appid, cloud_recording (cloud, recording) and acquire, and a
        // query "/v1/apps" becomes v1 + apps. The English-only tokenizer keeps a
        // path as one token, and lunr's trimmer strips its leading "/", so no path
        // query ever matched. English stemming and stop words still apply.
        language: ['en', 'zh'],
        // The testers' controls and their generated snippets are not content: indexed,
        // every path query matched every tester's cURL line before the operation itself.
        ignoreCssSelectors: ['[data-endpoint]'],
      },
    ],
  ],

  // Explicit file: Node's resolver does not look for index.ts in a folder;
  // Docusaurus loads the TypeScript module itself.
  // folder-redirects: /docs and every docs folder without a page lead to its first page.
  // catalog-families: the client bundle carries no catalog family unless a page imports it.
  // async-vendor-styles: Monaco's CSS loads with the editor, not in every page's stylesheet.
  // lazy-prism: Prism loads where code is highlighted in the browser, not on every page's startup.
  plugins: [
    './src/plugins/agora-dev-server/index.ts',
    './src/plugins/folder-redirects/index.ts',
    './src/plugins/catalog-families/index.ts',
    './src/plugins/async-vendor-styles/index.ts',
    './src/plugins/prefetch-once/index.ts',
    './src/plugins/lazy-prism/index.ts',
    generatedModulesAsAuto,
  ],

  themeConfig: {
    colorMode: {
      defaultMode: 'light',
      respectPrefersColorScheme: true,
    },
    docs: {
      sidebar: {
        hideable: true,
      },
    },
    tableOfContents: {
      minHeadingLevel: 2,
      maxHeadingLevel: 3,
    },
    navbar: {
      title: 'Agora REST API',
      logo: {
        alt: 'Agora REST API docs',
        src: 'img/logo.svg',
      },
      items: [
        {
          to: '/docs/video-calling/rest-api-guide',
          label: 'Guide',
          position: 'left',
          activeBasePath: '/docs/video-calling',
        },
        {
          to: '/docs/media-pull/best-practices',
          label: 'Media Pull',
          position: 'left',
          activeBasePath: '/docs/media-pull',
        },
        {
          to: '/docs/reference',
          label: 'API reference',
          position: 'left',
          activeBasePath: '/docs/reference',
        },
        {
          to: '/docs/sandbox',
          label: 'Sandbox',
          position: 'left',
          activeBasePath: '/docs/sandbox',
        },
        {
          type: 'dropdown',
          label: 'OpenAPI',
          position: 'right',
          items: [
            // pathname:// bypasses the SPA router: these are static downloads.
            { label: 'openapi.json', href: 'pathname:///openapi.json' },
            { label: 'openapi.yaml', href: 'pathname:///openapi.yaml' },
            // Generated with the catalog (src/postman/): import into Postman, pick an environment.
            { label: 'Postman collection', href: 'pathname:///postman/agora-rest-api.postman_collection.json' },
            { label: 'Postman Sandbox environment', href: 'pathname:///postman/sandbox.postman_environment.json' },
            { label: 'Postman Live environment', href: 'pathname:///postman/live.postman_environment.json' },
          ],
        },
        {
          type: 'search',
          position: 'right',
        },
      ],
    },
    footer: {
      style: 'dark',
      links: [
        {
          title: 'Guides',
          items: [
            { label: 'Video Calling REST API guide', to: '/docs/video-calling/rest-api-guide' },
            { label: 'Media Pull best practices', to: '/docs/media-pull/best-practices' },
            { label: 'Media Push', to: '/docs/media-push/push-to-cdn' },
            { label: 'Cloud Transcoding', to: '/docs/cloud-transcoding/transcode-a-channel' },
            { label: 'Real-Time STT', to: '/docs/real-time-stt/agent-lifecycle' },
            { label: 'Conversational AI', to: '/docs/conversational-ai/agent-lifecycle' },
            { label: 'SDK documentation', to: '/docs/sdk-documentation/video-calling-sdk-guide' },
          ],
        },
        {
          title: 'Reference',
          items: [
            { label: 'API reference', to: '/docs/reference' },
            { label: 'Sandbox', to: '/docs/sandbox' },
            { label: 'OpenAPI (JSON)', href: 'pathname:///openapi.json' },
            { label: 'OpenAPI (YAML)', href: 'pathname:///openapi.yaml' },
          ],
        },
        {
          title: 'Agora',
          items: [
            { label: 'Agora Console', href: 'https://console.agora.io' },
            { label: 'Agora documentation', href: 'https://docs.agora.io/en/' },
            { label: 'RESTful authentication', href: 'https://docs.agora.io/en/video-calling/reference/restful-authentication' },
          ],
        },
      ],
      copyright: `Community documentation for the Agora REST API. Agora is a trademark of Agora, Inc. Built with Docusaurus.`,
    },
    prism: {
      // One theme holding both modes (light-dark() colours): served HTML is right in either mode (src/codeTheme);
      // `modes` (the site's own key) holds the two themes each token is styled from.
      theme: codeTheme,
      darkTheme: codeTheme,
      modes: codeModes,
      // bash is not in prism-react-renderer's default bundle; json and python are.
      additionalLanguages: ['bash'],
    } as Preset.ThemeConfig['prism'] & { modes: CodeModes },
  } satisfies Preset.ThemeConfig,
};

export default config;
