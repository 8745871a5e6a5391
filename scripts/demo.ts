/**
 * Tries the action without a tenant: starts the Entra, Defender, Graph security and GitHub emulators
 * on loopback, seeds realistic alerts, runs the bundled action in pull mode twice and prints what it
 * opened. `--source graph` reads a mixed Defender XDR sample (an endpoint alert, a phishing e-mail,
 * an identity alert, a cloud-apps OAuth alert) through the Graph security API instead.
 */
import { parseArgs } from "node:util";
import { sampleAlerts } from "../test/emulators/sample-alerts.ts";
import { endpointAlert, identityAlert, oauthAlert, phishingAlert } from "../test/emulators/sample-graph-alerts.ts";
import { minutesAgo, startWorld } from "../test/support/world.ts";

const { values } = parseArgs({ options: { source: { type: "string", default: "endpoint" } } });
if (values.source !== "endpoint" && values.source !== "graph") throw new Error(`--source is endpoint or graph, not ${JSON.stringify(values.source)}`);
const graph = values.source === "graph";

const world = await startWorld({ labels: "none" });
try {
  let inputs: Record<string, string> = { labels: "soc-triage" };
  if (graph) {
    // The samples' times are fixed; the demo's window is the last day.
    world.graph.alerts.push(...[endpointAlert, phishingAlert, identityAlert, oauthAlert].map((alert, i) => {
      const at = minutesAgo(60 - i * 10);
      return { ...structuredClone(alert), createdDateTime: at, lastUpdateDateTime: at };
    }));
    inputs = { ...inputs, ...world.graphInputs };
    console.log(`Graph security emulator holds ${world.graph.alerts.length} alerts of four products; running pull with source: graph (issue creation is paced 3 s apart, as on GitHub)…\n`);
  } else {
    world.defender.alerts.push(...sampleAlerts());
    console.log(`Defender emulator holds ${world.defender.alerts.length} alerts; running pull (issue creation is paced 3 s apart, as on GitHub)…\n`);
  }
  const first = await world.run(inputs);
  process.stdout.write(first.stdout.replace(/^::(add-mask|debug)::.*\n/gm, ""));
  if (first.code !== 0) throw new Error(`pull failed (exit ${first.code}): ${first.stderr}`);

  for (const issue of world.github.issues) {
    console.log(`\n${"═".repeat(100)}\n#${issue.number} ${issue.title}\nlabels: ${issue.labels.join(", ")}\n${"─".repeat(100)}\n${issue.body}`);
  }
  console.log(`${"═".repeat(100)}\n\nOutputs: ${JSON.stringify(first.outputs, null, 2)}`);
  console.log(`Labels in the repository: ${[...world.github.labels.values()].map((label) => label.name).join(", ")}`);

  const second = await world.run(inputs);
  console.log(`\nSecond run: exit ${second.code}, issues-created ${second.outputs["issues-created"]}, alerts-found ${second.outputs["alerts-found"]} (no alert gets a second issue).`);
  if (world.github.violations.length > 0) console.log(`GitHub API violations: ${world.github.violations.join("\n")}`);
} finally {
  await world.stop();
}
