/**
 * Pacing: a 500-alert backlog drained by consecutive scheduled pulls against a GitHub that enforces
 * its secondary limits on content creation (80 a minute, 500 an hour, 403 with retry-after), while
 * other automation acting as the same identity writes a comment every minute. Time runs 60 times
 * faster for the emulators and for the action alike (bench/support/scaled-clock.ts).
 *
 * Targets: no limit hit; within a run, creates at ≥ 90% of GitHub's pace for notification-sending
 * writes (one every 3 s); never more than 500 content writes in any hour.
 */
import { alertIssueBody, alertsBetween, HOUR, isoAt, MINUTE, round, startLab } from "./support/lab.ts";
import { GITHUB_TOKEN } from "../test/support/world.ts";
import { mostWithin } from "./economy.ts";

const SCALE = 60;
const BACKLOG = 500;
const SCHEDULE = 15 * MINUTE;
const MOST_RUNS = 16;
const GITHUB_PACE_MS = 3000;

export interface PacingRun {
  startedMinute: number;
  endedMinute: number;
  opened: number;
  /** Mean seconds between this run's creates. */
  secondsBetweenCreates: number | null;
}

export interface PacingResult {
  backlog: number;
  schedule: string;
  opened: number;
  runs: PacingRun[];
  minutesToDrain: number;
  secondaryLimitHits: number;
  /** Slowest run's pace as a share of one create every 3 s. */
  slowestRunPace: number | null;
  mostCreatesInAnyHour: number;
  mostContentWritesInAnyHour: number;
  mostContentWritesInAnyMinute: number;
  otherAutomationWrites: number;
}

export async function pacing(log: (line: string) => void): Promise<PacingResult> {
  const lab = await startLab({ scale: SCALE });
  const { world } = lab;
  try {
    const start = lab.now();
    world.defender.alerts.push(...alertsBetween(BACKLOG, start, 10 * MINUTE, 20 * HOUR, "backlog"));
    const board = world.github.addIssue({ title: "Nightly report", body: alertIssueBody("not_an_alert").replace(/<!--.*-->/, ""), created_at: isoAt(new Date(start.getTime() - 48 * HOUR)) });

    // Other automation with the same token: a comment a minute, for as long as the backlog drains.
    let otherWrites = 0;
    const other = setInterval(() => {
      otherWrites++;
      void fetch(`${world.github.url}/repos/acme/soc/issues/${board.number}/comments`, {
        method: "POST",
        headers: { authorization: `token ${GITHUB_TOKEN}`, "content-type": "application/json" },
        body: JSON.stringify({ body: `report ${otherWrites}` }),
      }).then((response) => response.arrayBuffer());
    }, MINUTE / SCALE);

    const runs: PacingRun[] = [];
    let opened = 0;
    let slot = start.getTime();
    try {
      while (opened < BACKLOG && runs.length < MOST_RUNS) {
        const wait = slot - lab.now().getTime();
        if (wait > 0) await lab.wait(wait);
        // A timer may wake a scaled millisecond or two early; the run is the slot's.
        const began = Math.max(lab.now().getTime(), slot);
        const before = world.github.requests.length;
        const { result } = await lab.run({ "max-issues": String(BACKLOG) });
        if (result.code !== 0) throw new Error(`pull failed: ${result.stdout.slice(-2000)}`);
        const creates = world.github.requests.slice(before).filter((r) => r.method === "POST" && r.path.endsWith("/issues") && r.status === 201).map((r) => r.at);
        const run = {
          startedMinute: round((began - start.getTime()) / MINUTE),
          endedMinute: round((lab.now().getTime() - start.getTime()) / MINUTE),
          opened: Number(result.outputs["issues-created"]),
          secondsBetweenCreates: creates.length > 1 ? round((creates.at(-1)! - creates[0]!) / (creates.length - 1) / 1000, 3) : null,
        };
        runs.push(run);
        opened += run.opened;
        log(`pacing run at minute ${run.startedMinute}–${run.endedMinute}: opened ${run.opened} (${opened}/${BACKLOG}), ${run.secondsBetweenCreates ?? "–"} s between creates`);
        // The next slot after this run began; one that came due while it ran waits for it (a concurrency group).
        slot = Math.max(start.getTime() + (Math.floor((began - start.getTime()) / SCHEDULE) + 1) * SCHEDULE, lab.now().getTime());
      }
    } finally {
      clearInterval(other);
    }
    const createTimes = world.github.requests.filter((r) => r.method === "POST" && r.path.endsWith("/issues") && r.status === 201).map((r) => r.at);
    const paces = runs.filter((r) => r.secondsBetweenCreates !== null).map((r) => (GITHUB_PACE_MS / 1000) / r.secondsBetweenCreates!);
    return {
      backlog: BACKLOG,
      schedule: "every 15 minutes, max-issues 500, runs in one concurrency group",
      opened,
      runs,
      minutesToDrain: runs.at(-1)?.endedMinute ?? 0,
      secondaryLimitHits: world.github.secondaryLimitHits.length,
      slowestRunPace: paces.length > 0 ? round(Math.min(...paces), 3) : null,
      mostCreatesInAnyHour: mostWithin(createTimes, HOUR),
      mostContentWritesInAnyHour: mostWithin(world.github.contentWrites, HOUR),
      mostContentWritesInAnyMinute: mostWithin(world.github.contentWrites, MINUTE),
      otherAutomationWrites: otherWrites,
    };
  } finally {
    await lab.stop();
  }
}
