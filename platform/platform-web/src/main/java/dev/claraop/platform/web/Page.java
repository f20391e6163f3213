package dev.claraop.platform.web;

import java.util.List;

/** Every list the API returns: {@code {"items": [...], "nextCursor": "..." | null}} (DESIGN §8). */
public record Page<T>(List<T> items, String nextCursor) {

  public Page {
    items = List.copyOf(items);
  }

  public static <T> Page<T> last(List<T> items) {
    return new Page<>(items, null);
  }
}
