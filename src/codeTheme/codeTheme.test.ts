import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import { Highlight, type PrismTheme, type PrismThemeEntry, type Token } from 'prism-react-renderer';
import { describe, expect, it } from 'vitest';
import { codeTokenStyle, dualTheme, modesOf } from './dual';
import { themePrism } from '../testing/themePrism';
import { codeModes, codeTheme, darkCodeTheme, lightCodeTheme, recolour } from './index';

const light: PrismTheme = {
  plain: { color: '#111111', backgroundColor: '#ffffff' },
  styles: [
    { types: ['string'], style: { color: '#aa0000' } },
    { types: ['operator', 'punctuation'], style: { color: '#00aa00' } },
    { types: ['comment'], style: { color: '#777777', fontStyle: 'italic' } },
    { types: ['namespace'], style: { opacity: 0.7 } },
    { types: ['same'], style: { color: '#123456' } },
  ],
};
const dark: PrismTheme = {
  plain: { color: '#eeeeee', backgroundColor: '#000000' },
  styles: [
    { types: ['string'], style: { color: '#ff8888' } },
    { types: ['variable', 'keyword'], style: { color: '#8888ff', fontStyle: 'italic' } },
    { types: ['punctuation'], style: { color: '#88ff88' } },
    { types: ['comment'], style: { color: '#999999' } },
    { types: ['same'], style: { color: '#123456' } },
  ],
};

describe('dualTheme', () => {
  const { theme, tokenStyle } = dualTheme(light, dark);

  it("gives the block its colours in both modes and leaves every token to tokenStyle", () => {
    expect(theme.plain).toEqual({ color: 'light-dark(#111111, #eeeeee)', backgroundColor: 'light-dark(#ffffff, #000000)' });
    expect(theme.styles).toEqual([]);
  });

  it('writes a colour the two modes share once, and light-dark() where they differ', () => {
    expect(tokenStyle({ types: ['same'] })).toEqual({ color: '#123456' });
    expect(tokenStyle({ types: ['string'] })).toEqual({ color: 'light-dark(#aa0000, #ff8888)' });
  });

  it('merges each theme across a token’s types first, as prism-react-renderer does, so combined types are exact', () => {
    // Light: operator wins (last type styled). Dark: operator is unstyled, so variable's colour stands.
    expect(tokenStyle({ types: ['string', 'variable', 'operator'] })?.color).toBe('light-dark(#00aa00, #8888ff)');
    // A type only one theme styles takes the other theme's plain colour, as its text would.
    expect(tokenStyle({ types: ['operator'] })?.color).toBe('light-dark(#00aa00, #eeeeee)');
  });

  it('leaves plain text and types neither theme styles to inherit the block colour', () => {
    expect(tokenStyle({ types: ['plain'] })).toBeUndefined();
    expect(tokenStyle({ types: ['class-name'] })).toEqual({});
    // An empty line keeps its height, as prism-react-renderer makes it.
    expect(tokenStyle({ types: ['plain'], empty: true })).toEqual({ display: 'inline-block' });
  });

  it('mixes font style and opacity over the --code-dark flag (light-dark() takes colours only)', () => {
    expect(tokenStyle({ types: ['comment'] })).toEqual({
      color: 'light-dark(#777777, #999999)',
      fontStyle: 'oblique calc(14deg + -14deg * var(--code-dark, 0))',
    });
    expect(tokenStyle({ types: ['keyword'] })?.fontStyle).toBe('oblique calc(0deg + 14deg * var(--code-dark, 0))');
    expect(tokenStyle({ types: ['namespace'] })).toEqual({ opacity: 'calc(0.7 + 0.3 * var(--code-dark, 0))' });
  });

  it('refuses what it cannot express in both modes instead of dropping it', () => {
    const underline: PrismTheme = { ...dark, styles: [{ types: ['url'], style: { textDecorationLine: 'underline' } }] };
    expect(() => dualTheme(light, underline).tokenStyle({ types: ['url'] })).toThrow(/textDecorationLine for "url"/);
    const perLanguage: PrismTheme = { ...dark, styles: [{ types: ['tag'], languages: ['markup'], style: { color: '#ffffff' } }] };
    expect(() => dualTheme(light, perLanguage)).toThrow(/limited to some languages/);
  });
});

describe('recolour', () => {
  it('swaps a colour wherever it is used and leaves the rest', () => {
    const swapped = recolour(light, { '#aa0000': '#990000' });
    expect(swapped.styles[0].style.color).toBe('#990000');
    expect(swapped.styles[1].style.color).toBe('#00aa00');
    expect(swapped.plain).toEqual(light.plain);
  });
});

/** The two colours of `light-dark(a, b)`, split at the comma outside any parentheses (`rgb(1, 2, 3)`). */
function lightDark(value: string): [string, string, string] | null {
  if (!value.startsWith('light-dark(') || !value.endsWith(')')) return null;
  const inner = value.slice('light-dark('.length, -1);
  let depth = 0;
  for (let i = 0; i < inner.length; i++) {
    if (inner[i] === '(') depth++;
    else if (inner[i] === ')') depth--;
    else if (inner[i] === ',' && depth === 0) return [value, inner.slice(0, i).trim(), inner.slice(i + 1).trim()];
  }
  return null;
}

