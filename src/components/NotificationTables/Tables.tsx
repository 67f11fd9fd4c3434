import React from 'react';
import { NOTIFICATION_CATALOGS } from '../../sandbox/events/catalogs';
import type { EventTypeInfo, NotificationCatalog } from '../../sandbox/events/types';
import { InlineProse } from '../OperationReference/Prose';
import ScrollRegion from '../ScrollRegion';
import styles from './styles.module.css';

/** Where the tables' facts come from: Agora's documentation sources on GitHub. */
export const AGORA_DOCS_SOURCE = 'https://github.com/AgoraIO/Docs-Source/blob/main/';

/** A product's catalog by id; throws with the known ids so a typo in the page fails the build. */
export function notificationCatalog(product: string): NotificationCatalog {
  const catalog = NOTIFICATION_CATALOGS.find((entry) => entry.id === product);
  if (!catalog) {
    throw new Error(`No notification catalog "${product}": use one of ${NOTIFICATION_CATALOGS.map((entry) => entry.id).join(', ')}.`);
  }
  return catalog;
}

/** A snake_case name that may break after its underscores, so a long one does not widen the table. */
function BreakableName({ name }: { name: string }): React.JSX.Element {
  const parts = name.split('_');
  return (
    <code>
      {parts.map((part, i) => (
        <React.Fragment key={i}>
          {part}
          {i < parts.length - 1 ? (
            <>
              _<wbr />
            </>
          ) : null}
        </React.Fragment>
      ))}
    </code>
  );
}

function SandboxCell({ row }: { row: EventTypeInfo }): React.JSX.Element {
  if (row.sandbox) return <InlineProse text={row.sandbox} />;
  return (
    <>
      <span className={styles.never}>Never sent.</span> {row.whyNot ? <InlineProse text={row.whyNot} /> : null}
    </>
  );
}

/**
 * One product's event table on the Webhooks page, from the sandbox's
 * notification catalog (src/sandbox/events/catalogs.ts): Agora's event types
 * and what makes the sandbox send each one, or why it never does. The
 * serviceType column appears only for products whose events have one.
 */
export default function NotificationTable({ product }: { product: NotificationCatalog['id'] }): React.JSX.Element {
  const catalog = notificationCatalog(product);
  const hasServiceType = catalog.events.some((row) => row.serviceType !== undefined);
  return (
    <ScrollRegion>
      <table className={styles.table} data-notification-table={catalog.id}>
        <caption className={styles.caption}>
          {catalog.product} notifications (<code>productId</code> {catalog.productId}), from Agora&apos;s{' '}
          <a href={AGORA_DOCS_SOURCE + catalog.source}>{catalog.source.split('/').slice(-2).join('/')}</a>
        </caption>
        <thead>
          <tr>
            <th scope="col" className={styles.number}>
              eventType
            </th>
            <th scope="col">Name</th>
            {hasServiceType ? (
              <th scope="col" className={styles.number}>
                serviceType
              </th>
            ) : null}
            <th scope="col">What it means</th>
            <th scope="col">In the sandbox</th>
          </tr>
        </thead>
        <tbody>
          {catalog.events.map((row) => (
            <tr key={row.eventType}>
              <td className={styles.number}>
                <code>{row.eventType}</code>
              </td>
              <td className={styles.name}>
                <BreakableName name={row.name} />
              </td>
              {hasServiceType ? <td className={styles.number}>{row.serviceType ?? ''}</td> : null}
              <td>
                <InlineProse text={row.description} />
              </td>
              <td>
                <SandboxCell row={row} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
