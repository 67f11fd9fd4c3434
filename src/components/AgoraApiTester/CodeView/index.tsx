import React, { useMemo } from 'react';
import clsx from 'clsx';
import { highlightLines } from '../../../codeTheme/lean';
import { codeTokenStyle, modesOf } from '../../../codeTheme/dual';
import { usePrismTheme, useThemeConfig } from '../site';
import { useViewPrefs } from '../stores/viewPrefs';
import { useCopy } from './useCopy';
import { useStateFor } from '../useStateFor';
import styles from './styles.module.css';

/** Above this, only the head is highlighted and shown until the reader asks for all. */
export const TRUNCATE_AT = 1024 * 1024;
const PREVIEW_CHARS = 64 * 1024;
/** Tokenizing megabytes would freeze the page: large text is shown as plain text. */
const HIGHLIGHT_LIMIT = 200 * 1024;

interface Props {
  code: string;
  language: string;
  /** Names the Copy button and the code region, e.g. "cURL snippet". */
  label: string;
  /** Bytes of the original content, when known (decides the truncation). */
  sizeBytes?: number;
}

/**
 * Highlighted code in the site's Prism theme, with Copy, a Wrap toggle (one
 * choice for every code view in the tab, so long cURL lines and ids can be read
 * without scrolling sideways) and "Show all" for huge bodies. Tokens come from
 * the testers' own Prism (src/codeTheme/lean), light enough to load with the
 * tester.
 */
export default function CodeView({ code, language, label, sizeBytes }: Props) {
  const theme = usePrismTheme();
  const modes = modesOf(useThemeConfig().prism, theme);
  const { copied, failed, copy } = useCopy();
  const [{ wrap }, setPrefs] = useViewPrefs();
  const preClass = clsx(styles.pre, wrap && styles.wrap);
  // "Show all" is asked of one text: new code (the next answer's body) starts truncated again.
  const [showAll, setShowAll] = useStateFor(code, false);
  const huge = (sizeBytes ?? code.length) > TRUNCATE_AT;
  const visible = huge && !showAll ? code.slice(0, PREVIEW_CHARS) : code;
  const lines = useMemo(() => (visible.length <= HIGHLIGHT_LIMIT ? highlightLines(visible, language) : undefined), [visible, language]);
  // A line carries the code's colour but not its background (the <pre> has it), as in the theme's code blocks.
  const lineStyle = useMemo(() => ({ ...theme.plain, backgroundColor: undefined }), [theme]);
  return (
    <div className={styles.wrapper}>
      <div className={styles.toolbar}>
        <span role="status" className={styles.confirmation}>
          {copied ? 'Copied' : failed ? 'Copy failed: select the text and copy it' : ''}
        </span>
        <button type="button" className={styles.copy} aria-pressed={wrap} onClick={() => setPrefs({ wrap: !wrap })}>
          Wrap
        </button>
        <button type="button" className={styles.copy} onClick={() => copy(code)}>
          Copy
        </button>
      </div>
      {lines ? (
        // The markup the theme's code blocks have (prism-react-renderer's): the same classes, line style and tokens.
        <pre className={clsx(`prism-code language-${language.toLowerCase()}`, preClass)} style={theme.plain} tabIndex={0} aria-label={label}>
          <code>
            {lines.map((line, lineIndex) => (
              <div key={lineIndex} className="token-line" style={lineStyle}>
                {line.map((token, tokenIndex) => (
                  <span key={tokenIndex} className={clsx('token', ...token.types)} style={codeTokenStyle(modes, token)}>
                    {token.content}
                  </span>
                ))}
              </div>
            ))}
          </code>
        </pre>
      ) : (
        <pre className={preClass} style={{ color: theme.plain.color, backgroundColor: theme.plain.backgroundColor }} tabIndex={0} aria-label={label}>
          <code>{visible}</code>
        </pre>
      )}
      {huge && !showAll && (
        <p className={styles.truncated}>
          Showing the first {Math.round(PREVIEW_CHARS / 1024)} KB of {Math.round((sizeBytes ?? code.length) / 1024)} KB.{' '}
          <button type="button" className="button button--sm button--secondary" onClick={() => setShowAll(true)}>
            Show all
          </button>
        </p>
      )}
    </div>
  );
}
