import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';
import { resetHeadingFocus } from '@/components/PageHeading';
import { supportGrant } from '@/lib/supportGrant';

afterEach(() => {
  cleanup();
  supportGrant.select(null);
  resetHeadingFocus();
  document.cookie.split(';').forEach((c) => {
    const name = c.split('=')[0]?.trim();
    if (name) document.cookie = `${name}=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=/`;
  });
});
