import React from 'react';
import { usePrismTheme, useThemeConfig } from '@docusaurus/theme-common';
import type { Props } from '@theme/CodeBlock/Line/Token';
import { codeModes, codeTokenStyle, type CodeModes } from '../../../../codeTheme/dual';

/** A token of a code block, coloured for both modes at once (src/codeTheme). */
export default function CodeBlockLineToken({ line: _line, token, style: _single, ...props }: Props): React.JSX.Element {
  const modes = codeModes(useThemeConfig().prism as { modes?: CodeModes }, usePrismTheme());
  return <span {...props} style={codeTokenStyle(modes, token)} />;
}
