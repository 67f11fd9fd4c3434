import React from 'react';
import { loadEveryOperation } from '../../catalog/load';
import Island, { withData } from '../Island';

/**
 * `<OperationIndex/>` as the reference index writes it: every operation's row
 * in the server HTML; the filter's code and the whole catalog load only when
 * the table nears the viewport or is touched (IndexTable.tsx).
 */
export default function OperationIndex(): React.JSX.Element {
  return <Island name="operation-index" load={withData(() => import(/* webpackChunkName: "operation-index" */ './IndexTable'), loadEveryOperation)} props={{}} />;
}
