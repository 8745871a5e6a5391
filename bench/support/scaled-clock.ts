/**
 * A clock that runs `scale` times faster than real time from `epoch`: what the benchmark gives
 * both the emulators and the action, so that a backlog GitHub paces at one issue every 3 s can be
 * measured in minutes rather than hours without changing what is measured.
 *
 * Preloaded into the action's process (`NODE_OPTIONS=--import=…/scaled-clock.ts`) with
 * BENCH_TIME_EPOCH and BENCH_TIME_SCALE set, it scales the process's dates and timers alike:
 * `Date`, `setTimeout`/`setInterval` (global, `node:timers`, `node:timers/promises`).
 */
import { syncBuiltinESMExports } from "node:module";
import timers from "node:timers";
import timersPromises from "node:timers/promises";

const RealDate = Date;
// Sub-millisecond wall time: at 60 times real speed, Date.now()'s milliseconds would be steps of 60.
const realNow = () => performance.timeOrigin + performance.now();

/** Milliseconds on the scaled clock. */
export function scaledNow(epoch: number, scale: number): () => number {
  return () => epoch + (realNow() - epoch) * scale;
}

/** Real milliseconds that `ms` on the scaled clock take. */
export function realDelay(ms: number | undefined, scale: number): number {
  return Math.max(0, Number(ms ?? 0) / scale);
}

function install(epoch: number, scale: number): void {
  const now = scaledNow(epoch, scale);
  class ScaledDate extends RealDate {
    constructor(...args: unknown[]) {
      if (args.length === 0) super(now());
      else super(...(args as [string | number]));
    }
    static override now(): number {
      return now();
    }
  }
  globalThis.Date = ScaledDate as DateConstructor;

  const { setTimeout: realSetTimeout, setInterval: realSetInterval } = timers;
  const scaledSetTimeout = ((fn: (...args: unknown[]) => void, ms?: number, ...args: unknown[]) => realSetTimeout(fn, realDelay(ms, scale), ...args)) as typeof setTimeout;
  const scaledSetInterval = ((fn: (...args: unknown[]) => void, ms?: number, ...args: unknown[]) => realSetInterval(fn, realDelay(ms, scale), ...args)) as typeof setInterval;
  globalThis.setTimeout = timers.setTimeout = scaledSetTimeout;
  globalThis.setInterval = timers.setInterval = scaledSetInterval;

  const realSleep = timersPromises.setTimeout;
  const realEvery = timersPromises.setInterval;
  timersPromises.setTimeout = ((ms?: number, value?: unknown, options?: object) => realSleep(realDelay(ms, scale), value, options)) as typeof realSleep;
  timersPromises.setInterval = ((ms?: number, value?: unknown, options?: object) => realEvery(realDelay(ms, scale), value, options)) as typeof realEvery;
  syncBuiltinESMExports();
}

const epoch = Number(process.env.BENCH_TIME_EPOCH);
const scale = Number(process.env.BENCH_TIME_SCALE);
if (Number.isFinite(epoch) && Number.isFinite(scale) && scale > 0 && scale !== 1) install(epoch, scale);
