/**
 * Keeps a client under a number of requests in any rolling minute (Graph allows 150 a minute per
 * app and tenant on alerts): a request that would be one too many waits for its turn, rather than
 * drawing a 429 that costs a Retry-After wait and a request of the budget as well.
 */
import { setTimeout as sleep } from "node:timers/promises";

const MINUTE_MS = 60_000;

/** Time as the pace reads it; tests give a clock of their own. */
export interface Clock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

export const SYSTEM_CLOCK: Clock = { now: () => Date.now(), sleep: (ms) => sleep(ms) };

export class RequestPace {
  readonly #perMinute: number;
  readonly #clock: Clock;
  readonly #waiting: (message: string) => void;
  /** When each request of the last minute was counted. */
  readonly #times: number[] = [];

  constructor(perMinute: number, clock: Clock, waiting: (message: string) => void) {
    this.#perMinute = Math.max(1, perMinute);
    this.#clock = clock;
    this.#waiting = waiting;
  }

  /**
   * Waits for a turn and takes it. Returns what to call when the reply comes: the request is then
   * counted from that later time, since the service may have counted it any time in between.
   */
  async take(): Promise<() => void> {
    for (;;) {
      const now = this.#clock.now();
      while (this.#times.length > 0 && now - this.#times[0]! >= MINUTE_MS) this.#times.shift();
      if (this.#times.length < this.#perMinute) break;
      const wait = MINUTE_MS - (now - this.#times[0]!);
      this.#waiting(`Waiting ${Math.ceil(wait / 1000)} s: Microsoft Graph allows ${this.#perMinute} requests a minute on alerts`);
      await this.#clock.sleep(wait);
    }
    const taken = this.#clock.now();
    this.#times.push(taken);
    return () => {
      const index = this.#times.indexOf(taken);
      if (index < 0) return;
      this.#times.splice(index, 1);
      insertSorted(this.#times, Math.max(taken, this.#clock.now()));
    };
  }
}

function insertSorted(times: number[], time: number): void {
  let i = times.length;
  while (i > 0 && times[i - 1]! > time) i--;
  times.splice(i, 0, time);
}
