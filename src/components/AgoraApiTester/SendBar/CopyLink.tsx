import React, { useEffect, useId, useRef, useState } from 'react';
import { fieldStyles } from '../Field';
import { useCopy } from '../CodeView/useCopy';
import { FAULTS, type Fault } from '../envelope';
import styles from './styles.module.css';

interface Props {
  /** Builds the share link for the request as it stands (the address bar is left alone). */
  shareLink: () => string;
  /** The Simulate choice the link carries. */
  fault: Fault;
}

/**
 * Copy link: the request and the Simulate choice, to the clipboard. Where the
 * clipboard is refused (an insecure origin, a denied permission) the link is
 * shown selected in a field to copy by hand, rather than put in the address
 * bar, where a reload would silently restore it.
 */
export default function CopyLink({ shareLink, fault }: Props) {
  const id = useId();
  const link = useCopy();
  const [url, setUrl] = useState('');
  const [manual, setManual] = useState(false);
  const fieldRef = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (link.failed) setManual(true);
  }, [link.failed]);
  useEffect(() => {
    if (manual) fieldRef.current?.select();
  }, [manual, url]);
  const simulated = fault === 'none' ? '' : `, with Simulate: ${FAULTS.find((option) => option.value === fault)?.label ?? fault}`;
  return (
    <>
      <button
        type="button"
        className="button button--link button--sm"
        onClick={() => {
          const next = shareLink();
          setUrl(next);
          void link.copy(next);
        }}
      >
        Copy link
      </button>
      <span role="status" className={styles.linkStatus}>
        {link.copied ? `Link copied${simulated}` : manual ? 'The clipboard is not available here: copy the link below.' : ''}
      </span>
      {manual && (
        <span className={styles.manualLink}>
          <label htmlFor={`${id}-link`} className={styles.manualLabel}>
            Share link
          </label>
          <input id={`${id}-link`} ref={fieldRef} className={fieldStyles.control} type="text" readOnly value={url} onFocus={(event) => event.currentTarget.select()} />
          <button type="button" className="button button--sm button--secondary" onClick={() => setManual(false)}>
            Done
          </button>
        </span>
      )}
    </>
  );
}
