import React from 'react';

/** Placeholder until the interactive tester lands: names the endpoint it will test. */
export default function AgoraApiTester({ endpoint }: { endpoint: string }): React.JSX.Element {
  return (
    <div className="alert alert--secondary" role="note" data-endpoint={endpoint}>
      Interactive API tester for <code>{endpoint}</code> (coming soon).
    </div>
  );
}
