import { humanize } from '@/lib/format';
import './components.css';

const TONES: Record<string, 'good' | 'warn' | 'bad' | 'info' | 'neutral'> = {
  APPROVED: 'good', FULLY_PAID: 'good', PAID: 'good', ACTIVE: 'good', CONNECTED: 'good', SUCCEEDED: 'good',
  ERASED: 'neutral', CONFIRMED: 'good', MANUAL: 'info', SCHEDULED: 'info',
  SUBMITTED: 'warn', GENERATED: 'warn', PENDING: 'warn', EXPORTED: 'info', ERASING: 'warn', PENDING_DELETION: 'warn',
  INVITED: 'info',
  REJECTED: 'bad', FAILED: 'bad', CANCELLED: 'neutral', DENIED: 'bad', REVOKED: 'bad', EXPIRED: 'neutral',
  ENDED: 'neutral', DRAFT: 'info',
};

/** A status in words, with a tone that never carries the meaning alone (the word does). */
export function StatusBadge({ status }: { status: string | null | undefined }) {
  const tone = (status && TONES[status]) ?? 'neutral';
  return <span className={`badge badge-${tone}`}>{humanize(status)}</span>;
}
