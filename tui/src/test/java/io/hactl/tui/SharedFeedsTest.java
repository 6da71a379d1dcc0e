package io.hactl.tui;

import static org.assertj.core.api.Assertions.assertThat;

import io.hactl.core.status.StatusFeed;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SharedFeedsTest {

  private final FakeBackend backend = new FakeBackend("local", "staging");
  private final SharedFeeds shared = new SharedFeeds(backend);

  @Test
  void watchersOfOneEnvironmentShareOneFeedThatClosesWithTheLast() throws Exception {
    StatusFeed first = shared.watch("local", Duration.ofSeconds(1));
    StatusFeed second = shared.watch("local", Duration.ofSeconds(1));
    StatusFeed other = shared.watch("staging", Duration.ofSeconds(1));
    List<String> seen = new ArrayList<>();
    first.subscribe(s -> seen.add("first " + s.master()));
    second.subscribe(s -> seen.add("second " + s.master()));

    backend.clients.get("local").feed.publish(Snapshots.healthy());
    assertThat(seen).containsExactly("first 0", "second 0");
    assertThat(shared.open()).isEqualTo(2);

    first.close();
    first.close(); // twice counts once
    assertThat(backend.clients.get("local").feed.closed).isFalse();
    second.close();
    assertThat(backend.clients.get("local").feed.closed).isTrue();
    assertThat(shared.open()).isEqualTo(1);
    other.close();
    assertThat(shared.open()).isZero();
  }
}
