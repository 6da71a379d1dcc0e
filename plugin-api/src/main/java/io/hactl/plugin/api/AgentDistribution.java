package io.hactl.plugin.api;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * How to run hactl's machine agent, for providers whose machines share this host's files (such as
 * the local provider). The agent is started as
 *
 * <pre>{@code
 * <javaExecutable> <jvmOptions...> -cp <classpath> <mainClass> --config <agent config file>
 * }</pre>
 *
 * where the config file holds {@link InstanceSpec#agentConfig()} and must be mode 0600: it
 * contains secrets. A provider that chose the agent's state port itself also passes {@code
 * --state-port <port>} and {@code --address <address>}.
 *
 * @param javaExecutable the {@code java} binary to use
 * @param classpath the agent's jars, in order
 * @param mainClass the agent's entry point
 * @param jvmOptions options placed before the class path, e.g. heap limits
 * @since 0.1
 */
public record AgentDistribution(
    Path javaExecutable, List<Path> classpath, String mainClass, List<String> jvmOptions) {

  public AgentDistribution {
    Objects.requireNonNull(javaExecutable, "javaExecutable");
    classpath = List.copyOf(classpath);
    Objects.requireNonNull(mainClass, "mainClass");
    jvmOptions = List.copyOf(jvmOptions);
  }
}