/** The light-mode (0) or dark-mode (1) value of a style written by tokenStyle, as the browser would resolve it. */
function resolved(style: PrismThemeEntry | undefined, mode: 0 | 1, plain: string): Record<string, string> {
  const out: Record<string, string> = { color: plain, fontStyle: 'normal', opacity: '1' };
  for (const [property, raw] of Object.entries(style ?? {})) {
    const value = String(raw);
    const pair = lightDark(value);
    const mixed = /calc\((-?[\d.]+)(deg)? \+ (-?[\d.]+)(?:deg)? \* var\(--code-dark, 0\)\)/.exec(value);
    if (pair) out[property] = pair[mode + 1];
    else if (mixed) {
      const number = Number((Number(mixed[1]) + Number(mixed[3]) * mode).toFixed(4));
      out[property] = property === 'fontStyle' ? (number === 0 ? 'normal' : 'italic') : String(number);
    } else out[property] = value;
  }
  return out;
}

/** What prism-react-renderer itself gives a token under one theme, normalised like `resolved`. */
function alone(style: PrismThemeEntry | undefined, plain: string): Record<string, string> {
  const out: Record<string, string> = { color: plain, fontStyle: 'normal', opacity: '1' };
  for (const [property, value] of Object.entries(style ?? {})) out[property] = String(value);
  return out;
}

/** Every token of `code` with the style prism-react-renderer gives it under `theme`. */
function tokensUnder(theme: PrismTheme, code: string, language: string): Array<{ token: Token; style: PrismThemeEntry | undefined }> {
  const found: Array<{ token: Token; style: PrismThemeEntry | undefined }> = [];
  renderToString(
    createElement(Highlight, {
      theme,
      code,
      language,
      children: ({ tokens, getTokenProps }) => {
        for (const line of tokens) for (const token of line) found.push({ token, style: getTokenProps({ token }).style as PrismThemeEntry | undefined });
        return null;
      },
    }),
  );
  return found;
}

describe("the site's code theme", () => {
  // The code the site shows (the snippet generators' golden files), in the languages it highlights; bash is
  // loaded into prism-react-renderer's Prism the way Docusaurus loads `additionalLanguages`.
  themePrism();
  const dir = fileURLToPath(new URL('../snippets/__golden__/', import.meta.url));
  const language = (file: string) => (file.endsWith('.sh') ? 'bash' : file.endsWith('.py') ? 'python' : 'javascript');
  const samples = readdirSync(dir).map((file) => ({ file, code: readFileSync(dir + file, 'utf8'), language: language(file) }));

  it('styles every token of the site’s code as the light theme does in light mode and the dark theme in dark mode', () => {
    let compared = 0;
    const combined = new Set<string>();
    for (const { code, language: lang } of samples) {
      const inLight = tokensUnder(lightCodeTheme, code, lang);
      const inDark = tokensUnder(darkCodeTheme, code, lang);
      expect(inDark.length).toBe(inLight.length);
      inLight.forEach(({ token, style }, index) => {
        const ours = codeTokenStyle(codeModes, token);
        expect(resolved(ours, 0, lightCodeTheme.plain.color!), token.types.join(' ')).toEqual(alone(style, lightCodeTheme.plain.color!));
        expect(resolved(ours, 1, darkCodeTheme.plain.color!), token.types.join(' ')).toEqual(alone(inDark[index].style, darkCodeTheme.plain.color!));
        if (token.types.length > 1) combined.add(token.types.join(' '));
        compared++;
      });
    }
    // The check covers real code, combined token types included (bash strings with variables inside).
    expect(samples.some((sample) => sample.language === 'bash')).toBe(true);
    expect(compared).toBeGreaterThan(1000);
    expect(combined.has('string variable')).toBe(true);
  });

  it('styles tokens from the config’s modes, or from the theme in use alone when the config has none', () => {
    expect(modesOf({ modes: codeModes }, codeTheme)).toBe(codeModes);
    const single = modesOf({}, lightCodeTheme);
    expect(single).toEqual({ light: lightCodeTheme, dark: lightCodeTheme });
    expect(modesOf(undefined, lightCodeTheme)).toBe(single);
    expect(codeTokenStyle(single, { types: ['comment'] })).toEqual({ color: '#676756', fontStyle: 'italic' });
  });

  it('is the theme the site configures for both modes', async () => {
    const { default: config } = await import('../../docusaurus.config');
    const prism = (config.themeConfig as { prism: { theme: PrismTheme; darkTheme: PrismTheme; modes: unknown } }).prism;
    expect(prism.theme).toBe(codeTheme);
    expect(prism.darkTheme).toBe(codeTheme);
    expect(prism.modes).toBe(codeModes);
  });
});
