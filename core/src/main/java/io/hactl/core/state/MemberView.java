package io.hactl.core.state;

import java.time.Instant;

/**
 * One replica-set member as {@code replSetGetStatus} reports it.
 *
 * @param address the member's {@code host:port}
 * @param state {@code PRIMARY}, {@code SECONDARY}, {@code STARTUP2}, {@code DOWN}, ...
 * @param healthy whether the member answers its peers
 * @param voting whether it votes in the current configuration
 * @param optime when it last applied a write, or null
 */
public record MemberView(
    String address, String state, boolean healthy, boolean voting, Instant optime) {}
