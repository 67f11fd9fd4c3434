/** `@docusaurus/Link` outside a Docusaurus build (Vitest): a plain anchor. */
import React, { type ReactNode } from 'react';

export default function Link({ to, href, children, ...rest }: { to?: string; href?: string; children?: ReactNode } & Record<string, unknown>) {
  return (
    <a href={to ?? href} {...rest}>
      {children}
    </a>
  );
}
