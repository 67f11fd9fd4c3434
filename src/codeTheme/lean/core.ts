/**
 * prismjs's core, not yet with any language, lent to the global scope for
 * the language files index.ts imports next (they extend the global Prism).
 * The `?lean` query makes these modules the site's own instances: the theme
 * loads some of the same files for its code blocks' Prism
 * (`@theme/prism-include-languages`), and a module loads only once per page.
 */
import { lendGlobal } from './manual';
import Prism from 'prismjs/components/prism-core.js?lean';

lendGlobal(Prism);

export default Prism;
