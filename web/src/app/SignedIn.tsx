import { useQuery } from '@tanstack/react-query';
import { Button, Loading, ProblemMessage } from '@/components';
import { fetchMe, meQueryKey, MeProvider } from '@/lib/session';
import { Shell } from './layout/Shell';

/** Nothing is shown before the console knows who is signed in (the gateway's `/api/identity/me`). */
export function SignedIn() {
  const me = useQuery({ queryKey: meQueryKey, queryFn: fetchMe, staleTime: 5 * 60_000 });
  if (me.isPending) {
    return <main className="signing-in"><Loading what="Signing you in…" /></main>;
  }
  if (me.error || !me.data) {
    return (
      <main className="signing-in">
        <h1>ClaraOP</h1>
        <ProblemMessage error={me.error} fieldsShownElsewhere={false} />
        <Button onClick={() => void me.refetch()}>Try again</Button>
      </main>
    );
  }
  return (
    <MeProvider me={me.data}>
      <Shell />
    </MeProvider>
  );
}
