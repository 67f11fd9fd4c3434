/**
 * Two Prism themes as one (see index.ts for why): the block's colours as a
 * theme prism-react-renderer can take, each token's style exact for either
 * mode. Pure and small, as the browser runs it: the code block's tokens
 * (src/theme/CodeBlock/Line/Token) and the tester's CodeView style tokens with
 * `codeTokenStyle(modesOf(themeConfig.prism, theme), token)`.
 */
import type { PrismTheme, PrismThemeEntry } from 'prism-react-renderer';

/** The custom property that is 0 in light mode and 1 in dark mode (src/css/custom.css). */
const DARK_FLAG = '--code-dark';

type Entry = Record<string, string | number | undefined>;

/** What a property is when a theme says nothing of it, for the properties that may differ between modes. */
const NEUTRAL: Record<string, string | number> = { fontStyle: 'normal', fontWeight: 400, opacity: 1 };

/** Font styles as oblique angles, so the two modes' values can be mixed by `calc()` (an oblique style falls back to the italic face). */
const SLANT: Record<string, number> = { normal: 0, italic: 14 };
const WEIGHT: Record<string, number> = { normal: 400, bold: 700 };

/** `a` in light mode, `b` in dark mode, as a `calc()` over the dark flag. */
function mix(a: number, b: number, unit = ''): string {
  // Rounded, so 1 - 0.7 is written 0.3, not 0.30000000000000004.
  const step = Number((b - a).toFixed(4));
  return `calc(${a}${unit} + ${step}${unit} * var(${DARK_FLAG}, 0))`;
}

/** One property of one token type in both modes: the value itself when they agree. */
function both(property: string, light: string | number, dark: string | number, type: string): string | number {
  if (light === dark) return light;
  switch (property) {
    case 'color':
    case 'backgroundColor':
      return `light-dark(${light}, ${dark})`;
    case 'fontStyle':
      if (!(String(light) in SLANT) || !(String(dark) in SLANT)) break;
      return `oblique ${mix(SLANT[light], SLANT[dark], 'deg')}`;
    case 'fontWeight':
      return mix(WEIGHT[light] ?? Number(light), WEIGHT[dark] ?? Number(dark));
    case 'opacity':
      return mix(Number(light), Number(dark));
  }
  throw new Error(`The light and dark code themes differ in ${property} for "${type}" (${light} / ${dark}); only colours, font style, font weight and opacity may differ.`);
}

/** A theme's style per token type, merged as prism-react-renderer merges it (later entries win). */
function byType(theme: PrismTheme): Map<string, Entry> {
  const styles = new Map<string, Entry>();
  for (const entry of theme.styles) {
    // Every language shares one theme here; a language-only entry could not be expressed per type.
    if (entry.languages) throw new Error(`A code theme entry for ${entry.types.join(', ')} is limited to some languages; the combined theme does not support that.`);
    for (const type of entry.types) styles.set(type, { ...styles.get(type), ...(entry.style as Entry) });
  }
  return styles;
}

function plainOf(theme: PrismTheme, property: 'color' | 'backgroundColor'): string {
  const value = theme.plain[property];
  if (!value) throw new Error(`A code theme has no plain ${property}.`);
  return value;
}

/** A token as prism-react-renderer hands it over: its types (e.g. `string`, `variable`) and whether it is an empty line. */
export interface TokenLike {
  types: readonly string[];
  empty?: boolean;
}

export interface DualCodeTheme {
  /** For `<Highlight theme>` and `themeConfig.prism`: the block's own colours in both modes; tokens are styled by `tokenStyle`. */
  theme: PrismTheme;
  /** A token's inline style in both modes, exactly as each theme alone would style it. */
  tokenStyle: (token: TokenLike) => PrismThemeEntry | undefined;
}

/**
 * Both themes as one. Why a style per token and not a combined theme entry
 * per type? prism-react-renderer merges a token's types' styles with the last
 * type winning, so a token typed `string variable operator` is the operator's
 * colour in the light theme but the variable's in the dark one (Dracula gives
 * operators none). A per-type entry can hold only one answer for both modes;
 * merging each theme's styles first and then combining them is exact.
 */
export function dualTheme(light: PrismTheme, dark: PrismTheme): DualCodeTheme {
  const lightTypes = byType(light);
  const darkTypes = byType(dark);
  const lightPlain = plainOf(light, 'color');
  const darkPlain = plainOf(dark, 'color');
  const known = new Map<string, PrismThemeEntry | undefined>();

  function compute(types: readonly string[], empty: boolean): PrismThemeEntry | undefined {
    // As prism-react-renderer does: plain text inherits the block's colour.
    if (types.length === 1 && types[0] === 'plain') return empty ? { display: 'inline-block' } as PrismThemeEntry : undefined;
    const l: Entry = Object.assign({}, ...types.map((type) => lightTypes.get(type)));
    const d: Entry = Object.assign({}, ...types.map((type) => darkTypes.get(type)));
    const style: Entry = empty ? { display: 'inline-block' } : {};
    const label = types.join(' ');
    if (l.color !== undefined || d.color !== undefined) style.color = both('color', l.color ?? lightPlain, d.color ?? darkPlain, label);
    for (const property of new Set([...Object.keys(l), ...Object.keys(d)])) {
      if (property === 'color') continue;
      const neutral = NEUTRAL[property];
      const lv = l[property] ?? neutral;
      const dv = d[property] ?? neutral;
      if (lv === undefined || dv === undefined) throw new Error(`Only one code theme sets ${property} for "${label}"; only colours, font style, font weight and opacity may differ.`);
      if (lv === dv && lv === neutral) continue;
      style[property] = both(property, lv, dv, label);
    }
    return style as PrismThemeEntry;
  }

  return {
    theme: {
      plain: {
        color: String(both('color', lightPlain, darkPlain, 'plain')),
        backgroundColor: String(both('backgroundColor', plainOf(light, 'backgroundColor'), plainOf(dark, 'backgroundColor'), 'plain')),
      },
      // Empty: every token's style comes from tokenStyle, so nothing can style one by a single theme's rule.
      styles: [],
    },
    tokenStyle(token) {
      const key = `${token.types.join(' ')}${token.empty ? '|empty' : ''}`;
      if (!known.has(key)) known.set(key, compute(token.types, token.empty === true));
      return known.get(key);
    },
  };
}

/** The two themes a combined one is made of; the site config carries them as `themeConfig.prism.modes`. */
export interface CodeModes {
  light: PrismTheme;
  dark: PrismTheme;
}

const singleModes = new WeakMap<PrismTheme, CodeModes>();

/**
 * The modes to style tokens with: the config's `prism.modes` (the site's two
 * themes), or else the theme in use as both (a test's stock theme, a site
 * configured without modes), which styles tokens as that theme alone would.
 */
export function modesOf(prism: unknown, theme: PrismTheme): CodeModes {
  // The theme config's type does not know the site's own `modes` key.
  const configured = (prism as { modes?: CodeModes } | undefined)?.modes;
  if (configured) return configured;
  let modes = singleModes.get(theme);
  if (!modes) singleModes.set(theme, (modes = { light: theme, dark: theme }));
  return modes;
}

const styling = new WeakMap<CodeModes, DualCodeTheme['tokenStyle']>();

/** A token's style in both modes; the combined theme is built once per pair of themes. */
export function codeTokenStyle(modes: CodeModes, token: TokenLike): PrismThemeEntry | undefined {
  let style = styling.get(modes);
  if (!style) styling.set(modes, (style = dualTheme(modes.light, modes.dark).tokenStyle));
  return style(token);
}
