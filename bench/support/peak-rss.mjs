// The process's own peak resident memory, in MB. On Linux it is `VmHWM` in /proc/self/status, the
// high-water mark of this process's own address space: getrusage's maxrss (what
// process.resourceUsage().maxRSS reads) keeps, across exec, the resident size the process had when
// it was forked, so a small child of a large bench process would report the parent's size.
import { readFileSync } from "node:fs";

export function peakRssMB() {
  try {
    const kB = /^VmHWM:\s*(\d+) kB$/m.exec(readFileSync("/proc/self/status", "utf8"))?.[1];
    if (kB !== undefined) return Number(kB) / 1024;
  } catch {
    // Not Linux: getrusage is what there is.
  }
  return process.resourceUsage().maxRSS / 1024;
}
