import React, { useState } from 'react';
import Copy from './Copy';
import styles from './styles.module.css';

/** The NCS secret, masked until the reader presses Show (as the tester's secret fields are), with Copy. */
export default function Secret({ secret }: { secret: string }) {
  const [shown, setShown] = useState(false);
  return (
    <div className={styles.row}>
      <dt>NCS secret</dt>
      <dd>
        <code className={styles.value} data-ncs-secret={shown ? secret : undefined}>
          {shown ? secret : '•'.repeat(12)}
        </code>{' '}
        <button type="button" className={styles.small} aria-label={`${shown ? 'Hide' : 'Show'} NCS secret`} onClick={() => setShown(!shown)}>
          {shown ? 'Hide' : 'Show'}
        </button>{' '}
        <Copy value={secret} name="NCS secret" />
      </dd>
    </div>
  );
}
