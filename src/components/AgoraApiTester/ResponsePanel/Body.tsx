import React, { useMemo } from 'react';
import type { RelayResult } from '../../../relay/contract';
import CodeView from '../CodeView';
import { useCopy } from '../CodeView/useCopy';
import JsonTree from './JsonTree';
import { useViewPrefs } from '../stores/viewPrefs';
import { TesterHeading } from '../headings';
import styles from './styles.module.css';

function bodyText(body: unknown): string {
  return typeof body === 'string' ? body : JSON.stringify(body, null, 2) ?? '';
}

/**
 * The response body: a JSON answer as a foldable, searchable tree (Pretty) or
 * as highlighted text (Raw), the reader's last choice kept for the tab; any
 * other answer as text.
 */
export default function Body({ result }: { result: RelayResult }) {
  const [prefs, setPrefs] = useViewPrefs();
  const text = useMemo(() => bodyText(result.body), [result.body]);
  const { copied, failed, copy } = useCopy();
  const json = typeof result.body !== 'string';
  const mode = json ? prefs.bodyMode : 'raw';
  return (
    <div className={styles.section}>
      <div className={styles.bodyBar}>
        <TesterHeading sub className={styles.heading}>Body</TesterHeading>
        {json && (
          <div role="group" aria-label="Body view" className={styles.modes}>
            {(['pretty', 'raw'] as const).map((choice) => (
              <button key={choice} type="button" className={styles.mode} aria-pressed={mode === choice} onClick={() => setPrefs({ bodyMode: choice })}>
                {choice === 'pretty' ? 'Pretty' : 'Raw'}
              </button>
            ))}
          </div>
        )}
        {mode === 'pretty' && (
          <>
            <button type="button" className={styles.mode} onClick={() => copy(text)} aria-label="Copy response body">
              Copy
            </button>
            <span role="status" className={styles.muted}>
              {copied ? 'Copied' : failed ? 'Copy failed: switch to Raw and select the text' : ''}
            </span>
          </>
        )}
      </div>
      {mode === 'pretty' ? (
        <JsonTree value={result.body} label="Response body" />
      ) : (
        <CodeView code={text} language={json ? 'json' : 'text'} label="Response body" sizeBytes={result.sizeBytes} />
      )}
    </div>
  );
}
