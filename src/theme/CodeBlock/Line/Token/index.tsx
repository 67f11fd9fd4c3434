import React from 'react';
import { usePrismTheme, useThemeConfig } from '@docusaurus/theme-common';
import type { Props } from '@theme/CodeBlock/Line/Token';
import { codeTokenStyle, modesOf } from '../../../../codeTheme/dual';

/** A token of a code block, coloured for both modes at once (src/codeTheme). */
export default function CodeBlockLineToken({ line: _line, token, style: _single, ...props }: Props): React.JSX.Element {
  const modes = modesOf(useThemeConfig().prism, usePrismTheme());
  return <span {...props} style={codeTokenStyle(modes, token)} />;
}
