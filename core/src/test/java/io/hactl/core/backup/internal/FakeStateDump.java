package io.hactl.core.backup.internal;

import io.hactl.core.backup.StateDump;
import io.hactl.core.state.Machine;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/** Collections of extended-JSON lines in memory: the archive codec's tests need no server. */
class FakeStateDump implements StateDump {

  final Map<String, List<String>> documents = new LinkedHashMap<>();
  final Map<String, List<String>> indexes = new LinkedHashMap<>();

  FakeStateDump with(String collection, List<String> docs, List<String> specs) {
    documents.put(collection, new ArrayList<>(docs));
    indexes.put(collection, new ArrayList<>(specs));
    return this;
  }

  @Override
  public List<String> collections() {
    return List.copyOf(documents.keySet());
  }

  @Override
  public List<String> indexes(String collection) {
    return indexes.get(collection);
  }

  @Override
  public long export(String collection, Writer out) throws IOException {
    for (String doc : documents.get(collection)) {
      out.write(doc);
      out.write('\n');
    }
    return documents.get(collection).size();
  }

  @Override
  public long load(String collection, List<String> specs, Iterator<String> docs) {
    List<String> loaded = documents.computeIfAbsent(collection, c -> new ArrayList<>());
    indexes.put(collection, new ArrayList<>(specs));
    docs.forEachRemaining(loaded::add);
    return loaded.size();
  }

  @Override
  public long loadMachines(List<String> specs, Iterator<String> docs, Predicate<Machine> keep) {
    throw new UnsupportedOperationException("machine documents need the real codec");
  }

  @Override
  public void close() {}
}
