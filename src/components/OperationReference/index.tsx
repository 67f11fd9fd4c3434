import React from 'react';
import { loadOperation } from '../../catalog/load';
import { opensTester } from '../AgoraApiTester/shareLink';
import Island, { withData } from '../Island';
import type { OperationReferenceProps } from './Section';

export type { OperationReferenceProps } from './Section';

/**
 * `<OperationReference id="…"/>` as the reference pages write it: the section
 * (Section.tsx) as an island. The server HTML carries the whole reference, so
 * readers and the search index see it at once; the code and the operation's
 * data load when the section nears the viewport or is touched. Its tester is
 * an island of its own inside.
 */
export default function OperationReference({ id }: OperationReferenceProps): React.JSX.Element {
  return (
    <Island
      name={`reference:${id}`}
      load={withData(() => import(/* webpackChunkName: "reference" */ './Section'), () => loadOperation(id))}
      props={{ id }}
      // A share link to its tester: the section loads first, then the tester inside sees the link.
      addressedBy={opensTester(id)}
    />
  );
}
