/**
 * The webhook payload of the run (GITHUB_EVENT_PATH), validated: every field in it is untrusted.
 * On zod's mini build, as the inputs are: most sync runs end after reading the event.
 */
import * as z from "zod/mini";

const login = z.string().check(z.minLength(1), z.maxLength(100));
const user = z.looseObject({ login, type: z.optional(z.string()) });

const issueSchema = z.looseObject({
  number: z.int().check(z.positive()),
  html_url: z.string(),
  body: z.nullish(z.string()),
  state: z.enum(["open", "closed"]),
  state_reason: z.nullish(z.string()),
  user: z.nullish(user),
  labels: z._default(z.array(z.union([z.string(), z.looseObject({ name: z.string() })])), []),
  assignees: z.nullish(z.array(user)),
  pull_request: z.optional(z.unknown()),
});

const issuesEvent = z.looseObject({
  action: z.string(),
  issue: issueSchema,
  sender: user,
  assignee: z.nullish(user),
  label: z.nullish(z.looseObject({ name: z.string() })),
  changes: z.optional(z.looseObject({ body: z.optional(z.looseObject({ from: z.nullish(z.string()) })) })),
});

const commentEvent = z.looseObject({
  action: z.string(),
  issue: issueSchema,
  sender: user,
  comment: z.looseObject({ id: z.number(), body: z.nullish(z.string()), html_url: z.string(), user: z.nullish(user) }),
});

export type EventIssue = z.infer<typeof issueSchema>;

export interface IssueSnapshot {
  number: number;
  url: string;
  body: string;
  state: "open" | "closed";
  stateReason: string | undefined;
  author: string;
  labels: string[];
  assignees: string[];
  isPullRequest: boolean;
}

export type SyncEvent =
  | {
      kind: "issues";
      action: string;
      issue: IssueSnapshot;
      sender: string;
      assignee: string | undefined;
      /** The label a `labeled` or `unlabeled` event added or removed. */
      label: string | undefined;
      /** The body before an `edited` event changed it. */
      previousBody: string | undefined;
    }
  | {
      kind: "issue_comment";
      action: string;
      issue: IssueSnapshot;
      sender: string;
      comment: { id: number; body: string; url: string; author: string };
    }
  | { kind: "other"; name: string };

function snapshot(issue: EventIssue): IssueSnapshot {
  return {
    number: issue.number,
    url: issue.html_url,
    body: issue.body ?? "",
    state: issue.state,
    stateReason: issue.state_reason ?? undefined,
    author: issue.user?.login ?? "",
    labels: issue.labels.map((label) => (typeof label === "string" ? label : label.name)),
    assignees: (issue.assignees ?? []).map((assignee) => assignee.login),
    isPullRequest: issue.pull_request !== undefined && issue.pull_request !== null,
  };
}

function parsePayload<T>(schema: z.ZodMiniType<T>, name: string, payload: unknown): T {
  // One payload per run: zod's compiled fast path would cost more to build than it saves.
  const parsed = schema.safeParse(payload, { jitless: true });
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  throw new Error(`The ${name} event payload is not one GitHub sends: ${issue?.path.join(".") || "payload"}: ${issue?.message ?? "invalid"}`);
}

/** Reads the event; a payload that is not what GitHub sends for its name is an error. */
export function readEvent(name: string, payload: unknown): SyncEvent {
  if (name === "issues") {
    const event = parsePayload(issuesEvent, name, payload);
    return {
      kind: "issues",
      action: event.action,
      issue: snapshot(event.issue),
      sender: event.sender.login,
      assignee: event.assignee?.login,
      label: event.label?.name,
      previousBody: event.changes?.body?.from ?? undefined,
    };
  }
  if (name === "issue_comment") {
    const event = parsePayload(commentEvent, name, payload);
    return {
      kind: "issue_comment",
      action: event.action,
      issue: snapshot(event.issue),
      sender: event.sender.login,
      comment: { id: event.comment.id, body: event.comment.body ?? "", url: event.comment.html_url, author: event.comment.user?.login ?? event.sender.login },
    };
  }
  return { kind: "other", name };
}
