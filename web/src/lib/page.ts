/** Every list the API returns (DESIGN §8): a page of items and the cursor of the next, or null at the end. */
export interface Page<T> {
  items: T[];
  nextCursor?: string | null;
}

/** Page size asked of the server for long lists (a batch's lines, the audit log). */
export const PAGE_SIZE = 100;

export function nextCursorOf<T>(page: Page<T>): string | undefined {
  return page.nextCursor ?? undefined;
}

export function itemsOf<T>(pages: Page<T>[] | undefined): T[] {
  return pages?.flatMap((page) => page.items ?? []) ?? [];
}
