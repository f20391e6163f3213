import type { ReactNode } from 'react';
import './components.css';

/** A note in the flow of a screen: why something cannot be done, what happens next. */
export function Callout({ tone = 'info', title, children }: { tone?: 'info' | 'warn'; title?: string; children: ReactNode }) {
  return (
    <div className={tone === 'warn' ? 'callout callout-warn' : 'callout'}>
      {title ? <p><strong>{title}</strong></p> : null}
      {children}
    </div>
  );
}
