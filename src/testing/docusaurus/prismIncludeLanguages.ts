/**
 * Stand-in for `@theme/prism-include-languages` under Vitest (the real one
 * reads the generated site config, which exists only inside a Docusaurus
 * build): no extra languages, so code in tests is highlighted with
 * prism-react-renderer's own grammars. vitest.config.ts aliases the module
 * name to this file.
 */
export default function prismIncludeLanguages(): void {}
