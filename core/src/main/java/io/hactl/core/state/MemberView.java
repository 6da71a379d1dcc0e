package io.hactl.core.state;

/**
 * One replica-set member as {@code replSetGetStatus} reports it.
 *
 * @param address the member's {@code host:port}
 * @param state {@code PRIMARY}, {@code SECONDARY}, {@code STARTUP2}, {@code DOWN}, ...
 * @param healthy whether the member answers its peers
 * @param voting whether it votes in the current configuration
 * @param position how far it has replicated: its optime's log position, or -1 when unknown
 */
public record MemberView(
    String address, String state, boolean healthy, boolean voting, long position) {}
