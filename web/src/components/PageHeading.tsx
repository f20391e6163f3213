import { useEffect, useRef, type ReactNode } from 'react';
import './components.css';

let firstScreen = true;

/**
 * The main heading of a screen. On every navigation after the first, focus moves here, so keyboard and screen
 * reader users start at the new screen's title; the document title follows.
 */
export function PageHeading({ children, title }: { children: ReactNode; title?: string }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    const text = title ?? ref.current?.textContent ?? '';
    document.title = text ? `${text} · ClaraOP` : 'ClaraOP';
    if (firstScreen) {
      firstScreen = false;
      return;
    }
    ref.current?.focus();
  }, [title]);
  return <h1 ref={ref} tabIndex={-1} className="page-heading">{children}</h1>;
}

/** For tests: the next heading is treated as the first screen's again. */
export function resetHeadingFocus(first = true): void {
  firstScreen = first;
}
