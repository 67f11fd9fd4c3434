import React from 'react';

/**
 * Stand-in for `@theme/CodeBlock` under Vitest (the real one needs a running
 * Docusaurus theme). vitest.config.ts aliases the module name to this file.
 */
export default function CodeBlock({ children, language }: { children?: React.ReactNode; language?: string }) {
  return (
    <pre data-testid="code" data-language={language}>
      <code>{children}</code>
    </pre>
  );
}
