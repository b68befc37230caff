/**
 * Runs turns of the same conversation one after another, so two messages sent at once both see and save each
 * other's state instead of one overwriting the other. Different conversations still run in parallel. Entries are
 * removed as soon as a conversation is idle, so the map holds only conversations with a turn in flight.
 */
export class ConversationQueue {
  private readonly tails = new Map<string, Promise<unknown>>();

  run<T>(key: string, work: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    const next = previous.then(work, work);
    const tail = next.catch(() => undefined);
    this.tails.set(key, tail);
    void tail.then(() => {
      if (this.tails.get(key) === tail) this.tails.delete(key);
    });
    return next;
  }

  /** Conversations with a turn running or waiting. */
  get size(): number {
    return this.tails.size;
  }
}
