import { Button } from './Button';
import './components.css';

/** Follows the API's cursor: shows how many are listed and loads the next page on demand. */
export function Pager({ shown, hasMore, loading, onMore, noun = 'items' }: {
  shown: number; hasMore: boolean; loading: boolean; onMore: () => void; noun?: string }) {
  return (
    <div className="pager">
      <p role="status" aria-live="polite">
        {loading ? `Loading more ${noun}…` : `Showing ${shown} ${noun}${hasMore ? '' : ' (all)'}.`}
      </p>
      {hasMore ? (
        <Button onClick={onMore} busy={loading} busyLabel="Loading…">Load more</Button>
      ) : null}
    </div>
  );
}
