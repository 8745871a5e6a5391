/**
 * Tries the action without a tenant: starts the Entra, Defender and GitHub emulators on loopback,
 * seeds realistic alerts, runs the bundled action in pull mode twice and prints what it opened.
 */
import { sampleAlerts } from "../test/emulators/sample-alerts.ts";
import { startWorld } from "../test/support/world.ts";

const world = await startWorld({ labels: "none" });
try {
  world.defender.alerts.push(...sampleAlerts());
  console.log(`Defender emulator holds ${world.defender.alerts.length} alerts; running pull (issue creation is paced 3 s apart, as on GitHub)…\n`);
  const first = await world.run({ labels: "soc-triage" });
  process.stdout.write(first.stdout.replace(/^::(add-mask|debug)::.*\n/gm, ""));
  if (first.code !== 0) throw new Error(`pull failed (exit ${first.code}): ${first.stderr}`);

  for (const issue of world.github.issues) {
    console.log(`\n${"═".repeat(100)}\n#${issue.number} ${issue.title}\nlabels: ${issue.labels.join(", ")}\n${"─".repeat(100)}\n${issue.body}`);
  }
  console.log(`${"═".repeat(100)}\n\nOutputs: ${JSON.stringify(first.outputs, null, 2)}`);
  console.log(`Labels in the repository: ${[...world.github.labels.values()].map((label) => label.name).join(", ")}`);

  const second = await world.run({ labels: "soc-triage" });
  console.log(`\nSecond run: exit ${second.code}, issues-created ${second.outputs["issues-created"]}, alerts-found ${second.outputs["alerts-found"]} (no alert gets a second issue).`);
  if (world.github.violations.length > 0) console.log(`GitHub API violations: ${world.github.violations.join("\n")}`);
} finally {
  await world.stop();
}
