import React, { memo, useRef, type ComponentType } from 'react';
import Content from '@theme-original/CodeBlock/Content';
import { CodeBlockContextProvider, useCodeBlockContext } from '@docusaurus/theme-common/internal';
import type { Props } from '@theme/CodeBlock/Content';
import type { WordWrap } from '../wordWrap';

const Lines = memo(Content as ComponentType<Props>);

/**
 * The theme's code lines, rendered again only when the code changes. A code
 * block's word-wrap state changes once after hydration (it measures whether
 * its lines scroll sideways, to offer the button), and the theme hands the
 * lines a new context then, so every token of every block on the page was
 * rendered again: about 270 components on the Video Calling guide, in the
 * longest task after load. The lines read only the metadata (kept per code by
 * ./String.tsx) and the `<pre>` ref from that context; wrapping is applied to
 * the element directly. So they get a context of their own that changes only
 * with those two.
 */
export default function CodeBlockContent(props: Props): React.JSX.Element {
  const { metadata, wordWrap } = useCodeBlockContext();
  const kept = useRef<{ metadata: typeof metadata; wordWrap: WordWrap }>({ metadata, wordWrap });
  if (kept.current.metadata !== metadata || kept.current.wordWrap.codeBlockRef !== wordWrap.codeBlockRef) kept.current = { metadata, wordWrap };
  return (
    <CodeBlockContextProvider metadata={kept.current.metadata} wordWrap={kept.current.wordWrap}>
      <Lines {...props} />
    </CodeBlockContextProvider>
  );
}
