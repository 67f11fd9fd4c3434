import React, { memo, useMemo, useState } from 'react';
import { getOperation } from '../../../catalog';
import type { ApiRequest, Credentials } from '../../../request/apiRequest';
import { secretPaths, secretsPresent } from '../../../request/secrets';
import type { RelayEnvironment } from '../../../relay/contract';
import { generateSnippet, SNIPPET_TARGET_INFO, type SnippetTarget } from '../../../snippets';
import CodeView from '../CodeView';
import Tabs from '../Tabs';
import { TesterHeading } from '../headings';
import styles from './styles.module.css';

type Base = 'curl' | 'javascript' | 'python';

const TABS = [
  { value: 'curl', label: 'cURL' },
  { value: 'javascript', label: 'JavaScript' },
  { value: 'python', label: 'Python' },
] as const;

interface Props {
  request: ApiRequest;
  environment: RelayEnvironment;
  credentials: Credentials | undefined;
  /** `${origin}/sandbox` in the browser. */
  sandboxBaseUrl: string;
}

/** The snippet for the current form, or a sentence saying what keeps it from being written. */
function snippetFor(target: SnippetTarget, request: ApiRequest, baseUrl: string, inline: boolean, credentials: Credentials | undefined): string {
  try {
    // One choice for both: credentials and the catalog's secret fields are written into the code together, or neither.
    return generateSnippet(target, request, { baseUrl, credentials: inline ? credentials : undefined, secrets: inline });
  } catch (error) {
    return `# The snippet cannot be written yet: ${(error as Error).message}`;
  }
}

/** cURL / JavaScript / Python for the request as it stands, rebuilt on every keystroke. */
function CodeSamples({ request, environment, credentials, sandboxBaseUrl }: Props) {
  const [tab, setTab] = useState<Base>('curl');
  const [production, setProduction] = useState(false);
  const [inline, setInline] = useState(false);
  const target: SnippetTarget = production && tab !== 'curl' ? `${tab}-production` : tab;
  const baseUrl = environment === 'sandbox' ? sandboxBaseUrl : `https://${request.server}`;
  const code = useMemo(
    () => snippetFor(target, request, baseUrl, inline, credentials),
    [target, request, baseUrl, inline, credentials],
  );
  const info = SNIPPET_TARGET_INFO[target];
  const op = useMemo(() => getOperation(request.operationId), [request.operationId]);
  // The label offers secrets wherever the operation has any; the note names the variables this request reads.
  const secrets = secretPaths(op).length > 0;
  const secretEnv = useMemo(() => [...new Set(secretsPresent(request, op).map((secret) => secret.env))], [request, op]);
  return (
    <section className={styles.samples} aria-label="Code">
      <TesterHeading className={styles.title}>Code</TesterHeading>
      <Tabs
        label="Snippet language"
        tabs={TABS}
        selected={tab}
        onSelect={setTab}
        extra={
          <>
            <label className={styles.option}>
              <input type="checkbox" checked={production} disabled={tab === 'curl'} onChange={(event) => setProduction(event.target.checked)} />
              Production
            </label>
            <label className={styles.option}>
              <input type="checkbox" checked={inline} onChange={(event) => setInline(event.target.checked)} />
              {secrets ? 'Include my credentials and secrets' : 'Include my credentials'}
            </label>
          </>
        }
      >
        <p className={styles.note}>
          {inline
            ? `Your credentials${secrets ? ' and secrets' : ''} are written into this code: do not commit or share it.`
            : credentialsNote(request.auth)}
          {!inline && secretEnv.length > 0 && ` Secret fields come from ${secretEnv.join(', ')}.`}
          {environment === 'sandbox' && (inline || request.auth === 'none' ? ' Runs against this site’s sandbox.' : ' Runs against this site’s sandbox: export the credentials shown under Credentials (your sandbox project’s).')}
        </p>
        <CodeView code={code} language={info.language} label={`${info.label} snippet`} />
      </Tabs>
    </section>
  );
}

function credentialsNote(auth: ApiRequest['auth']): string {
  if (auth === 'basic') return 'Credentials come from AGORA_CUSTOMER_ID and AGORA_CUSTOMER_SECRET.';
  if (auth === 'bearer' || auth === 'agora-token') return 'The token comes from AGORA_TOKEN.';
  return '';
}

// Memoised: a Send re-renders the tester twice (sending, answered), and nothing here depends on the answer.
export default memo(CodeSamples);
