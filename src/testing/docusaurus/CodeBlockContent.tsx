import React from 'react';

/**
 * Stand-in for `@theme-original/CodeBlock/Content` (the theme's highlighted
 * lines, loaded on demand by src/theme/CodeBlock/Content/lines.ts) under
 * Vitest, where the theme's modules do not exist. vitest.config.ts aliases the
 * module name to this file.
 */
export default function CodeBlockContent(): React.JSX.Element {
  return <pre data-testid="code-lines" />;
}
