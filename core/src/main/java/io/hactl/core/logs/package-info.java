/**
 * The environment's log: every agent's records, kept in the replica set so that every controller
 * holds all of them, including controllers added after the records were written.
 *
 * <ul>
 *   <li>Agents feed a {@link io.hactl.core.logs.LogForwarder}: a bounded buffer (oldest dropped,
 *       counted) and a sending thread that numbers each batch once and resends it unchanged until
 *       a primary takes it, so a failover loses and duplicates nothing. Sends are paced by the
 *       store's latency, so logs yield to the writes that decide HA.
 *   <li>The {@link io.hactl.core.logs.LogStore} port keeps batches and answers three reads: the
 *       newest records, a replay in time order, and everything beyond a
 *       {@link io.hactl.core.logs.LogPosition} (each entity's last sequence number read).
 *   <li>Readers ({@code debug-log}, the dashboard's log pane) use
 *       {@link io.hactl.core.logs.LogService}: a {@link io.hactl.core.logs.LogSubscription}
 *       reads one controller's member and moves to another when it fails, carrying its position,
 *       so following survives a failover without a gap or a duplicate.
 *   <li>The master runs a {@link io.hactl.core.logs.LogPruner} that keeps the log within its size
 *       limit, oldest first, and records the time before which records are gone.
 * </ul>
 */
package io.hactl.core.logs;
