package io.hactl.core.backup;

import io.hactl.core.state.Machine;
import java.io.IOException;
import java.io.Writer;
import java.util.Iterator;
import java.util.List;
import java.util.function.Predicate;

/**
 * Port: the state database as collections of documents, read and written as MongoDB canonical
 * extended JSON (one document per line), so that every BSON type survives a round trip.
 * Implementations throw {@link io.hactl.core.state.StateException} when the database fails.
 */
public interface StateDump extends AutoCloseable {

  /**
   * The collections a backup holds: every collection of the state database except the stored
   * backups themselves, in the order {@link DumpOrder} gives.
   */
  List<String> collections();

  /** The collection's indexes other than {@code _id}'s, each one JSON object (key, name, ...). */
  List<String> indexes(String collection);

  /**
   * Writes every document of {@code collection}, one per line, read from the primary with
   * majority read concern.
   *
   * @return how many documents were written
   */
  long export(String collection, Writer out) throws IOException;

  /**
   * Creates {@code indexes} and inserts {@code documents}; a document whose {@code _id} is
   * already present replaces it, so a load can be repeated.
   *
   * @return how many documents were loaded
   */
  long load(String collection, List<String> indexes, Iterator<String> documents);

  /** Loads {@code machines} documents as {@link #load} does, keeping only those {@code keep} accepts. */
  long loadMachines(List<String> indexes, Iterator<String> documents, Predicate<Machine> keep);

  @Override
  void close();
}
