package io.hactl.plugins.lxd;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The HTTP/1.1 framing the unix-socket transport needs, by hand: the JDK's HttpClient cannot
 * speak over a unix socket. Requests always carry {@code Connection: close}, so a response ends at
 * its Content-Length, at the end of its chunks, or at the end of the stream.
 */
final class HttpMessages {
  /** Refuses absurd responses instead of filling the heap (LXD's largest are a few MB). */
  private static final int MAX_BODY = 64 << 20;

  private HttpMessages() {}

  /** The request head and body as bytes to send. */
  static byte[] request(String method, String path, String body) {
    byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
    StringBuilder head = new StringBuilder()
        .append(method).append(' ').append(path).append(" HTTP/1.1\r\n")
        .append("Host: lxd\r\n")
        .append("User-Agent: hactl-lxd\r\n")
        .append("Connection: close\r\n");
    if (body != null) {
      head.append("Content-Type: application/json\r\n")
          .append("Content-Length: ").append(content.length).append("\r\n");
    }
    head.append("\r\n");
    byte[] headBytes = head.toString().getBytes(StandardCharsets.US_ASCII);
    byte[] all = new byte[headBytes.length + content.length];
    System.arraycopy(headBytes, 0, all, 0, headBytes.length);
    System.arraycopy(content, 0, all, headBytes.length, content.length);
    return all;
  }

  /** Reads one response: status line, headers, then the body in whichever framing it uses. */
  static LxdTransport.Response readResponse(InputStream in) throws IOException {
    String statusLine = line(in);
    String[] parts = statusLine.split(" ", 3);
    if (parts.length < 2 || !parts[0].startsWith("HTTP/1.")) {
      throw new IOException("not an HTTP response: \"" + statusLine + "\"");
    }
    int status;
    try {
      status = Integer.parseInt(parts[1]);
    } catch (NumberFormatException e) {
      throw new IOException("bad HTTP status line: \"" + statusLine + "\"", e);
    }
    Map<String, String> headers = headers(in);
    byte[] body;
    if ("chunked".equalsIgnoreCase(headers.getOrDefault("transfer-encoding", ""))) {
      body = chunked(in);
    } else if (headers.containsKey("content-length")) {
      body = exactly(in, parseLength(headers.get("content-length")));
    } else {
      body = untilEnd(in);
    }
    return new LxdTransport.Response(status, new String(body, StandardCharsets.UTF_8));
  }

  /** Header names in lower case; a repeated header keeps its last value. */
  static Map<String, String> headers(InputStream in) throws IOException {
    Map<String, String> headers = new HashMap<>();
    for (String header = line(in); !header.isEmpty(); header = line(in)) {
      int colon = header.indexOf(':');
      if (colon > 0) {
        headers.put(header.substring(0, colon).trim().toLowerCase(Locale.ROOT),
            header.substring(colon + 1).trim());
      }
    }
    return headers;
  }

  /** One CRLF- (or LF-) terminated line, without its terminator. */
  static String line(InputStream in) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    while (true) {
      int b = in.read();
      if (b < 0) {
        throw new EOFException("connection closed in the middle of an HTTP head");
      }
      if (b == '\n') {
        break;
      }
      if (b != '\r') {
        out.write(b);
      }
      if (out.size() > 64 << 10) {
        throw new IOException("HTTP head line longer than 64 KiB");
      }
    }
    return out.toString(StandardCharsets.US_ASCII);
  }

  static byte[] exactly(InputStream in, int length) throws IOException {
    byte[] body = in.readNBytes(length);
    if (body.length < length) {
      throw new EOFException("connection closed after " + body.length + " of " + length
          + " body bytes");
    }
    return body;
  }

  static int parseLength(String value) throws IOException {
    try {
      long length = Long.parseLong(value.trim());
      if (length < 0 || length > MAX_BODY) {
        throw new IOException("HTTP body length out of range: " + value);
      }
      return (int) length;
    } catch (NumberFormatException e) {
      throw new IOException("bad Content-Length: " + value, e);
    }
  }

  private static byte[] chunked(InputStream in) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    while (true) {
      String sizeLine = line(in);
      int semicolon = sizeLine.indexOf(';');
      String hex = (semicolon >= 0 ? sizeLine.substring(0, semicolon) : sizeLine).trim();
      int size;
      try {
        size = Integer.parseInt(hex, 16);
      } catch (NumberFormatException e) {
        throw new IOException("bad chunk size: \"" + sizeLine + "\"", e);
      }
      if (size == 0) {
        headers(in); // trailers, then the final empty line
        return out.toByteArray();
      }
      if (out.size() + size > MAX_BODY) {
        throw new IOException("HTTP body larger than " + MAX_BODY + " bytes");
      }
      out.write(exactly(in, size));
      line(in); // the CRLF after each chunk
    }
  }

  private static byte[] untilEnd(InputStream in) throws IOException {
    byte[] body = in.readNBytes(MAX_BODY + 1);
    if (body.length > MAX_BODY) {
      throw new IOException("HTTP body larger than " + MAX_BODY + " bytes");
    }
    return body;
  }
}
