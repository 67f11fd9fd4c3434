import React, { useMemo } from 'react';
import { useThemeConfig } from '@docusaurus/theme-common';
import { CodeBlockContextProvider, createCodeBlockMetadata } from '@docusaurus/theme-common/internal';
import CodeBlockLayout from '@theme/CodeBlock/Layout';
import type { Props } from '@theme/CodeBlock/Content/String';
import { useWordWrap } from '../wordWrap';

/**
 * A code block given as text: the theme's layout, title, lines and buttons,
 * with two differences. Its metadata (the lines, their highlight classes) is
 * worked out once per code, not on every render, so the lines can skip the
 * renders that change nothing (./index.tsx). Its word-wrap state comes from
 * ../wordWrap.ts, which does not build the browser's collator on hydration.
 */
export default function CodeBlockString({ children, className, metastring, title, language, showLineNumbers }: Props): React.JSX.Element {
  const { prism } = useThemeConfig();
  const metadata = useMemo(
    () =>
      createCodeBlockMetadata({
        code: children,
        className,
        metastring,
        magicComments: prism.magicComments,
        defaultLanguage: prism.defaultLanguage,
        language,
        title,
        showLineNumbers,
      }),
    [children, className, metastring, prism.magicComments, prism.defaultLanguage, language, title, showLineNumbers],
  );
  const wordWrap = useWordWrap();
  return (
    <CodeBlockContextProvider metadata={metadata} wordWrap={wordWrap}>
      <CodeBlockLayout />
    </CodeBlockContextProvider>
  );
}
