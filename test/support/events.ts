/**
 * Webhook payloads for sync runs, built from GitHub's own examples (@octokit/webhooks-examples) and
 * typed by @octokit/openapi-webhooks-types, so their shape is GitHub's rather than a guess.
 */
import { createRequire } from "node:module";
import type { components } from "@octokit/openapi-webhooks-types";

type Schemas = components["schemas"];
type Example = { action: string } & Record<string, unknown>;

const require = createRequire(import.meta.url);
const examples = require("@octokit/webhooks-examples/api.github.com/index.json") as Array<{ name: string; examples: Example[] }>;

function example(event: string, action: string): Example {
  const found = examples.find((e) => e.name === event)?.examples.find((e) => e.action === action);
  if (!found) throw new Error(`no ${event}.${action} example`);
  return structuredClone(found);
}

export interface IssueFixture {
  number: number;
  body: string;
  author?: string;
  labels?: string[];
  state?: "open" | "closed";
  stateReason?: "completed" | "not_planned" | "duplicate" | "reopened" | null;
  assignees?: string[];
  pullRequest?: boolean;
}

function user(login: string, template: Record<string, unknown>) {
  return { ...template, login, type: login.endsWith("[bot]") ? "Bot" : "User", html_url: `https://github.com/${login}` };
}

function issueFrom(template: Record<string, unknown>, fixture: IssueFixture) {
  const templateUser = template.user as Record<string, unknown>;
  const templateLabel = ((template.labels as Array<Record<string, unknown>> | undefined)?.[0]) ?? { id: 1, node_id: "L", url: "", color: "ededed", default: false, description: null };
  const issue: Record<string, unknown> = {
    ...template,
    number: fixture.number,
    html_url: `https://github.com/acme/soc/issues/${fixture.number}`,
    body: fixture.body,
    user: user(fixture.author ?? "github-actions[bot]", templateUser),
    labels: (fixture.labels ?? []).map((name, index) => ({ ...templateLabel, id: 1000 + index, name })),
    state: fixture.state ?? "open",
    state_reason: fixture.stateReason ?? null,
    assignees: (fixture.assignees ?? []).map((login) => user(login, templateUser)),
    assignee: fixture.assignees?.[0] ? user(fixture.assignees[0], templateUser) : null,
    closed_at: fixture.state === "closed" ? "2026-11-25T12:00:00Z" : null,
  };
  if (fixture.pullRequest) issue.pull_request = { url: `https://api.github.com/repos/acme/soc/pulls/${fixture.number}`, html_url: "", diff_url: "", patch_url: "", merged_at: null };
  else delete issue.pull_request;
  return issue;
}

function withRepository(payload: Example, sender: string) {
  const repository = payload.repository as Record<string, unknown>;
  payload.repository = { ...repository, name: "soc", full_name: "acme/soc", owner: { ...(repository.owner as object), login: "acme" } };
  payload.sender = user(sender, payload.sender as Record<string, unknown>);
  return payload;
}

type IssuesAction = "closed" | "reopened" | "labeled" | "unlabeled" | "edited" | "assigned" | "unassigned" | "opened";
type IssuesPayload = {
  closed: Schemas["webhook-issues-closed"];
  reopened: Schemas["webhook-issues-reopened"];
  labeled: Schemas["webhook-issues-labeled"];
  unlabeled: Schemas["webhook-issues-unlabeled"];
  edited: Schemas["webhook-issues-edited"];
  assigned: Schemas["webhook-issues-assigned"];
  unassigned: Schemas["webhook-issues-unassigned"];
  opened: Schemas["webhook-issues-opened"];
};

/** An `issues` event; `extra` adds the action's own fields (label, assignee, changes). */
export function issuesEvent<A extends IssuesAction>(action: A, fixture: IssueFixture, sender: string, extra: { label?: string; assignee?: string; previousBody?: string } = {}): { name: "issues"; payload: IssuesPayload[A] } {
  // GitHub's examples have no `closed` one; `reopened` has the same shape.
  const payload = example("issues", action === "closed" ? "reopened" : action);
  payload.action = action;
  payload.issue = issueFrom(payload.issue as Record<string, unknown>, fixture);
  if (extra.label !== undefined) payload.label = { id: 77, node_id: "LA", url: "", name: extra.label, color: "ededed", default: false, description: null };
  if (extra.assignee !== undefined) payload.assignee = user(extra.assignee, (payload.issue as { user: Record<string, unknown> }).user);
  if (extra.previousBody !== undefined) payload.changes = { body: { from: extra.previousBody } };
  return { name: "issues", payload: withRepository(payload, sender) as unknown as IssuesPayload[A] };
}

/** An `issue_comment` `created` event. */
export function commentEvent(fixture: IssueFixture, sender: string, comment: { id?: number; body: string; author?: string }): { name: "issue_comment"; payload: Schemas["webhook-issue-comment-created"] } {
  const payload = example("issue_comment", "created");
  payload.issue = issueFrom(payload.issue as Record<string, unknown>, fixture);
  const template = payload.comment as Record<string, unknown>;
  const id = comment.id ?? 9001;
  payload.comment = {
    ...template,
    id,
    body: comment.body,
    html_url: `https://github.com/acme/soc/issues/${fixture.number}#issuecomment-${id}`,
    user: user(comment.author ?? sender, template.user as Record<string, unknown>),
  };
  return { name: "issue_comment", payload: withRepository(payload, sender) as unknown as Schemas["webhook-issue-comment-created"] };
}
