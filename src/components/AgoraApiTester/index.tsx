import React, { useId, useMemo } from 'react';
import { getOperation } from '../../catalog';
import BodyEditor from './BodyEditor';
import CodeSamples from './CodeSamples';
import GuideExampleNote, { liveWarning } from './GuideExampleNote';
import Header from './Header';
import HistoryPanel from './HistoryPanel';
import { clearHistory, usePageHistory } from './stores/pageHistory';
import ParamsForm from './ParamsForm';
import ResponsePanel from './ResponsePanel';
import SendBar from './SendBar';
import SessionPanel from './SessionPanel';
import { useBaseUrl, useIsBrowser } from './site';
import { useTester } from './useTester';
import styles from './styles.module.css';

export interface AgoraApiTesterProps {
  /** A catalog operation id, e.g. `start-recording`. */
  endpoint: string;
}

/** The interactive tester for one catalog operation: request on the left, response and code on the right. */
export default function AgoraApiTester({ endpoint }: AgoraApiTesterProps) {
  const op = useMemo(() => getOperation(endpoint), [endpoint]);
  const headingId = useId();
  const isBrowser = useIsBrowser();
  const tester = useTester(op, useBaseUrl('/api/relay'));
  const pathname = isBrowser ? window.location.pathname : '';
  const history = usePageHistory(pathname).filter((entry) => entry.request.operationId === op.id);
  const sandboxBaseUrl = `${isBrowser ? window.location.origin : 'http://localhost:3000'}/sandbox`;
  const sending = tester.phase.kind === 'sending';
  return (
    <section
      ref={tester.rootRef}
      className={styles.tester}
      aria-labelledby={headingId}
      data-endpoint={op.id}
      onFocus={tester.ensureValidator}
      onPointerDown={tester.ensureValidator}
    >
      <Header op={op} headingId={headingId} />
      <GuideExampleNote op={op} />
      <div className={styles.columns}>
        <div className={styles.request}>
          <SessionPanel scheme={op.security[0]} />
          <ParamsForm op={op} form={tester.form} errors={tester.fieldErrors} onServer={tester.onServer} onParam={tester.onParam} />
          {tester.clearedSecrets.length > 0 && (
            <p className={styles.secretNote} role="status">
              Secrets are never saved in links or history. Type them again:{' '}
              {tester.clearedSecrets.map((name, index) => (
                <React.Fragment key={name}>
                  {index > 0 && ', '}
                  <code>{name}</code>
                </React.Fragment>
              ))}
              .
            </p>
          )}
          <BodyEditor op={op} form={tester.form} errors={tester.fieldErrors} onField={tester.onBodyField} onText={tester.onBodyText} />
          <SendBar
            sending={sending}
            startedAt={tester.phase.kind === 'sending' ? tester.phase.startedAt : undefined}
            problems={tester.problems}
            sandbox={tester.environment === 'sandbox'}
            liveWarning={tester.environment === 'live' ? liveWarning(op, tester.form.server) : undefined}
            fault={tester.fault}
            onFault={tester.setFault}
            onSend={tester.send}
            onCancel={tester.cancel}
            shareLink={tester.shareLink}
          />
        </div>
        <div className={styles.output}>
          <ResponsePanel phase={tester.phase} />
          <CodeSamples request={tester.request} environment={tester.environment} credentials={tester.credentials} sandboxBaseUrl={sandboxBaseUrl} />
          <HistoryPanel entries={history} onOpen={(entry) => tester.restore(entry.request)} onClear={() => clearHistory(pathname)} />
        </div>
      </div>
    </section>
  );
}
