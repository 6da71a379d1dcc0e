package io.hactl.tui.ssh;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.config.keys.PublicKeyEntryResolver;

/**
 * The dashboard's {@code authorized_keys}: OpenSSH's format (one key a line, {@code #}
 * comments), where the option {@code operator} before the key type lets that key run actions:
 *
 * <pre>
 * operator ssh-ed25519 AAAAC3Nza... alice@ops
 * ssh-ed25519 AAAAC3Nza... bob@dev          (read-only)
 * </pre>
 *
 * <p>Read afresh at every login, so a key added or removed counts from the next connection. A
 * line that cannot be parsed is skipped (and reported by {@link #problems}), never fatal to the
 * other keys.
 */
public final class AuthorizedKeys {

  /** One key and whether it may run actions. */
  public record Entry(PublicKey key, boolean operator) {}

  private final Path file;

  public AuthorizedKeys(Path file) {
    this.file = file;
  }

  public Path file() {
    return file;
  }

  /** The entry for {@code key}, if the file lists it. */
  public Optional<Entry> find(PublicKey key) {
    return read(new ArrayList<>()).stream()
        .filter(e -> KeyUtils.compareKeys(e.key(), key)).findFirst();
  }

  /** Lines that could not be read, one message each ("line 3: ..."). */
  public List<String> problems() {
    List<String> problems = new ArrayList<>();
    read(problems);
    return problems;
  }

  private List<Entry> read(List<String> problems) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      problems.add(file + " does not exist: no key can log in");
      return List.of();
    } catch (IOException e) {
      problems.add("cannot read " + file + ": " + e.getMessage());
      return List.of();
    }
    List<Entry> entries = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).trim();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      try {
        entries.add(parse(line));
      } catch (IOException | java.security.GeneralSecurityException
          | IllegalArgumentException e) {
        problems.add(file + " line " + (i + 1) + ": " + e.getMessage());
      }
    }
    return entries;
  }

  private static Entry parse(String line)
      throws IOException, java.security.GeneralSecurityException {
    String[] words = line.split("\\s+", 2);
    boolean operator = false;
    String keyPart = line;
    if (!looksLikeKeyType(words[0]) && words.length == 2) {
      operator = Arrays.asList(words[0].split(",")).contains("operator");
      keyPart = words[1];
    }
    PublicKey key = PublicKeyEntry.parsePublicKeyEntry(keyPart)
        .resolvePublicKey(null, Map.of(), PublicKeyEntryResolver.FAILING);
    if (key == null) {
      throw new IllegalArgumentException("unsupported key type");
    }
    return new Entry(key, operator);
  }

  private static boolean looksLikeKeyType(String word) {
    return word.startsWith("ssh-") || word.startsWith("ecdsa-") || word.startsWith("sk-");
  }
}
