import React, { useId, useMemo } from 'react';
import { getOperation } from '../../catalog';
import BodyEditor from './BodyEditor';
import CodeSamples from './CodeSamples';
import EventsEntry from '../EventsPanel/Entry';
import GuideExampleNote, { liveWarning } from './GuideExampleNote';
import Header from './Header';
import HistoryPanel from './HistoryPanel';
import { clearHistory, useOperationHistory } from './stores/pageHistory';
import ParamsForm from './ParamsForm';
import ResponsePanel from './ResponsePanel';
import RehearsedAnswer from './RehearsedAnswer';
import SendBar from './SendBar';
import { sendResult } from './SendBar/result';
import { statusText } from './phase';
import SessionPanel from './SessionPanel';
import { DEFAULT_SITE_URL } from '../../site/origin';
import { RELAY_PATH, SANDBOX_BASE_PATH } from '../../site/routes';
import { useBaseUrl, useIsBrowser } from './site';
import { useViewPrefs } from './stores/viewPrefs';
import { useResponseFocus } from './useResponseFocus';
import { useTester } from './useTester';
import WideToggle from './WideToggle';
import { TesterHeadingLevel } from './headings';
import styles from './styles.module.css';

export interface AgoraApiTesterProps {
  /** A catalog operation id, e.g. `start-recording`. */
  endpoint: string;
  /** Level of the tester's own headings: 4 (the default) under a guide's `###`, 3 under a reference page's h2. */
  headingLevel?: TesterHeadingLevel;
}

/**
 * The interactive tester for one catalog operation: request on the left,
 * response and code on the right (a column that stays in view beside a tall
 * form on wide screens), or one above the other on narrow ones.
 */
export default function AgoraApiTester({ endpoint, headingLevel = 4 }: AgoraApiTesterProps) {
  const op = useMemo(() => getOperation(endpoint), [endpoint]);
  const headingId = useId();
  const isBrowser = useIsBrowser();
  const sandboxBase = useBaseUrl(SANDBOX_BASE_PATH);
  const tester = useTester(op, useBaseUrl(RELAY_PATH), sandboxBase);
  const pathname = isBrowser ? window.location.pathname : '';
  const history = useOperationHistory(pathname, op.id);
  const sandboxBaseUrl = `${isBrowser ? window.location.origin : DEFAULT_SITE_URL}/sandbox`;
  const sending = tester.phase.kind === 'sending';
  const [{ wide }] = useViewPrefs();
  const { responseRef, viewResponse, detailsShown } = useResponseFocus(tester.phase);
  return (
    <TesterHeadingLevel.Provider value={headingLevel}>
      <section
        ref={tester.rootRef}
        className={styles.tester}
        aria-labelledby={headingId}
        data-endpoint={op.id}
        data-tester-wide={wide || undefined}
        onFocus={tester.ensureValidator}
        onPointerDown={tester.ensureValidator}
      >
        <div className={styles.top}>
          <Header op={op} headingId={headingId} />
          <WideToggle />
        </div>
        <GuideExampleNote op={op} />
        <div className={styles.columns}>
          <div className={styles.request}>
            <SessionPanel scheme={op.security[0]} />
            <ParamsForm
              op={op}
              form={tester.form}
              errors={tester.fieldErrors}
              onServer={tester.onServer}
              onParam={tester.onParam}
              onCustomAdd={tester.onCustomAdd}
              onCustomChange={tester.onCustomChange}
              onCustomRemove={tester.onCustomRemove}
            />
            {tester.clearedSecrets.length > 0 && (
              <p className={styles.secretNote} role="status">
                Secrets are never saved in links, history or the form this tab keeps. Type them again:{' '}
                {tester.clearedSecrets.map((name, index) => (
                  <React.Fragment key={name}>
                    {index > 0 && ', '}
                    <code>{name}</code>
                  </React.Fragment>
                ))}
                .
              </p>
            )}
            {tester.appIdNote && (
              <p className={styles.secretNote} role="status">
                {tester.appIdNote}
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
              result={sendResult(tester.phase)}
              onViewResponse={viewResponse}
            />
          </div>
          <div className={styles.output}>
            {/* "View response" focuses this; its name is the status line's, so the reader hears the result at once. */}
            <div ref={responseRef} tabIndex={-1} role="group" aria-label={`Response: ${statusText(tester.phase)}`} className={styles.response}>
              <ResponsePanel phase={tester.phase} onDetailsShown={detailsShown} />
            </div>
            {tester.rehearsal && <RehearsedAnswer rehearsal={tester.rehearsal} />}
            <EventsEntry family={op.family} environment={tester.environment} sandboxBase={sandboxBase} entries={history} />
            <CodeSamples request={tester.request} environment={tester.environment} credentials={tester.credentials} sandboxBaseUrl={sandboxBaseUrl} />
            <HistoryPanel entries={history} onOpen={(entry) => tester.restore(entry.request)} onClear={() => clearHistory(pathname)} />
          </div>
        </div>
      </section>
    </TesterHeadingLevel.Provider>
  );
}
