import type { ReactNode } from 'react';
import './components.css';

/**
 * A wide table scrolls inside its own box, never the page. The box can take focus, so keyboard users can
 * scroll it too.
 */
export function TableScroll({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="table-scroll" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
