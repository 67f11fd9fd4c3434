import React from 'react';
import { useCopy } from '../AgoraApiTester/CodeView/useCopy';
import styles from './styles.module.css';

/** A Copy button for one value, named after it, with its confirmation beside it. */
export default function Copy({ value, name }: { value: string; name: string }) {
  const { copied, failed, copy } = useCopy();
  return (
    <>
      <button type="button" className={styles.small} aria-label={`Copy ${name}`} onClick={() => copy(value)}>
        Copy
      </button>
      <span role="status" className={styles.muted}>
        {copied ? 'Copied' : failed ? 'Copy failed: select the text' : ''}
      </span>
    </>
  );
}
