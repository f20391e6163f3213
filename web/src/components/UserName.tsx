import { useUserName } from '@/lib/people';

/** A user as people recognise them (e-mail, "You"), with the full id on hover for those who need it. */
export function UserName({ id }: { id: string | null | undefined }) {
  const nameOf = useUserName();
  if (!id) return <>—</>;
  return <span title={id}>{nameOf(id)}</span>;
}
