/**
 * The theme's code lines, highlighted by Prism: loaded on demand (./index.tsx),
 * with the site's extra languages added first.
 */
import { memo, type ComponentType } from 'react';
import '../../../codeTheme/prism';
import Content from '@theme-original/CodeBlock/Content';
import type { Props } from '@theme/CodeBlock/Content';

export default memo(Content as ComponentType<Props>);
