/** Stand-ins for the Docusaurus hooks of ../site in jsdom tests (no Docusaurus context there). */
import React, { type ReactNode } from 'react';
import { themes } from 'prism-react-renderer';

export const siteMock = {
  useColorMode: () => ({ colorMode: 'light', setColorMode: () => {} }),
  usePrismTheme: () => themes.github,
  // No `prism.modes`: tokens are styled by the stock theme alone.
  useThemeConfig: () => ({ prism: {} }),
  useBaseUrl: (path: string) => path,
  useIsBrowser: () => true,
  BrowserOnly: ({ children }: { children: () => ReactNode; fallback?: ReactNode }) => <>{children()}</>,
  Link: ({ to, children, ...rest }: { to: string; children: ReactNode }) => (
    <a href={to} {...rest}>
      {children}
    </a>
  ),
};

/** Monaco cannot run in jsdom: the JSON view's own textarea fallback stands in for it. */
export function MonacoStandIn(props: { value: string; onChange: (text: string) => void; label: string }) {
  return <textarea data-testid="monaco-stand-in" aria-label={props.label} value={props.value} onChange={(event) => props.onChange(event.target.value)} />;
}
