/**
 * prism-react-renderer's Prism as the site's code blocks have it: with
 * prismjs's `bash` added the way Docusaurus adds `additionalLanguages`
 * (`@theme/prism-include-languages`: the language file run against this Prism,
 * lent to the global scope). For tests that compare with the theme's colours.
 */
import { createRequire } from 'node:module';
import { Prism } from 'prism-react-renderer';

const require = createRequire(import.meta.url);
const BASH = require.resolve('prismjs/components/prism-bash.js');

/** The theme's Prism, with bash. */
export function themePrism(): typeof Prism {
  if (Prism.languages.bash) return Prism;
  // Run afresh: under Vitest, Node may have loaded the same file already for the testers' own Prism
  // (src/codeTheme/lean, whose `?lean` copies are separate modules only in webpack).
  delete require.cache[BASH];
  const scope = globalThis as { Prism?: unknown };
  scope.Prism = Prism;
  try {
    require(BASH);
  } finally {
    delete scope.Prism;
  }
  return Prism;
}
