/**
 * The slice of newman's library API (`newman.run`) the tests use; newman ships
 * no types and @types/newman would be a second dependency for five fields.
 */
declare module 'newman' {
  interface RunOptions {
    collection: unknown;
    environment?: unknown;
    /** Overrides environment values (the test points `baseUrl` at its own port). */
    envVar?: Array<{ key: string; value: string }>;
    reporters?: string | string[];
    timeoutRequest?: number;
  }

  interface Execution {
    item: { id: string; name: string };
    response?: { code: number; stream?: Uint8Array };
    requestError?: { message: string };
    assertions?: Array<{ assertion: string; error?: { message: string } }>;
  }

  interface RunSummary {
    run: {
      executions: Execution[];
      failures: Array<{ error: { message: string; test?: string }; source?: { name?: string } }>;
    };
  }

  const newman: {
    run(options: RunOptions, callback: (error: Error | null, summary: RunSummary) => void): unknown;
  };
  export type { Execution, RunOptions, RunSummary };
  export default newman;
}
