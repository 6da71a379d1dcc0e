package io.hactl.core.state;

/**
 * One member of a replica-set configuration to apply.
 *
 * @param address the member's {@code host:port}
 * @param votes 1 for a voter, 0 for a non-voting member
 * @param priority 1 for a voter, 0 for a member that must never become primary
 */
public record MemberSpec(String address, int votes, int priority) {}
