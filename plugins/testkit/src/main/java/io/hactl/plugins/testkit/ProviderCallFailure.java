package io.hactl.plugins.testkit;

import java.util.Objects;

/**
 * A call into a provider that failed as hactl would report it: the message is the one-line error
 * a user would see, naming the provider and its plugin, e.g.
 *
 * <pre>
 * provider mycloud (plugin acme-provider-mycloud) could not start instance for machine 3: quota exceeded
 * provider mycloud (plugin acme-provider-mycloud) did not answer within 2s when asked to list instances; the plugin may be hung
 * </pre>
 *
 * Thrown by {@link HostGuard}.
 */
public final class ProviderCallFailure extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** How the call failed. */
  public enum Kind {
    /** The provider threw a {@code ProviderException}: the way a provider reports a failure. */
    PROVIDER_ERROR,
    /** The provider threw anything else: a bug in the plugin. */
    UNEXPECTED_ERROR,
    /** The provider answered {@code null}. */
    NULL_ANSWER,
    /** The provider did not answer within the host's call timeout. */
    TIMEOUT,
    /** The call was interrupted or could not be submitted. */
    NOT_RUN
  }

  private final Kind kind;

  ProviderCallFailure(Kind kind, String message, Throwable cause) {
    super(message, cause);
    this.kind = Objects.requireNonNull(kind, "kind");
  }

  /** How the call failed. */
  public Kind kind() {
    return kind;
  }
}
