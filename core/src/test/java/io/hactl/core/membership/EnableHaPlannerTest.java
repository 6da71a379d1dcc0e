package io.hactl.core.membership;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class EnableHaPlannerTest {

  /** name, controllers, convertible machines, -n, --to, expected simple output. */
  static Stream<Arguments> plans() {
    return Stream.of(
        row("bootstrap grows to three", "0AWH", "", 0, "",
            "maintaining machines: 0 | adding machines: 1, 2"),
        row("three grow to five", "0AWH 1AWH 2AWH", "", 5, "",
            "maintaining machines: 0, 1, 2 | adding machines: 3, 4"),
        row("five grow to seven", "0AWH 1AWH 2AWH 3AWH 4AWH", "", 7, "",
            "maintaining machines: 0, 1, 2, 3, 4 | adding machines: 5, 6"),
        row("a down voter is demoted and replaced", "0WH 1AWH 2AWH", "", 0, "",
            "maintaining machines: 1, 2 | adding machines: 3 | demoting machines: 0"),
        row("a demoted controller keeps its place while it still votes", "0H 1AWH 2AWH 3AW",
            "", 0, "", "maintaining machines: 0, 1, 2, 3"),
        row("a demoted controller without a vote is removed", "0 1AWH 2AWH 3AWH", "", 0, "",
            "maintaining machines: 1, 2, 3 | removing machines: 0"),
        row("default keeps five when two of five are down", "0WH 1WH 2AWH 3AWH 4AWH", "", 0, "",
            "maintaining machines: 2, 3, 4 | adding machines: 5, 6 | demoting machines: 0, 1"),
        row("an available non-voter is promoted before adding", "0AWH 1A 2AWH", "", 0, "",
            "maintaining machines: 0, 2 | promoting machines: 1"),
        row("spare non-voters are left alone", "0AWH 1AWH 2AWH 3A 4A", "", 0, "",
            "maintaining machines: 0, 1, 2, 3, 4"),
        row("promotions come before conversions", "0AWH 1A", "5 6", 0, "6",
            "maintaining machines: 0 | promoting machines: 1 | converting machines: 6"),
        row("conversions keep the --to order before new machines", "0AWH", "5 6 7", 5, "7,5",
            "maintaining machines: 0 | adding machines: 8, 9 | converting machines: 7, 5"),
        row("ids sort numerically", "10AWH 9AWH 2AWH", "", 0, "",
            "maintaining machines: 2, 9, 10"),
        row("a down non-voter is removed while growing", "0AWH 1", "", 0, "",
            "maintaining machines: 0 | adding machines: 2, 3 | removing machines: 1"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("plans")
  void plansEnableHaLikeJuju(String name, String controllers, String convertible, int n,
      String to, String expected) throws InvalidHaRequestException {
    ControllerSpec spec = ControllerSpec.of(controllers, split(convertible));

    EnableHaResult result = spec.enableHa(new EnableHaRequest(n, List.of(split(to))));

    assertThat(ControllerSpec.lines(result.render())).isEqualTo(expected);
  }

  static Stream<Arguments> rejections() {
    String odd = "must specify a number of controllers odd and non-negative";
    return Stream.of(
        row("negative", "0AWH", "", -1, "", odd),
        row("even", "0AWH", "", 4, "", odd),
        row("even above seven", "0AWH", "", 8, "", odd),
        row("above seven", "0AWH", "", 9, "", "controller count is too large (allowed 7)"),
        row("shrinking", "0AWH 1AWH 2AWH 3AWH 4AWH", "", 3, "",
            "cannot reduce controller count from 5 to 3; to shrink, create a backup and restore"
                + " it into a new environment, then run enable-ha -n 3"),
        row("shrinking counts down voters", "0WH 1WH 2AWH 3AWH 4AWH", "", 3, "",
            "cannot reduce controller count from 5 to 3; to shrink, create a backup and restore"
                + " it into a new environment, then run enable-ha -n 3"),
        row("--to a controller", "0AWH", "5", 0, "0",
            "cannot convert machine 0 with --to: it is already a controller"),
        row("--to an unknown machine", "0AWH", "5", 0, "7", "cannot convert machine 7 with --to:"
            + " no such alive, provisioned machine; see status for machine ids"),
        row("--to a machine twice", "0AWH", "5", 0, "5,5",
            "cannot convert machine 5 with --to: it is named twice"),
        row("--to more machines than needed", "0AWH", "4 5 6", 0, "4,5,6",
            "cannot convert machines 4, 5, 6: 2 more controller(s) are needed to reach 3;"
                + " ask for more with -n"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rejections")
  void rejectsBadInputWithAnActionableMessage(String name, String controllers,
      String convertible, int n, String to, String message) {
    ControllerSpec spec = ControllerSpec.of(controllers, split(convertible));

    assertThatThrownBy(() -> spec.enableHa(new EnableHaRequest(n, List.of(split(to)))))
        .isInstanceOf(InvalidHaRequestException.class)
        .hasMessage(message);
  }

  @Test
  void listsStateChangesForExistingMachinesInIdOrder() throws InvalidHaRequestException {
    EnableHaObservation observed = new EnableHaObservation(
        ControllerSpec.parse("0WH 1AWH 2 3A"), Set.of("9"));

    EnableHaPlan plan = new EnableHaPlanner().plan(new EnableHaRequest(5, List.of("9")), observed);

    assertThat(plan.changes()).containsExactly(
        new ControllerChange("0", true, false),
        new ControllerChange("2", false, false),
        new ControllerChange("3", true, true),
        new ControllerChange("9", true, true));
    assertThat(plan.newMachines()).isEqualTo(2);
    assertThat(plan.controllers()).isEqualTo(5);
  }

  @Test
  void rendersNothingForEmptyListsAndRefusesAMismatchedIdCount() {
    EnableHaPlan plan = new EnableHaPlan(3, List.of("0"), 2, List.of(), List.of(), List.of(),
        List.of());

    assertThat(plan.withNewMachineIds(List.of("12", "3")).render())
        .isEqualTo("maintaining machines: 0\nadding machines: 3, 12");
    assertThatThrownBy(() -> plan.withNewMachineIds(List.of("3")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static Arguments row(Object... values) {
    return Arguments.of(values);
  }

  private static String[] split(String ids) {
    return ids.isBlank() ? new String[0] : ids.split("[ ,]+");
  }
}
