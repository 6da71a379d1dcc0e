package io.hactl.replicaset.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import de.bwaldvogel.mongo.bson.Document;

/**
 * A replica-set configuration as {@code replSetInitiate}, {@code replSetReconfig} and
 * {@code replSetGetConfig} exchange it. Members are named by their client address ("host:port").
 *
 * <p>Invariants (checked by {@link #validate}): 1-{@value #MAX_MEMBERS} members with unique ids and
 * hosts, at most {@value #MAX_VOTERS} voters and at least one, votes 0 or 1, a non-voter has
 * priority 0. In this implementation any voter may become primary (Raft elects among voters), so
 * priority only orders preference; votes decide who can lead.
 */
public record ReplSetConfig(String name, int version, List<Member> members) {

    public static final int MAX_MEMBERS = 50;
    public static final int MAX_VOTERS = 7;

    /** One entry of {@code members}. */
    public record Member(int id, String host, int votes, double priority) {

        public boolean voter() {
            return votes > 0;
        }

        Document toDocument() {
            return new Document("_id", id).append("host", host).append("arbiterOnly", false)
                .append("buildIndexes", true).append("hidden", false).append("priority", priority)
                .append("tags", new Document()).append("secondaryDelaySecs", 0L).append("votes", votes);
        }
    }

    public ReplSetConfig {
        Objects.requireNonNull(name, "name");
        members = List.copyOf(members);
    }

    public Optional<Member> member(String host) {
        return members.stream().filter(m -> m.host().equals(host)).findFirst();
    }

    public List<Member> voters() {
        return members.stream().filter(Member::voter).toList();
    }

    public List<Member> nonVoters() {
        return members.stream().filter(m -> !m.voter()).toList();
    }

    public ReplSetConfig withVersion(int newVersion) {
        return new ReplSetConfig(name, newVersion, members);
    }

    /** The document {@code replSetGetConfig} returns. */
    public Document toDocument() {
        List<Document> list = new ArrayList<>();
        members.forEach(m -> list.add(m.toDocument()));
        return new Document("_id", name).append("version", version).append("term", 0L)
            .append("protocolVersion", 1L).append("writeConcernMajorityJournalDefault", true)
            .append("members", list).append("settings", new Document("chainingAllowed", false));
    }

    /**
     * Parses a configuration document sent by a client.
     *
     * @throws ConfigException naming the field at fault
     */
    public static ReplSetConfig parse(Document doc, String expectedName) {
        Object id = doc.get("_id");
        if (!(id instanceof String name)) {
            throw new ConfigException("replica set configuration needs a string _id naming the set");
        }
        if (!name.equals(expectedName)) {
            throw new ConfigException("replica set configuration names set '" + name + "' but this member was started with --replSet "
                + expectedName);
        }
        int version = doc.get("version") instanceof Number n ? n.intValue() : 1;
        if (!(doc.get("members") instanceof List<?> raw) || raw.isEmpty()) {
            throw new ConfigException("replica set configuration needs a non-empty members array");
        }
        List<Member> members = new ArrayList<>();
        for (Object item : raw) {
            if (!(item instanceof Document m)) {
                throw new ConfigException("each entry of members must be a document");
            }
            if (!(m.get("_id") instanceof Number memberId)) {
                throw new ConfigException("each member needs a numeric _id");
            }
            if (!(m.get("host") instanceof String host) || !host.matches("[^:\\s]+:\\d{1,5}")) {
                throw new ConfigException("member " + memberId + " needs a host of the form host:port");
            }
            if (Boolean.TRUE.equals(m.get("arbiterOnly"))) {
                throw new ConfigException("member " + host + ": arbiters are not supported; use votes: 0 members instead");
            }
            int votes = m.get("votes") instanceof Number v ? v.intValue() : 1;
            double priority = m.get("priority") instanceof Number p ? p.doubleValue() : (votes == 0 ? 0.0 : 1.0);
            members.add(new Member(memberId.intValue(), host, votes, priority));
        }
        ReplSetConfig config = new ReplSetConfig(name, version, members);
        config.validate();
        return config;
    }

    /** Checks the invariants listed on the type. */
    public void validate() {
        if (members.isEmpty() || members.size() > MAX_MEMBERS) {
            throw new ConfigException("a replica set has 1 to " + MAX_MEMBERS + " members, not " + members.size());
        }
        Set<Integer> ids = new HashSet<>();
        Set<String> hosts = new HashSet<>();
        for (Member m : members) {
            if (!ids.add(m.id())) {
                throw new ConfigException("member _id " + m.id() + " appears twice");
            }
            if (!hosts.add(m.host())) {
                throw new ConfigException("member host " + m.host() + " appears twice");
            }
            if (m.votes() != 0 && m.votes() != 1) {
                throw new ConfigException("member " + m.host() + ": votes must be 0 or 1, not " + m.votes());
            }
            if (m.priority() < 0 || m.priority() > 1000) {
                throw new ConfigException("member " + m.host() + ": priority must be between 0 and 1000");
            }
            if (m.votes() == 0 && m.priority() != 0) {
                throw new ConfigException("member " + m.host() + ": a member with votes 0 must have priority 0");
            }
        }
        int voters = voters().size();
        if (voters > MAX_VOTERS) {
            throw new ConfigException("a replica set has at most " + MAX_VOTERS + " voting members, not " + voters);
        }
        if (voters == 0) {
            throw new ConfigException("a replica set needs at least one voting member");
        }
    }

    /** A configuration that breaks an invariant; the message is fit for a client. */
    public static final class ConfigException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public ConfigException(String message) {
            super(message);
        }
    }
}
