/**
 * The site's code colours: one Prism theme that holds both colour modes.
 *
 * Why one theme and not Docusaurus's `theme` + `darkTheme`? The server renders
 * code in one mode only (it cannot know the reader's), with the colours inline
 * on every token. Docusaurus repairs that by rendering every code block a
 * second time after hydration; an island's served HTML (a reference section, a
 * tester) is never re-rendered until it is touched, so in dark mode its code
 * stayed light on a dark page. Here each colour is `light-dark(light, dark)`,
 * which the browser resolves from the page's `color-scheme` (Infima sets it
 * with the colour mode), so the served HTML is right in both modes, a mode
 * toggle repaints code without React, and no block needs a second render
 * (src/theme/CodeBlock). The block's colours are the theme given to Prism;
 * each token's come from `codeTokenStyle` (dual.ts: the combining, which the
 * browser runs; this module holds the site's two themes, for the config).
 *
 * `light-dark()` takes colours only. The other properties a theme may vary
 * (font style, weight, opacity) are written as `calc()` over `--code-dark`,
 * 0 in light mode and 1 in dark (src/css/custom.css); anything else differing
 * between the two themes fails the build rather than being dropped.
 */
import { themes, type PrismTheme } from 'prism-react-renderer';
import { dualTheme, type CodeModes } from './dual';

/**
 * A Prism theme with some token colours swapped (matched by their value, so
 * every token type sharing a colour moves together). Used to keep the look of
 * the stock themes while meeting WCAG AA (4.5:1) for code text.
 */
export function recolour(theme: PrismTheme, swaps: Record<string, string>): PrismTheme {
  return {
    ...theme,
    styles: theme.styles.map((entry) => {
      const colour = entry.style.color;
      return colour && swaps[colour] ? { ...entry, style: { ...entry.style, color: swaps[colour] } } : entry;
    }),
  };
}

/*
 * GitHub's light tokens are 2.6 to 4.3:1 on its #f6f8fa background: darkened
 * to 5.4 to 6.1:1 (at least 4.7:1 on a highlighted line). Same hues.
 */
export const lightCodeTheme = recolour(themes.github, {
  '#999988': '#676756', // comments
  '#e3116c': '#b80e57', // strings
  '#36acaa': '#187270', // numbers, booleans, variables, properties
  '#00a4db': '#006b99', // keywords, at-rules
  '#d73a49': '#b82b39', // functions, tags
});

/* Dracula's comments are 3.0:1 and its "deleted" red 4.5:1 on #282A36: lightened to 6.2 and 5.6:1. */
export const darkCodeTheme = recolour(themes.dracula, {
  'rgb(98, 114, 164)': '#a0aad2',
  'rgb(255, 85, 85)': '#ff7a7a',
});

/**
 * `themeConfig.prism.theme` and `darkTheme` alike (the block's colours), and
 * `themeConfig.prism.modes` (the two themes tokens are styled from). Only
 * docusaurus.config.ts (and tests) import this module: the browser gets both
 * through the site config, so prism-react-renderer's stock themes stay out of
 * its bundles.
 */
export const codeModes: CodeModes = { light: lightCodeTheme, dark: darkCodeTheme };
export const codeTheme = dualTheme(lightCodeTheme, darkCodeTheme).theme;
