/**
 * Controller membership: what {@code enable-ha} intends and which replica-set members should vote.
 *
 * <p>Both planners here are pure: they take an immutable observation, return an immutable plan,
 * do no I/O, read no clock of their own and sort every list deterministically (machine ids in
 * numeric order, so machine 10 sorts after machine 9). The workers that observe state, apply
 * plans and record events live elsewhere and call them.
 *
 * <ul>
 *   <li>{@link io.hactl.core.membership.EnableHaPlanner}: the controller set {@code enable-ha}
 *       asks for (maintain, add, remove, promote, demote, convert).
 *   <li>{@link io.hactl.core.membership.PeerGroupPlanner}: the replica-set configuration the peer
 *       grouper applies (voters odd at every step, a primary steps down before losing its vote).
 *   <li>{@link io.hactl.core.membership.Availability}: whether a controller is up, without the
 *       flakiness that made Juju demote a healthy bootstrap machine.
 * </ul>
 */
package io.hactl.core.membership;
