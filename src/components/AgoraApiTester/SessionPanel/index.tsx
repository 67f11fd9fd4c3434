import React, { memo, useId } from 'react';
import type { SecurityKind } from '../../../catalog/types';
import Field from '../Field';
import MaskedInput from '../MaskedInput';
import { clearHistory } from '../stores/pageHistory';
import { useSandboxProject } from '../stores/sandboxProject';
import { isDemo, useSession, type CredentialFields } from '../stores/session';
import SandboxProject from './SandboxProject';
import styles from './styles.module.css';

const FIELDS: Record<SecurityKind, Array<{ key: keyof CredentialFields; label: string; secret: boolean }>> = {
  basic: [
    { key: 'customerId', label: 'Customer ID', secret: false },
    { key: 'customerSecret', label: 'Customer Secret', secret: true },
  ],
  bearer: [{ key: 'token', label: 'Token', secret: true }],
  'agora-token': [{ key: 'token', label: 'Token', secret: true }],
};

/** The credentials' badge when they are this browser's sandbox project's: the longest one, so the badge keeps its width. */
const OWN_LABEL = 'your project';

const SCHEME_LABEL: Record<SecurityKind, string> = { basic: 'HTTP Basic', bearer: 'Bearer token', 'agora-token': 'agora token=<RTC token>' };

/**
 * Environment and credentials, shared by every tester on the page: typing here
 * updates all of them. Shows only the fields the operation's scheme needs.
 */
function SessionPanel({ scheme }: { scheme: SecurityKind | undefined }) {
  const [session, store] = useSession();
  const id = useId();
  const fields = session.credentials[session.environment];
  const [project] = useSandboxProject();
  const sandbox = session.environment === 'sandbox';
  const demo = sandbox && isDemo(fields);
  // The fields still hold what the sandbox issued for this browser (not something the reader typed over them).
  const own = sandbox && project.kind === 'ready' && fields.customerId === project.project.customerId;
  const label = demo ? 'demo' : own ? OWN_LABEL : undefined;
  return (
    <div className={styles.panel}>
      <fieldset className={styles.environment}>
        <legend>Environment</legend>
        {(['sandbox', 'live'] as const).map((environment) => (
          <label key={environment} className={styles.choice}>
            <input
              type="radio"
              name={`${id}-environment`}
              value={environment}
              checked={session.environment === environment}
              onChange={() => store.setEnvironment(environment)}
            />
            {environment === 'sandbox' ? 'Sandbox (emulator)' : 'Live (real Agora)'}
          </label>
        ))}
      </fieldset>
      {sandbox && <SandboxProject />}
      {scheme && (
        <details className={styles.credentials} open={session.environment === 'live'}>
          <summary>
            Credentials: {SCHEME_LABEL[scheme]}
            {(label || (sandbox && project.kind === 'pending')) && (
              // As wide as its longest label whatever it shows, and held empty while the project is on its way,
              // so the summary wraps the same before and after (see SandboxProject: the form must not jump).
              <span className={styles.demo} data-room={label ? undefined : ''}>
                <span>{label}</span>
                <span className={styles.badgeRoom} aria-hidden="true">
                  {OWN_LABEL}
                </span>
              </span>
            )}
          </summary>
          <p className={styles.note}>
            {own
              ? 'Issued by the sandbox for this browser and kept in its local storage, so every tab uses the same project; they open nothing at Agora. '
              : 'Entered once for every tester on this page. '}
            {own ? 'Never' : `Kept in memory only${session.remember ? ' and in this tab’s session storage' : ''}; never`} put in links, history or snippets unless you ask.
          </p>
          <div className={styles.grid}>
            {FIELDS[scheme].map((field) => (
              <Field key={field.key} label={field.label} hint={label}>
                {(control) => (
                  <MaskedInput
                    control={control}
                    className={styles.input}
                    label={field.label}
                    secret={field.secret}
                    value={fields[field.key]}
                    onChange={(value) => store.setCredential(field.key, value)}
                  />
                )}
              </Field>
            ))}
          </div>
          <div className={styles.actions}>
            <label className={styles.choice}>
              <input type="checkbox" checked={session.remember} onChange={(event) => store.setRemember(event.target.checked)} />
              Remember in this tab
            </label>
            <button type="button" className="button button--sm button--outline button--secondary" onClick={() => {
                store.forget();
                clearHistory(window.location.pathname);
              }}>
              Forget
            </button>
          </div>
        </details>
      )}
    </div>
  );
}

// Memoised: a Send re-renders the tester twice (sending, answered), and nothing here depends on the answer.
export default memo(SessionPanel);
