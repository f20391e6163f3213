/** The value of a cookie JavaScript may read (only the CSRF cookie is of interest: the session cookie is HttpOnly). */
export function readCookie(name: string, cookies: string = document.cookie): string | undefined {
  for (const part of cookies.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    if (part.slice(0, eq).trim() === name) return decodeURIComponent(part.slice(eq + 1).trim());
  }
  return undefined;
}

/** Spring Security's cookie-to-header CSRF pattern: the gateway sets this cookie, we echo it in a header. */
export const CSRF_COOKIE = 'XSRF-TOKEN';
export const CSRF_HEADER = 'X-XSRF-TOKEN';

export function csrfToken(): string | undefined {
  return readCookie(CSRF_COOKIE);
}
