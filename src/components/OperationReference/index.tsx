import React from 'react';
import { loadOperation } from '../../catalog/load';
import { opensTester } from '../AgoraApiTester/shareLink';
import Island, { withData } from '../Island';
import { loadCodeLines } from '../../theme/CodeBlock/Content/lines';
import type { OperationReferenceProps } from './Section';

export type { OperationReferenceProps } from './Section';

/**
 * `<OperationReference id="…"/>` as the reference pages write it: the section
 * (Section.tsx) as an island. The server HTML carries the whole reference, so
 * readers and the search index see it at once; the code and the operation's
 * data load when the section is touched, linked to, or its tester nears the
 * viewport. Its tester is an island of its own inside.
 */
export default function OperationReference({ id }: OperationReferenceProps): React.JSX.Element {
  return (
    <Island
      name={`reference:${id}`}
      // Its code blocks' highlighted lines too, so they show highlighted the moment the section goes live.
      load={withData(() => import(/* webpackChunkName: "reference" */ './Section'), () => loadOperation(id), loadCodeLines)}
      props={{ id }}
      // A share link to its tester: the section loads first, then the tester inside sees the link.
      addressedBy={opensTester(id)}
      // The served section is the whole reference; live, it adds working copy buttons. Loading it because it is
      // near cost a long render of a table-heavy section at every page load (the first one is in view), so it
      // waits for a touch, a link into it, or its tester coming near.
      nearBy="inner"
    />
  );
}
