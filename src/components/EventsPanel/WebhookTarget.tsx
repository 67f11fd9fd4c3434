import React, { useId, useState } from 'react';
import type { DeliverySettings } from '../../sandbox/events/types';
import { Link } from '../AgoraApiTester/site';
import styles from './styles.module.css';

export interface WebhookTargetProps {
  delivery: DeliverySettings;
  /** Choose (URL) or clear (null) the project's own target; resolves with the sandbox's refusal in words. */
  setTarget: (url: string | null) => Promise<{ ok: true } | { ok: false; message: string }>;
}

/**
 * Where this project's notices go: the operator's receiver, the project's own
 * target, or nowhere; and, where the operator allows it, a form to choose one.
 * A refused URL stays in the field with the sandbox's reason beside it.
 */
export default function WebhookTarget({ delivery, setTarget }: WebhookTargetProps) {
  const id = useId();
  const [url, setUrl] = useState(delivery.operatorTarget ? '' : (delivery.target ?? ''));
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | undefined>();
  const [saved, setSaved] = useState<string | undefined>();

  const apply = async (next: string | null) => {
    setBusy(true);
    setProblem(undefined);
    setSaved(undefined);
    const answer = await setTarget(next);
    setBusy(false);
    if (answer.ok) setSaved(next === null ? 'Cleared: notices are no longer POSTed by this project.' : `Saved: new notices are POSTed to ${next}.`);
    else setProblem(answer.message);
  };

  return (
    <div className={styles.target} data-webhook-target>
      <p className={styles.muted}>
        {delivery.target ? (
          <>
            Each notice is also POSTed, signed, to <code>{delivery.target}</code>
            {delivery.operatorTarget ? ' (set by whoever runs this sandbox)' : ' (this project’s target)'}, with Agora’s retries.
          </>
        ) : (
          <>
            Shown here only: this sandbox POSTs notices nowhere{delivery.configurable ? ' until you set a target' : ''}.{' '}
            {!delivery.configurable && (
              <>
                Run it yourself with <code>npm run sandbox -- --webhook &lt;URL&gt;</code> to have them sent to your server.{' '}
              </>
            )}
            <Link to="/docs/webhooks">Webhooks</Link>
          </>
        )}
      </p>
      {delivery.configurable && (
        <form
          className={styles.targetForm}
          onSubmit={(event) => {
            event.preventDefault();
            void apply(url.trim());
          }}
        >
          <label htmlFor={`${id}-url`}>Your webhook URL</label>
          <input
            id={`${id}-url`}
            type="url"
            value={url}
            placeholder={delivery.allowed[0] ? `${delivery.allowed[0]}…` : 'https://'}
            aria-describedby={`${id}-allowed`}
            aria-invalid={problem ? true : undefined}
            onChange={(event) => setUrl(event.target.value)}
          />
          <button type="submit" className={styles.small} disabled={busy || url.trim() === ''}>
            Save
          </button>
          {!delivery.operatorTarget && delivery.target && (
            <button type="button" className={styles.small} disabled={busy} onClick={() => void apply(null)}>
              Clear
            </button>
          )}
          <p id={`${id}-allowed`} className={styles.muted}>
            Allowed here: {delivery.allowed.map((prefix, index) => (
              <React.Fragment key={prefix}>
                {index > 0 && ', '}
                <code>{prefix}</code>…
              </React.Fragment>
            ))}
          </p>
        </form>
      )}
      <p aria-live="polite" className={problem ? styles.problem : styles.muted} data-webhook-feedback>
        {problem ?? saved ?? ''}
      </p>
    </div>
  );
}
