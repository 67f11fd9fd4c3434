import React, { useEffect, useLayoutEffect, useRef, useState } from 'react';
import clsx from 'clsx';
import { usePrismTheme } from '@docusaurus/theme-common';
import { CodeBlockContextProvider, useCodeBlockContext } from '@docusaurus/theme-common/internal';
import type { Props } from '@theme/CodeBlock/Content';
// The theme's own classes for the lines' <pre>, so a block kept as served is described as the theme renders it.
import themeStyles from '@docusaurus/theme-classic/lib/theme/CodeBlock/Content/styles.module.css';
import type { WordWrap } from '../wordWrap';
import { KEEP_SERVER_HTML, useHydrating } from '../../../components/Island/served';
import { loadCodeLines, loadedLines } from './lines';

type Metadata = ReturnType<typeof useCodeBlockContext>['metadata'];

/** The class and style prism-react-renderer and the theme give the lines' <pre> (its `Highlight` and `Pre`). */
export function linesPreProps(className: string | undefined, language: string, plain: React.CSSProperties): { className: string; style: React.CSSProperties } {
  return { className: clsx(className, `prism-code language-${language.toLowerCase()}`, themeStyles.codeBlock, 'thin-scrollbar'), style: plain };
}

/** What decides a block's lines: the same for two blocks means the same HTML. */
export function linesKey(metadata: Pick<Metadata, 'language' | 'code' | 'lineClassNames' | 'lineNumbersStart'>): string {
  return JSON.stringify([metadata.language, metadata.code, metadata.lineClassNames, metadata.lineNumbersStart ?? null]);
}

/**
 * Served lines on the page, by their key. The theme's tabs mount their panels
 * again right after hydration (they are keyed by "is browser"), so a block in
 * a tab is rendered in the browser while its served twin is still in the
 * document: it takes that twin's lines instead of loading Prism to make the
 * same HTML again.
 */
const servedLines = new Map<string, HTMLPreElement>();

/**
 * The served lines, kept: the same <pre> the theme rendered on the server, its
 * highlighted lines left as they are. Hydrating them as React elements meant
 * loading Prism on every page and tokenising every block again, only to
 * arrive at the HTML already on screen.
 */
function ServedLines({ className }: Props): React.JSX.Element {
  const { metadata, wordWrap } = useCodeBlockContext();
  const theme = usePrismTheme();
  const key = linesKey(metadata);
  useLayoutEffect(() => {
    const pre = wordWrap.codeBlockRef.current;
    if (!pre) return undefined;
    servedLines.set(key, pre);
    return () => {
      if (servedLines.get(key) === pre) servedLines.delete(key);
    };
  }, [key, wordWrap.codeBlockRef]);
  return <pre ref={wordWrap.codeBlockRef} tabIndex={0} {...linesPreProps(className, metadata.language ?? 'text', theme.plain)} dangerouslySetInnerHTML={KEEP_SERVER_HTML} suppressHydrationWarning />;
}

/** Lines given as HTML (a served twin's), or the code unhighlighted while the highlighted lines are on their way. */
function OtherLines({ className, html }: Props & { html: { __html: string } | undefined }): React.JSX.Element {
  const { metadata, wordWrap } = useCodeBlockContext();
  const theme = usePrismTheme();
  const pre = linesPreProps(className, metadata.language ?? 'text', theme.plain);
  if (html) return <pre ref={wordWrap.codeBlockRef} tabIndex={0} {...pre} dangerouslySetInnerHTML={html} />;
  return (
    <pre ref={wordWrap.codeBlockRef} tabIndex={0} {...pre}>
      <code className={themeStyles.codeBlockLines}>{metadata.code}</code>
    </pre>
  );
}

/**
 * Lines rendered in the browser. A served twin's HTML when the page has one;
 * otherwise the lines highlighted by Prism, whose chunk usually has arrived (it
 * is prefetched at the lowest priority, and islands load it with their own
 * code); until it has, the code unhighlighted. On the server the render waits
 * for them, so the served HTML is highlighted.
 */
function LiveLines(props: Props): React.JSX.Element {
  const { metadata } = useCodeBlockContext();
  // Read while rendering: the twin may leave the document in this very commit (a tab panel mounted again).
  const [twin] = useState(() => {
    const html = servedLines.get(linesKey(metadata))?.innerHTML;
    return html === undefined ? undefined : { code: metadata, html: { __html: html } };
  });
  const [Lines, setLines] = useState(loadedLines);
  const copied = twin?.code === metadata ? twin.html : undefined;
  useEffect(() => {
    if (Lines || copied) return undefined;
    let mounted = true;
    loadCodeLines().then(
      (loaded) => mounted && setLines(() => loaded),
      // Left unhighlighted: the code is all there, and the next block to render tries again.
      () => undefined,
    );
    return () => {
      mounted = false;
    };
  }, [Lines, copied]);
  if (copied) return <OtherLines {...props} html={copied} />;
  if (Lines) return <Lines {...props} />;
  // How a server render waits for them. No Suspense boundary: the page's root waits (Docusaurus renders with
  // onAllReady), so the lines are written in place. Inside a boundary, React 19 writes its fallback there and the
  // finished lines at the end of the body with an inline script to move them (see Island).
  if (typeof window === 'undefined') throw loadCodeLines();
  return <OtherLines {...props} html={undefined} />;
}

/**
 * A code block's lines. Served blocks stay as served (no Prism on the page for
 * them, src/plugins/lazy-prism); blocks rendered in the browser (a client-side
 * navigation, a tab panel mounted again, an island going live) take a served
 * twin's lines or are highlighted by the theme's own lines, loaded on demand.
 *
 * The lines render again only when the code changes. A code block's word-wrap
 * state changes once after hydration (it measures whether its lines scroll
 * sideways, to offer the button), and the theme hands the lines a new context
 * then, so every token of every block on the page was rendered again. The
 * lines read only the metadata (kept per code by ./String.tsx) and the `<pre>`
 * ref from that context; wrapping is applied to the element directly. So they
 * get a context of their own that changes only with those two.
 */
export default function CodeBlockContent(props: Props): React.JSX.Element {
  const { metadata, wordWrap } = useCodeBlockContext();
  const hydrating = useHydrating();
  // Fixed at mount, for the code it was served with: new code (never on a static page) is rendered live.
  const [served] = useState(() => (typeof window !== 'undefined' && hydrating ? metadata.code : undefined));
  const kept = useRef<{ metadata: Metadata; wordWrap: WordWrap }>({ metadata, wordWrap });
  if (kept.current.metadata !== metadata || kept.current.wordWrap.codeBlockRef !== wordWrap.codeBlockRef) kept.current = { metadata, wordWrap };
  return (
    <CodeBlockContextProvider metadata={kept.current.metadata} wordWrap={kept.current.wordWrap}>
      {served === metadata.code ? <ServedLines {...props} /> : <LiveLines {...props} />}
    </CodeBlockContextProvider>
  );
}
