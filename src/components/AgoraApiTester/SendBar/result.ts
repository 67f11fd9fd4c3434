/** The last answer in a few words, for the summary in the line under Send. */
import { formatMs, type Phase } from '../phase';

export interface SendResult {
  /** `200 OK in 85 ms`, `Failed: Timed out`, `Cancelled` (worded apart from the status line it summarises). */
  text: string;
  tone: 'ok' | 'bad' | 'neutral';
}

/** The summary of a finished send; undefined while idle or sending. */
export function sendResult(phase: Phase): SendResult | undefined {
  if (phase.kind === 'done') {
    const { status, statusText, durationMs } = phase.result;
    return { text: `${status} ${statusText}`.trim() + ` in ${formatMs(durationMs)}`, tone: status < 300 ? 'ok' : 'bad' };
  }
  if (phase.kind === 'failed') {
    const cancelled = phase.error.kind === 'abort';
    return { text: cancelled ? 'Cancelled' : `Failed: ${phase.explanation.title}`, tone: cancelled ? 'neutral' : 'bad' };
  }
  return undefined;
}
