import React from 'react';
import Island from '../Island';
import type { NotificationCatalog } from '../../sandbox/events/types';

/**
 * `<NotificationTable product="…"/>` as the Webhooks page writes it: the
 * tables (Tables.tsx) are in the server HTML; their code and the event
 * catalogs they read load only when they near the viewport. An unknown product
 * still fails the build (the static render runs Tables.tsx).
 */
export default function NotificationTable({ product }: { product: NotificationCatalog['id'] }): React.JSX.Element {
  return <Island name={`notifications:${product}`} load={() => import(/* webpackChunkName: "notification-tables" */ './Tables')} props={{ product }} />;
}
