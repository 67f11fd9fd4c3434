import React from 'react';
import CodeBlock from '@theme/CodeBlock';
// Relative (not @site/...) so tsc and Vitest resolve it without Docusaurus' webpack aliases.
import AgoraApiTester from '../AgoraApiTester';
import { getOperation } from '../../catalog';
import ErrorsTable from './ErrorsTable';
import FieldsTable from './FieldsTable';
import LimitsList from './LimitsList';
import ParamsTable from './ParamsTable';
import Prose from './Prose';
import Responses from './Responses';
import { exampleCurl, successExample } from './exampleRequest';
import styles from './styles.module.css';

export interface OperationReferenceProps {
  /** A catalog operation id, e.g. `start-recording`. */
  id: string;
}

const AUTH_LABEL = {
  basic: 'HTTP Basic: Customer ID and Customer Secret',
  bearer: 'Bearer token',
  'agora-token': 'RTC token (Authorization: agora token=<token>)',
} as const;

/**
 * The reference of one catalog operation, the body of its page (the page's
 * title is the operation's summary). Everything comes from the catalog, so the
 * page cannot drift.
 */
export default function OperationReference({ id }: OperationReferenceProps): React.JSX.Element {
  const op = getOperation(id);
  const success = successExample(op);
  return (
    <section className={styles.operation} aria-label={`${op.summary} (${op.id})`} data-operation={op.id}>
      {/*
        The endpoint is a heading with an anchor so the site search indexes it as
        one: a path query then finds this page first, instead of losing it to
        the many snippets that mention the same path.
      */}
      <h2 className={styles.endpoint} id={`${op.id}-endpoint`}>
        <span className={styles.method} data-method={op.method}>
          {op.method}
        </span>{' '}
        <code className={styles.path}>{op.path}</code>
        <a className="hash-link" href={`#${op.id}-endpoint`} aria-label={`Direct link to ${op.method} ${op.path}`} title={`Direct link to ${op.method} ${op.path}`} translate="no">
          &#8203;
        </a>
      </h2>
      <p className={styles.meta}>
        Operation id <code>{op.id}</code> · Auth: {op.security.map((kind) => AUTH_LABEL[kind]).join(' or ')}
      </p>

      {op.guideExample && (
        <div className="alert alert--warning" role="note">
          <strong>Guide example.</strong> Agora&apos;s published API reference does not list this call. Nearest real
          call: {op.nearestRealCall}
        </div>
      )}
      <Prose text={op.description} />

      <h2>Parameters</h2>
      {op.params.length ? (
        <ParamsTable params={op.params} caption="Path, query and header parameters" />
      ) : (
        <p>No path, query or header parameters.</p>
      )}

      {op.requestBody && (
        <>
          <h2>Request body</h2>
          <FieldsTable schema={op.requestBody.schema} />
        </>
      )}

      <h2>Example request</h2>
      <CodeBlock language="bash">{exampleCurl(op)}</CodeBlock>

      {success && (
        <>
          <h2>Example response ({success.status})</h2>
          <CodeBlock language="json">{JSON.stringify(success.example, null, 2)}</CodeBlock>
        </>
      )}

      <h2>Responses</h2>
      <Responses op={op} />

      <h2>Errors</h2>
      <ErrorsTable op={op} />

      <h2>Limits and retries</h2>
      <LimitsList op={op} />

      <h2>Try it</h2>
      <AgoraApiTester endpoint={op.id} headingLevel={3} />
    </section>
  );
}
