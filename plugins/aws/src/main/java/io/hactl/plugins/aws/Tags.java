package io.hactl.plugins.aws;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.Tag;

/**
 * The tags by which hactl finds its resources again: every instance and security group it
 * creates carries the environment's uuid; instances also carry their machine id, whether they
 * are a controller, and the state port. EC2 is the only record of them: the plugin keeps no
 * local state.
 */
final class Tags {
  static final String ENVIRONMENT = "hactl:environment";
  static final String MACHINE = "hactl:machine";
  static final String CONTROLLER = "hactl:controller";
  static final String STATE_PORT = "hactl:state-port";
  static final String NAME = "Name";

  private Tags() {}

  static Tag tag(String key, String value) {
    return Tag.builder().key(key).value(value).build();
  }

  /** A DescribeXxx filter matching the resources of one environment. */
  static Filter environment(String environmentUuid) {
    return filter("tag:" + ENVIRONMENT, environmentUuid);
  }

  static Filter filter(String name, String... values) {
    return Filter.builder().name(name).values(values).build();
  }

  static Filter filter(String name, List<String> values) {
    return Filter.builder().name(name).values(values).build();
  }

  static Map<String, String> asMap(List<Tag> tags) {
    return tags.stream().collect(Collectors.toMap(Tag::key, Tag::value, (a, b) -> a));
  }
}
