package dev.claraop.ingest.content;

/**
 * One message's body as Google holds it, for the staff member reading it under an EMAIL_CONTENT_READ grant. It
 * lives only in this answer: never stored, logged, cached or published.
 *
 * @param mimeType the part the text came from ({@code text/plain}, else {@code text/html})
 */
public record MessageContent(String mailboxId, String messageId, String mimeType, String body) {

  @Override
  public String toString() {
    return "MessageContent[" + mailboxId + "/" + messageId + ", " + mimeType + "]"; // never the body
  }
}
