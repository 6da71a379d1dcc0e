package io.hactl.plugins.maas;

/**
 * What MAAS answered to one call, after any retries.
 *
 * @param status the HTTP status
 * @param body the body as text (MAAS answers JSON on success and plain text on errors)
 * @param attempts how many tries were made
 */
record MaasResponse(int status, String body, int attempts) {

  boolean isSuccess() {
    return status >= 200 && status < 300;
  }

  /**
   * MAAS's error text reduced to one short line, safe to show: MAAS error bodies name objects and
   * states, never credentials.
   */
  String summary() {
    String text = body == null ? "" : body.strip().replaceAll("\\s+", " ");
    if (text.isEmpty()) {
      return "no message";
    }
    return text.length() > 300 ? text.substring(0, 300) + "..." : text;
  }
}
