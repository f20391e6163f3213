/**
 * The few things the console asks of the browser window, in one object so tests can watch them.
 * A full navigation, not the router's: the gateway must see the request (sign-in, OAuth consent).
 */
export const browser = {
  assign(url: string): void {
    window.location.assign(url);
  },
};

/** Where a browser whose session ended goes: the console's root, which the gateway sends to the sign-in page. */
export const SIGN_IN_URL = '/app/';
