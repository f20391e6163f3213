/** How the console writes amounts, times and ids. One place, so every screen reads the same. */

const moneyFormats = new Map<string, Intl.NumberFormat>();

export function formatMoney(amount: number | string | null | undefined, currency: string | null | undefined): string {
  if (amount === null || amount === undefined || amount === '') return '—';
  const value = typeof amount === 'string' ? Number(amount) : amount;
  if (!Number.isFinite(value)) return String(amount);
  const code = currency && /^[A-Z]{3}$/.test(currency) ? currency : undefined;
  if (!code) return value.toFixed(2);
  let format = moneyFormats.get(code);
  if (!format) {
    format = new Intl.NumberFormat('en', { style: 'currency', currency: code, currencyDisplay: 'code' });
    moneyFormats.set(code, format);
  }
  return format.format(value);
}

const dateTimeFormat = new Intl.DateTimeFormat('en-GB', {
  year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: 'UTC',
});

/** UTC, as the services record time; the `<time>` element carries the exact instant. */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return `${dateTimeFormat.format(date)} UTC`;
}

/** A batch's or a grant's reference: the first 8 characters of its id. */
export function shortId(id: string | null | undefined): string {
  return id ? id.slice(0, 8) : '—';
}

/** ENUM_NAMES as words: FULLY_PAID -> "Fully paid". */
export function humanize(value: string | null | undefined): string {
  if (!value) return '—';
  const words = value.replace(/[_-]+/g, ' ').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export function sum(values: (number | string | null | undefined)[]): number {
  return values.reduce<number>((total, v) => total + (v === null || v === undefined ? 0 : Number(v)), 0);
}

/** An id as people read it: a UUID by its first 8 characters, anything else (a path, a name) whole. */
export function displayId(id: string | null | undefined): string {
  if (!id) return '—';
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id) ? id.slice(0, 8) : id;
}
