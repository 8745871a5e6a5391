// Preloaded into the action's process by a test (`NODE_OPTIONS=--expose-gc --import=…`): collects
// garbage every millisecond, so that anything the action needs but does not hold on to is lost.
const timer = setInterval(() => globalThis.gc?.(), 1);
timer.unref();
