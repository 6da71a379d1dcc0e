package io.hactl.core.state;

/**
 * The environment document in state: what a controller needs to know about its environment.
 *
 * @param uuid the environment's unique id
 * @param name its name at bootstrap
 * @param provider its provider type
 * @param replicaSet the replica set's name
 */
public record EnvironmentRecord(String uuid, String name, String provider, String replicaSet) {}
