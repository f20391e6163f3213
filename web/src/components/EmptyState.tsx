import type { ReactNode } from 'react';
import './components.css';

/** An empty list says so, and what to do next. */
export function EmptyState({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="empty-state">
      <p className="empty-title">{title}</p>
      {children ? <div className="empty-next">{children}</div> : null}
    </div>
  );
}
