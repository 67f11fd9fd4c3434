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
 * The reference section of one catalog operation. The page supplies the
 * heading (`## Summary {#id}`) so the table of contents lists operations;
 * everything below it comes from the catalog, so the page cannot drift.
 */
export default function OperationReference({ id }: OperationReferenceProps): React.JSX.Element {
  const op = getOperation(id);
  const success = successExample(op);
  return (
    <section className={styles.operation} aria-label={`${op.summary} (${op.id})`} data-operation={op.id}>
      {/*
        The endpoint is a heading with an anchor so the site search indexes it as
        one: a path query then finds this section first, instead of losing it to
        the many snippets that mention the same path. Not in the page's TOC (only
        MDX headings are), so the TOC still lists operations by summary.
      */}
      <h3 className={styles.endpoint} id={`${op.id}-endpoint`}>
        <span className={styles.method} data-method={op.method}>
          {op.method}
        </span>{' '}
        <code className={styles.path}>{op.path}</code>
        <a className="hash-link" href={`#${op.id}-endpoint`} aria-label={`Direct link to ${op.method} ${op.path}`} title={`Direct link to ${op.method} ${op.path}`} translate="no">
          &#8203;
        </a>
      </h3>
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

      <h3>Parameters</h3>
      {op.params.length ? (
        <ParamsTable params={op.params} caption="Path, query and header parameters" />
      ) : (
        <p>No path, query or header parameters.</p>
      )}

      {op.requestBody && (
        <>
          <h3>Request body</h3>
          <FieldsTable schema={op.requestBody.schema} />
        </>
      )}

      <h3>Example request</h3>
      <CodeBlock language="bash">{exampleCurl(op)}</CodeBlock>

      {success && (
        <>
          <h3>Example response ({success.status})</h3>
          <CodeBlock language="json">{JSON.stringify(success.example, null, 2)}</CodeBlock>
        </>
      )}

      <h3>Responses</h3>
      <Responses op={op} />

      <h3>Errors</h3>
      <ErrorsTable op={op} />

      <h3>Limits and retries</h3>
      <LimitsList op={op} />

      <h3>Try it</h3>
      <AgoraApiTester endpoint={op.id} />
    </section>
  );
}
