import React, { useState } from 'react';
import type { NoticeRecord, StreamHello } from '../../sandbox/events/types';
import { clockTime } from '../AgoraApiTester/clock';
import type { HistoryEntry } from '../AgoraApiTester/history';
import CodeView from '../AgoraApiTester/CodeView';
import Copy from './Copy';
import Delivery from './Delivery';
import { revealHistoryEntry } from './reveal';
import { noticeSummary, productName } from './notices';
import Secret from './Secret';
import styles from './styles.module.css';

interface Props {
  notice: NoticeRecord;
  hello: StreamHello | undefined;
  /** The history entry of the call that caused it, when this page made that call. */
  entry: HistoryEntry | undefined;
}

const HEADERS = ['Content-Type', 'Agora-Signature', 'Agora-Signature-V2'] as const;

/** What caused it: a link to the tester's history entry, else the call as text, else the origin (idle timeout). */
function Cause({ notice, entry }: Pick<Props, 'notice' | 'entry'>) {
  const { cause, origin } = notice;
  if (origin) return <p className={styles.cause}>Caused by {origin}</p>;
  if (!cause) return null;
  if (entry) {
    return (
      <p className={styles.cause}>
        Caused by{' '}
        <a
          href={`#history-${entry.id}`}
          onClick={(event) => {
            event.preventDefault();
            revealHistoryEntry(entry.id, cause.operationId);
          }}
        >
          your {cause.operationId} call at {clockTime(entry.at)}
        </a>
      </p>
    );
  }
  return (
    <p className={styles.cause}>
      Caused by <code>{cause.method}</code> <code className={styles.path}>{cause.path}</code> · X-Request-ID <code>{cause.requestId}</code>
    </p>
  );
}

/** One notice: a summary line that opens to the body, the signed headers, the NCS secret and the delivery. */
export default function NoticeItem({ notice, hello, entry }: Props) {
  // The details render only once opened: a long list of closed notices stays light.
  const [open, setOpen] = useState(false);
  const pretty = JSON.stringify(notice.body, null, 2);
  return (
    <li className={styles.notice} data-seq={notice.seq} data-event-type={notice.body.eventType} data-family={notice.family}>
      <details onToggle={(event) => setOpen(event.currentTarget.open)}>
        <summary className={styles.summary}>
          <span className={styles.line}>
            <time dateTime={new Date(notice.body.notifyMs).toISOString()} className={styles.time}>
              {clockTime(notice.body.notifyMs)}
            </time>{' '}
            <span className={styles.product}>{productName(notice)}</span> <strong className={styles.name}>{notice.name}</strong>{' '}
            <span className={styles.muted}>eventType {notice.body.eventType}</span>
            {notice.delivery && <span className={styles.badge} data-delivery-badge> {notice.delivery.state}</span>}
          </span>
          <span className={styles.brief}>{noticeSummary(notice)}</span>
        </summary>
        {open && (
          <div className={styles.details}>
            <CodeView code={pretty} language="json" label={`Body of ${notice.name}`} />
            <details className={styles.raw}>
              <summary>Raw body (the exact bytes signed and POSTed)</summary>
              <CodeView code={notice.raw} language="json" label={`Raw body of ${notice.name}`} />
            </details>
            <dl className={styles.headers}>
              {HEADERS.map((name) => (
                <div key={name} className={styles.row}>
                  <dt>{name}</dt>
                  <dd>
                    <code className={styles.value} data-header={name}>
                      {notice.headers[name] ?? ''}
                    </code>{' '}
                    <Copy value={notice.headers[name] ?? ''} name={name} />
                  </dd>
                </div>
              ))}
              {hello && <Secret secret={hello.ncsSecret} />}
            </dl>
            <Delivery delivery={notice.delivery} target={hello?.delivery.target} />
          </div>
        )}
      </details>
      <Cause notice={notice} entry={entry} />
    </li>
  );
}
