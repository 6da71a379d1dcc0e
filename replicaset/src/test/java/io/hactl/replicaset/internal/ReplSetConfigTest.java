package io.hactl.replicaset.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import de.bwaldvogel.mongo.bson.Document;

class ReplSetConfigTest {

    private static Document config(int voters, int nonVoters) {
        List<Document> members = new ArrayList<>();
        for (int i = 0; i < voters + nonVoters; i++) {
            Document m = new Document("_id", i).append("host", "127.0.0.1:" + (20000 + i));
            if (i >= voters) {
                m.append("votes", 0).append("priority", 0);
            }
            members.add(m);
        }
        return new Document("_id", "rs0").append("version", 3).append("members", members);
    }

    @Test
    void parsesMembersWithMongodDefaultsAndRoundTrips() {
        ReplSetConfig config = ReplSetConfig.parse(config(3, 1), "rs0");
        assertThat(config.version()).isEqualTo(3);
        assertThat(config.voters()).hasSize(3).allSatisfy(m -> assertThat(m.priority()).isEqualTo(1.0));
        assertThat(config.nonVoters()).singleElement().satisfies(m -> assertThat(m.priority()).isZero());
        assertThat(ReplSetConfig.parse(config.toDocument(), "rs0")).isEqualTo(config);
    }

    @Test
    void refusesMoreThanSevenVotersOrFiftyMembers() {
        assertThatThrownBy(() -> ReplSetConfig.parse(config(8, 0), "rs0")).hasMessageContaining("at most 7 voting members");
        assertThatThrownBy(() -> ReplSetConfig.parse(config(7, 44), "rs0")).hasMessageContaining("1 to 50 members");
        assertThat(ReplSetConfig.parse(config(7, 43), "rs0").members()).hasSize(50);
    }

    @Test
    void refusesInconsistentMembers() {
        Document wrongSet = config(1, 0).append("_id", "other");
        assertThatThrownBy(() -> ReplSetConfig.parse(wrongSet, "rs0")).hasMessageContaining("--replSet rs0");
        Document duplicate = new Document("_id", "rs0").append("members", List.of(
            new Document("_id", 0).append("host", "h:1"), new Document("_id", 1).append("host", "h:1")));
        assertThatThrownBy(() -> ReplSetConfig.parse(duplicate, "rs0")).hasMessageContaining("appears twice");
        Document priorityWithoutVote = new Document("_id", "rs0").append("members", List.of(
            new Document("_id", 0).append("host", "h:1"), new Document("_id", 1).append("host", "h:2").append("votes", 0)
                .append("priority", 1)));
        assertThatThrownBy(() -> ReplSetConfig.parse(priorityWithoutVote, "rs0")).hasMessageContaining("priority 0");
        Document arbiter = new Document("_id", "rs0").append("members", List.of(
            new Document("_id", 0).append("host", "h:1").append("arbiterOnly", true)));
        assertThatThrownBy(() -> ReplSetConfig.parse(arbiter, "rs0")).hasMessageContaining("arbiters");
    }
}
