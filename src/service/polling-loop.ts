// The background loop shared by the deadline runner and the webhook worker: run the work now,
// then every pollMs; wake() runs it again at once (or right after the round in flight); stop()
// ends the polling and waits for the round in flight to finish writing.
export class PollingLoop {
  #timer: NodeJS.Timeout | undefined;
  #running: Promise<void> | undefined;
  #stopped = true;
  #again = false;

  /** One round of work; `stopping()` turns true once stop() was called, to end early. */
  private readonly work: (stopping: () => boolean) => Promise<unknown>;
  private readonly pollMs: number;
  private readonly onError: (error: unknown) => void;

  constructor(
    work: (stopping: () => boolean) => Promise<unknown>,
    pollMs: number,
    onError: (error: unknown) => void,
  ) {
    this.work = work;
    this.pollMs = pollMs;
    this.onError = onError;
  }

  start(): void {
    this.#stopped = false;
    this.#schedule(0);
  }

  wake(): void {
    if (this.#stopped) return;
    if (this.#running !== undefined) {
      this.#again = true;
      return;
    }
    this.#schedule(0);
  }

  async stop(): Promise<void> {
    this.#stopped = true;
    if (this.#timer !== undefined) clearTimeout(this.#timer);
    await this.#running;
  }

  #schedule(delayMs: number): void {
    if (this.#timer !== undefined) clearTimeout(this.#timer);
    this.#timer = setTimeout(() => this.#tick(), delayMs);
  }

  #tick(): void {
    if (this.#stopped || this.#running !== undefined) return;
    this.#running = this.work(() => this.#stopped)
      .then(() => undefined)
      .catch((error: unknown) => this.onError(error))
      .finally(() => {
        this.#running = undefined;
        if (this.#stopped) return;
        const again = this.#again;
        this.#again = false;
        this.#schedule(again ? 0 : this.pollMs);
      });
  }
}
