import type { ButtonHTMLAttributes } from 'react';
import './components.css';

export interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  variant?: 'primary' | 'secondary' | 'danger' | 'link';
  /** While true the button is disabled and says what it is doing ("Saving…"). */
  busy?: boolean;
  busyLabel?: string;
}

export function Button({ variant = 'secondary', busy = false, busyLabel = 'Saving…', disabled, children, className,
  type = 'button', ...rest }: ButtonProps) {
  return (
    <button
      {...rest}
      type={type}
      className={['button', `button-${variant}`, className].filter(Boolean).join(' ')}
      disabled={disabled || busy}
      aria-busy={busy || undefined}
    >
      {busy ? busyLabel : children}
    </button>
  );
}
