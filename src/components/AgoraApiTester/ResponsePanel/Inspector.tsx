import React from 'react';
import type { SentRequest } from '../../../relay/contract';
import CodeView from '../CodeView';
import { formatBytes } from '../phase';
import { useStateFor } from '../useStateFor';
import styles from './styles.module.css';

/** The body as sent, indented when it is JSON (the relay sends it compact). */
function readable(body: string): string {
  try {
    return JSON.stringify(JSON.parse(body), null, 2);
  } catch {
    return body;
  }
}

/**
 * The request one attempt sent, as the relay reports it: method and full URL
 * in view, headers and body one click away. The relay masked the credentials
 * and secret fields before answering, so nothing here needs hiding again.
 */
export default function Inspector({ request, number }: { request: SentRequest; number: number }) {
  const headers = Object.entries(request.headers);
  // Opened for one attempt's request: the next answer's attempt starts closed, as a new answer's details always did.
  const [open, setOpen] = useStateFor(request, false);
  const cut = request.body !== undefined && request.bodyBytes !== undefined && request.bodyBytes > request.body.length;
  return (
    <details className={styles.inspector} open={open} onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary>
        <span className={styles.muted}>Request sent:</span>{' '}
        <code className={styles.requestLine}>
          {request.method} {request.url}
        </code>
      </summary>
      <p className={styles.inspectorHeading}>Request headers ({headers.length})</p>
      <dl className={styles.headers}>
        {headers.map(([name, value]) => (
          <div key={name}>
            <dt>{name}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      {request.body === undefined ? (
        <p className={styles.muted}>No request body.</p>
      ) : (
        <>
          <p className={styles.inspectorHeading}>
            Request body{request.bodyBytes !== undefined && <span className={styles.muted}> ({formatBytes(request.bodyBytes)}{cut ? ', the start shown' : ''})</span>}
          </p>
          <CodeView code={readable(request.body)} language="json" label={`Request body, attempt ${number}`} />
        </>
      )}
    </details>
  );
}
