package io.huoshui.infrastructure;

/**
 * Whether a server puts what it acknowledges on disk before it answers. Every caller names one, so
 * that no server keeps real data without having been asked to keep it safely.
 */
public enum Durability {
  /**
   * An acknowledged write survives a crash and a power cut: PostgreSQL with fsync,
   * synchronous_commit and full_page_writes on; Kafka flushing every append to disk before it
   * acknowledges it. For data that is kept.
   */
  DURABLE,
  /**
   * Acknowledged before it is on disk: a crash of the machine can lose acknowledged writes and
   * leave PostgreSQL's data directory corrupt. Only for throwaway servers whose data dies with
   * them, where speed matters more.
   */
  THROWAWAY
}
