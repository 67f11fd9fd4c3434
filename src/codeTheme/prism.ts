/**
 * prism-react-renderer's Prism, with the site's extra Prism languages
 * (`themeConfig.prism.additionalLanguages`, added by the theme's own
 * `prism-include-languages`). The theme's code block lines, when a block is
 * highlighted in the browser (src/theme/CodeBlock/Content/Live.tsx), import
 * this first: the theme's startup module that used to add the languages on
 * every page is gone (src/plugins/lazy-prism), so this module is what makes
 * `bash` highlight there. Only that on-demand chunk imports it, so no page
 * evaluates this Prism before a code block needs it. (The testers' code
 * views use a lighter Prism of their own: ./lean.)
 */
import { Prism } from 'prism-react-renderer';
import prismIncludeLanguages from '@theme/prism-include-languages';

prismIncludeLanguages(Prism);
