import type { BatchStatus } from '../api/batches';

/** What each status means for the person looking at the batch. */
export const STATUS_MEANING: Record<BatchStatus, string> = {
  GENERATED: 'Awaiting a second approver: another admin must approve it before it can be exported.',
  APPROVED: 'Approved: ready to export as a bank file.',
  EXPORTED: 'Exported: mark each line paid or failed as the bank reports it.',
  FULLY_PAID: 'Closed: every line is paid.',
  CANCELLED: 'Closed: cancelled before payment.',
};

export function isClosed(status: string | undefined): boolean {
  return status === 'FULLY_PAID' || status === 'CANCELLED';
}
