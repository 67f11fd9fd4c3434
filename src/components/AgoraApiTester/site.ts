/**
 * Every Docusaurus-specific hook and component the tester uses, in one place:
 * the component tests replace this module (jsdom has no Docusaurus context).
 */
export { useColorMode, usePrismTheme, useThemeConfig } from '@docusaurus/theme-common';
export { default as useBaseUrl } from '@docusaurus/useBaseUrl';
export { default as useIsBrowser } from '@docusaurus/useIsBrowser';
export { default as BrowserOnly } from '@docusaurus/BrowserOnly';
export { default as Link } from '@docusaurus/Link';
