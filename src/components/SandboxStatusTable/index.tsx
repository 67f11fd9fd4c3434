import React from 'react';
import { loadEveryOperation } from '../../catalog/load';
import Island, { withData } from '../Island';

/**
 * `<SandboxStatusTable/>` as the Sandbox page writes it: the table is in the
 * server HTML; its code and the whole catalog it reads load only when it nears
 * the viewport (its links then navigate within the app).
 */
export default function SandboxStatusTable(): React.JSX.Element {
  return <Island name="sandbox-status" load={withData(() => import(/* webpackChunkName: "sandbox-status" */ './Table'), loadEveryOperation)} props={{}} />;
}
