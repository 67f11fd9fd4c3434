import React from 'react';
import { loadOperation } from '../../catalog/load';
import Island, { withData } from '../Island';
import { opensTester } from './shareLink';
import type { AgoraApiTesterProps } from './Tester';

export type { AgoraApiTesterProps } from './Tester';

/**
 * `<AgoraApiTester endpoint="…"/>` as the docs write it: the tester (Tester.tsx)
 * as an island. Its server HTML is the real form; its code and its operation's
 * data load when it nears the viewport, is touched, or a share link opens it.
 */
export default function AgoraApiTester({ endpoint, headingLevel }: AgoraApiTesterProps): React.JSX.Element {
  return (
    <Island
      name={`tester:${endpoint}`}
      load={withData(() => import(/* webpackChunkName: "tester" */ './Tester'), () => loadOperation(endpoint))}
      props={headingLevel ? { endpoint, headingLevel } : { endpoint }}
      addressedBy={opensTester(endpoint)}
    />
  );
}
