import React, { createContext, useContext, type HTMLAttributes } from 'react';

/** The level of a tester's own headings (Body, Code, Response); their parts (Attempts, the answer's Body) sit one deeper. */
export type TesterHeadingLevel = 3 | 4;

/**
 * A tester sits under a guide's `###` heading (its headings are h4) or under a reference page's
 * "Try it" h2 (h3): the page says which, so the outline never skips a level (axe's heading-order).
 */
export const TesterHeadingLevel = createContext<TesterHeadingLevel>(4);

/** One of the tester's headings; `sub` for a part of a part (Response -> Body). */
export function TesterHeading({ sub = false, ...props }: { sub?: boolean } & HTMLAttributes<HTMLHeadingElement>): React.JSX.Element {
  const level = useContext(TesterHeadingLevel) + (sub ? 1 : 0);
  const Tag = `h${level}` as 'h3' | 'h4' | 'h5';
  return <Tag {...props} />;
}
