/** Where a tester's request is in its life, as the response panel shows it. */
import type { RelayClientError } from '../../relay/client';
import type { RelayResult } from '../../relay/contract';
import type { Explanation } from './explain';

export type Phase =
  | { kind: 'idle' }
  | { kind: 'sending'; startedAt: number; step?: string }
  | { kind: 'done'; result: RelayResult; explanation: Explanation | null }
  | { kind: 'failed'; error: RelayClientError; explanation: Explanation };

/** `1.2 KB`, `830 B`, `3.4 MB`. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** `850 ms`, `2.4 s`. */
export function formatMs(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`;
}

/** The sentence the status region announces. */
export function statusText(phase: Phase): string {
  switch (phase.kind) {
    case 'idle':
      return 'No request sent yet.';
    case 'sending':
      return phase.step ?? 'Sending request…';
    case 'done': {
      const { status, statusText: text, durationMs, sizeBytes } = phase.result;
      return `${status} ${text} · ${formatMs(durationMs)} · ${formatBytes(sizeBytes)}`;
    }
    case 'failed':
      return `${phase.explanation.title}: ${phase.error.message}`;
  }
}
