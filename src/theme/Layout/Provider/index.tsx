/**
 * The theme's layout providers, plus the page's island host: every live island
 * (testers, reference sections) is rendered from here, inside the colour mode
 * and the theme's other providers, but a few dozen fibers from the root rather
 * than deep in the MDX (src/components/Island/host.tsx says why).
 */
import React, { type ReactNode } from 'react';
import LayoutProvider from '@theme-original/Layout/Provider';
import { IslandHost } from '../../../components/Island/host';

export default function LayoutProviderWithIslands({ children }: { children: ReactNode }): React.JSX.Element {
  return (
    <LayoutProvider>
      {children}
      <IslandHost />
    </LayoutProvider>
  );
}
