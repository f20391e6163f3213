import { formatDateTime } from '@/lib/format';

export function Time({ value }: { value: string | null | undefined }) {
  if (!value) return <>—</>;
  return <time dateTime={value}>{formatDateTime(value)}</time>;
}
