/**
 * prism-react-renderer's Highlight, with the site's extra Prism languages
 * (`themeConfig.prism.additionalLanguages`, added by the theme's own
 * `prism-include-languages`). Import Highlight from here, never from
 * prism-react-renderer directly: the theme's startup module that used to add
 * the languages on every page is gone (src/plugins/lazy-prism), so this module
 * is what makes `bash` (the cURL snippets) highlight. Only chunks that load on
 * demand import it, so no page evaluates Prism before it highlights something.
 */
import { Highlight, Prism } from 'prism-react-renderer';
import prismIncludeLanguages from '@theme/prism-include-languages';

prismIncludeLanguages(Prism);

export { Highlight };
