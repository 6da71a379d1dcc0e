package io.hactl.shell;

import io.hactl.core.HactlException;
import io.hactl.core.status.StatusFeed;
import io.hactl.shell.session.UserConsole;
import io.hactl.tui.DashboardBackend;
import io.hactl.tui.DashboardOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A console with scripted answers; no answer left means no terminal. */
public final class FakeConsole implements UserConsole {

  public final List<String> answers = new ArrayList<>();
  final List<String> questions = new ArrayList<>();
  final List<String> dashboards = new ArrayList<>();
  boolean feedOpenDuringDashboard;

  @Override
  public Optional<String> ask(String question) {
    questions.add(question);
    return answers.isEmpty() ? Optional.empty() : Optional.of(answers.remove(0));
  }

  @Override
  public void showDashboard(DashboardOptions options, DashboardBackend backend)
      throws HactlException {
    dashboards.add(options.environment());
    // The real dashboard opens its feed through the backend, as this does, and closes it on q.
    try (StatusFeed feed = backend.watch(options.environment(), options.refresh())) {
      feedOpenDuringDashboard = feed.latest().isPresent()
          && !((FakeEnvironmentClient.FakeFeed) feed).closed;
    }
  }
}
