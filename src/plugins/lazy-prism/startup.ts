/**
 * Stands in for the classic theme's `prism-include-languages` client module
 * (see index.ts): nothing runs at startup. `src/codeTheme/prism.ts` adds the
 * site's extra languages when Prism is first loaded.
 */
export {};
