import React, { Children, isValidElement, type ReactNode } from 'react';
import ElementContent from '@theme/CodeBlock/Content/Element';
import StringContent from '@theme/CodeBlock/Content/String';
import type { Props } from '@theme/CodeBlock';

/** The children as one string when they are only text (so the block can be copied), else as given. */
function asText(children: ReactNode): ReactNode {
  if (Children.toArray(children).some((child) => isValidElement(child))) return children;
  return Array.isArray(children) ? children.join('') : children;
}

/**
 * The theme's code block without its second render. The theme keys each block
 * by "has hydrated", so every block on a page was rendered again from scratch
 * (Prism tokenising included) right after hydration, only to swap the served
 * light-mode colours for the reader's mode. The site's code theme holds both
 * modes (src/codeTheme), so the served HTML is already right and one render,
 * the hydration itself, is enough.
 */
export default function CodeBlock({ children, ...props }: Props): React.JSX.Element {
  const content = asText(children);
  return typeof content === 'string' ? <StringContent {...props}>{content}</StringContent> : <ElementContent {...props}>{content}</ElementContent>;
}
