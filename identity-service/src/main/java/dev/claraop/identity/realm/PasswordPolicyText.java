package dev.claraop.identity.realm;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A realm's password policy in Keycloak's text form ({@code "length(12) and hashAlgorithm(bcrypt)"}), so
 * that enforcement can set the hashing entries and leave every other rule an operator added as it was.
 */
record PasswordPolicyText(Map<String, String> entries) {

  static PasswordPolicyText parse(String text) {
    Map<String, String> entries = new LinkedHashMap<>();
    if (text != null && !text.isBlank()) {
      for (String part : text.trim().split("\\s+and\\s+")) {
        int open = part.indexOf('(');
        if (open < 0) entries.put(part.trim(), null);
        else entries.put(part.substring(0, open).trim(), part.substring(open + 1, part.lastIndexOf(')')));
      }
    }
    return new PasswordPolicyText(entries);
  }

  String get(String name) {
    return entries.get(name);
  }

  PasswordPolicyText with(String name, String value) {
    Map<String, String> changed = new LinkedHashMap<>(entries);
    changed.put(name, value);
    return new PasswordPolicyText(changed);
  }

  @Override
  public String toString() {
    return entries.entrySet().stream()
        .map(e -> e.getValue() == null ? e.getKey() : e.getKey() + "(" + e.getValue() + ")")
        .collect(Collectors.joining(" and "));
  }
}
