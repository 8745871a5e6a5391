/** The alert-issue store: alert issues in the repository, found by marker and author. */
import { setTimeout as sleep } from "node:timers/promises";
import type { IssueDraft } from "../issue/render.js";
import type { IncidentIssueDraft } from "../issue/render-incident.js";
import { type ListedAlerts, readListedAlerts } from "../issue/incident-record.js";
import { readIssueMarker } from "../issue/marker.js";
import { type AgreedRecord, readRecord } from "../issue/record.js";
import { readStreamingArray } from "../json-stream.js";
import { describe, explained, isFinal, statusOf } from "./errors.js";
import { INCIDENT_LABEL, type LabelSpec } from "../issue/vocabulary.js";
import type { GitHub } from "./octokit.js";

export interface Repo {
  owner: string;
  repo: string;
}

export interface AlertIssue {
  number: number;
  /** The alert's ID; for an incident issue seen as one (reconcile), the incident's. */
  alertId: string;
  /** Set when the issue is an incident issue: reconcile keeps it in step with the incident. */
  incidentId?: string;
  url: string;
  author: string;
  state: "open" | "closed";
  stateReason: string | null;
  createdAt: Date;
  labels: string[];
  assignees: string[];
  /** How many comments the issue has. */
  comments: number;
  /** The record of agreement in the body, when it has one that reads (read for reconcile only). */
  record: AgreedRecord | undefined;
  /** The body, when the listing was asked to keep it (reconcile rewrites the record in it). */
  body?: string;
}

/** Issues by age, oldest first; ties by number. */
export function oldestIssueFirst(a: { createdAt: Date; number: number }, b: { createdAt: Date; number: number }): number {
  return a.createdAt.getTime() - b.createdAt.getTime() || a.number - b.number;
}

/** An incident issue (its marker names an incident), opened by a trusted author. */
export interface IncidentIssueFound extends Omit<AlertIssue, "alertId" | "incidentId"> {
  incidentId: string;
  /** Which alerts its body lists (its hidden record); none when the record was lost. */
  listed: ListedAlerts | undefined;
}

export interface IssueListing {
  issues: AlertIssue[];
  /** Incident issues, apart: an incident issue is never taken for an alert issue. */
  incidentIssues: IncidentIssueFound[];
  /** Issues with a marker but opened by someone outside trusted-authors: not alert issues. */
  strangers: Array<{ number: number; author: string }>;
  /** When each issue in the listing that a trusted author opened was created (alert issue or not). */
  openedByTrusted: Date[];
}

interface RawLabel {
  name?: string;
  color?: string | null;
  description?: string | null;
}

interface RawIssue {
  number: number;
  html_url: string;
  body?: string | null;
  state: string;
  state_reason?: string | null;
  created_at: string;
  user: { login: string } | null;
  labels: Array<string | RawLabel>;
  assignees?: Array<{ login: string }> | null;
  comments?: number;
  pull_request?: unknown;
}

/** An event in an issue's history, as two-way reconcile reads it. */
export interface IssueEvent {
  event: string;
  actor: string;
  createdAt: Date;
  label?: string;
}

/** One write that brings an issue in step: state, labels, assignees and body together. */
export interface IssueUpdate {
  state?: "open" | "closed";
  stateReason?: "completed" | "not_planned" | "reopened";
  labels?: string[];
  assignees?: string[];
  body?: string;
}

export interface CreatedIssue extends AlertIssue {
  /** The description of each of the new issue's labels, by lower-case name; unknown when found by a listing. */
  labelDescriptions: ReadonlyMap<string, string | null> | undefined;
}

export interface VocabularyOutcome {
  /** Labels created, or completed where GitHub had made them bare. */
  made: string[];
  /** Labels that could not be made, with GitHub's answer. */
  failed: Array<{ label: string; error: string }>;
}

// What GitHub gives a label it creates because an issue names it.
const GITHUB_DEFAULT_COLOR = "ededed";

function isGitHubDefault(label: RawLabel): boolean {
  return label.color?.toLowerCase() === GITHUB_DEFAULT_COLOR && !label.description;
}

const NEXT_LINK = /<([^<>]+)>;\s*rel="next"/;

export interface NewIssue extends IssueDraft {
  assignees: string[];
}

export interface NewIncidentIssue extends IncidentIssueDraft {
  assignees: string[];
}

export interface CreatedIncidentIssue extends IncidentIssueFound {
  /** As for an alert issue: each label's description, by lower-case name; unknown when found by a listing. */
  labelDescriptions: ReadonlyMap<string, string | null> | undefined;
}

export interface StoreOptions {
  /** Timeout of one create request; after it, the store looks for the issue before trying again. */
  createTimeoutMs: number;
  retrying(message: string): void;
}

const CREATE_ATTEMPTS = 3;

export class AlertIssueStore {
  readonly #github: GitHub;
  readonly #repo: Repo;
  readonly #authors: Set<string>;
  readonly #options: StoreOptions;

  constructor(github: GitHub, repo: Repo, trustedAuthors: readonly string[], options: StoreOptions) {
    this.#github = github;
    this.#repo = repo;
    this.#authors = new Set(trustedAuthors.map((login) => login.toLowerCase()));
    this.#options = options;
  }

  /** Alert issues (open and closed) updated since `since`: one listing, sized to the window. */
  async listUpdatedSince(since: Date): Promise<IssueListing> {
    return explained("Listing the repository's issues", () => this.#list({ state: "all", since: since.toISOString() }, false));
  }

  /**
   * Open incident issues of any age, found by their label: where alerts of their incidents go when
   * the repository pulls one issue per alert again.
   */
  async listOpenIncidentIssues(): Promise<IncidentIssueFound[]> {
    return explained("Listing the repository's incident issues", async () => (await this.#list({ state: "open", labels: INCIDENT_LABEL }, false)).incidentIssues);
  }

  /**
   * Reconcile's scope: every open alert issue, whatever its age, and every closed one updated since
   * `since`; with their bodies, whose record of agreement reconcile rewrites.
   */
  async listForReconcile(since: Date): Promise<IssueListing> {
    return explained("Listing the repository's issues", async () => {
      const open = await this.#list({ state: "open" }, true);
      const closed = await this.#list({ state: "closed", since: since.toISOString() }, true);
      return {
        issues: [...open.issues, ...closed.issues],
        incidentIssues: [...open.incidentIssues, ...closed.incidentIssues],
        strangers: [...open.strangers, ...closed.strangers],
        openedByTrusted: [...open.openedByTrusted, ...closed.openedByTrusted],
      };
    });
  }

  /**
   * Pages by GitHub's Link header, reading each page an issue at a time as it streams in: Octokit's
   * own parser looks at every value for big integers, which costs seconds over thousands of issues,
   * and a whole page parsed at once leaves megabytes of garbage per page.
   */
  async #list(query: { state: "all" | "open" | "closed"; since?: string; labels?: string }, keepBodies: boolean): Promise<IssueListing> {
    const listing: IssueListing = { issues: [], incidentIssues: [], strangers: [], openedByTrusted: [] };
    // Octokit hands over only the body stream, and undici cancels the body of a Response that is
    // garbage-collected before anyone reads it: the page's Response is held until its body is read.
    // The fetch wrapped is @actions/github's, so proxies are still honoured.
    const fetchPage = this.#github.request.endpoint.DEFAULTS.request?.fetch ?? fetch;
    let held: unknown;
    const holding = async (...args: Parameters<typeof fetch>) => (held = await fetchPage(...args));
    const raw = { request: { parseSuccessResponseBody: false, fetch: holding } };
    let response: { data: unknown; headers: { link?: string } } = await this.#github.request("GET /repos/{owner}/{repo}/issues", { ...this.#repo, ...query, per_page: 100, ...raw });
    for (;;) {
      await readStreamingArray(response.data as AsyncIterable<Uint8Array>, (issue) => this.#classify(issue as RawIssue, listing, keepBodies));
      held = undefined;
      const next = NEXT_LINK.exec(response.headers.link ?? "")?.[1];
      if (!next) return listing;
      response = await this.#github.request({ method: "GET", url: next, ...raw });
    }
  }

  #classify(raw: RawIssue, listing: IssueListing, keepBodies: boolean): void {
    if (raw.pull_request) return;
    if (this.#authors.has((raw.user?.login ?? "").toLowerCase())) listing.openedByTrusted.push(new Date(raw.created_at));
    const marker = readIssueMarker(raw.body);
    if (marker.kind !== "alert" && marker.kind !== "incident") return;
    const author = raw.user?.login ?? "";
    if (!this.#authors.has(author.toLowerCase())) {
      listing.strangers.push({ number: raw.number, author });
      return;
    }
    const issue = marker.kind === "incident" ? toIncidentIssue(raw, marker.incidentId) : toAlertIssue(raw, marker.alertId);
    // Only reconcile reads the record, and rewrites it in the body; pull's listing keeps neither.
    if (keepBodies) {
      issue.body = raw.body ?? "";
      issue.record = readRecord(raw.body);
    }
    if ("listed" in issue) listing.incidentIssues.push(issue);
    else listing.issues.push(issue);
  }

  /**
   * Makes the vocabulary: creates the labels the repository lacks and gives those GitHub made for an
   * issue (default colour, no description) their colour and description; labels someone made by
   * hand are kept. Each label is tried on its own, so one that GitHub refuses does not stop the
   * others. Only when all of them exist is `seal` written: its description records that the set is
   * whole (a colour chosen by hand is kept), and a later run that does not find it tries again.
   */
  async ensureVocabulary(labels: readonly LabelSpec[], seals: readonly LabelSpec[]): Promise<VocabularyOutcome> {
    const outcome: VocabularyOutcome = { made: [], failed: [] };
    let existing: Map<string, RawLabel>;
    try {
      existing = await this.#labels();
    } catch (error) {
      const message = `listing the repository's labels: ${describe(error)}`;
      outcome.failed = [...labels, ...seals].map((label) => ({ label: label.name, error: message }));
      return outcome;
    }
    // After an error no label can be made with this token (a missing permission), the rest are not tried.
    let final: string | undefined;
    for (const label of labels) {
      const found = existing.get(label.name.toLowerCase());
      if (found && !isGitHubDefault(found)) continue;
      if (final) {
        outcome.failed.push({ label: label.name, error: final });
        continue;
      }
      try {
        if (found) await this.#github.rest.issues.updateLabel({ ...this.#repo, ...label });
        else await this.#github.rest.issues.createLabel({ ...this.#repo, ...label });
        outcome.made.push(label.name);
      } catch (error) {
        // Another run may have created it in the meantime.
        if (isAlreadyExists(error)) continue;
        outcome.failed.push({ label: label.name, error: describe(error) });
        if (isFinal(error)) final = describe(error);
      }
    }
    if (outcome.failed.length > 0) return outcome;
    for (const seal of seals) {
      const found = existing.get(seal.name.toLowerCase());
      if (found?.description === seal.description) continue;
      try {
        if (!found) await this.#github.rest.issues.createLabel({ ...this.#repo, ...seal });
        else if (isGitHubDefault(found)) await this.#github.rest.issues.updateLabel({ ...this.#repo, ...seal });
        else await this.#github.rest.issues.updateLabel({ ...this.#repo, name: seal.name, description: seal.description });
        outcome.made.push(seal.name);
      } catch (error) {
        outcome.failed.push({ label: seal.name, error: describe(error) });
      }
    }
    return outcome;
  }

  async #labels(): Promise<Map<string, RawLabel>> {
    const existing = new Map<string, RawLabel>();
    const pages = this.#github.paginate.iterator(this.#github.rest.issues.listLabelsForRepo, { ...this.#repo, per_page: 100 });
    for await (const page of pages) for (const label of page.data) existing.set(label.name.toLowerCase(), label);
    return existing;
  }

  /** An issue's events, oldest first: when each triage field last changed on GitHub, and by whom. */
  async issueEvents(issueNumber: number): Promise<IssueEvent[]> {
    return explained(`Reading the events of issue #${issueNumber}`, async () => {
      const events: IssueEvent[] = [];
      const pages = this.#github.paginate.iterator(this.#github.rest.issues.listEvents, { ...this.#repo, issue_number: issueNumber, per_page: 100 });
      for await (const page of pages) {
        for (const raw of page.data as Array<{ event: string; actor?: { login?: string } | null; created_at: string; label?: { name?: string } }>) {
          events.push({ event: raw.event, actor: raw.actor?.login ?? "", createdAt: new Date(raw.created_at), ...(raw.label?.name ? { label: raw.label.name } : {}) });
        }
      }
      return events;
    });
  }

  /** The comments on an issue that the action's identity wrote, each with its place among all the issue's comments (from 0). */
  async ownComments(issueNumber: number): Promise<Array<{ index: number; body: string }>> {
    return explained(`Reading the comments of issue #${issueNumber}`, async () => {
      const own: Array<{ index: number; body: string }> = [];
      let index = 0;
      const pages = this.#github.paginate.iterator(this.#github.rest.issues.listComments, { ...this.#repo, issue_number: issueNumber, per_page: 100 });
      for await (const page of pages) {
        for (const comment of page.data) {
          if (this.#authors.has((comment.user?.login ?? "").toLowerCase())) own.push({ index, body: comment.body ?? "" });
          index++;
        }
      }
      return own;
    });
  }

  /** Writes an issue's state, labels, assignees and body in one request. */
  async updateIssue(issueNumber: number, update: IssueUpdate): Promise<void> {
    await explained(`Updating issue #${issueNumber}`, () =>
      this.#github.rest.issues.update({
        ...this.#repo,
        issue_number: issueNumber,
        ...(update.state ? { state: update.state } : {}),
        ...(update.stateReason ? { state_reason: update.stateReason } : {}),
        ...(update.labels ? { labels: update.labels } : {}),
        ...(update.assignees ? { assignees: update.assignees } : {}),
        ...(update.body !== undefined ? { body: update.body } : {}),
      }),
    );
  }

  /** One issue's body as it is now. */
  async issueBody(issueNumber: number): Promise<string> {
    return explained(`Reading issue #${issueNumber}`, async () => (await this.#github.rest.issues.get({ ...this.#repo, issue_number: issueNumber })).data.body ?? "");
  }

  async comment(issueNumber: number, body: string): Promise<void> {
    await explained(`Commenting on issue #${issueNumber}`, () => this.#github.rest.issues.createComment({ ...this.#repo, issue_number: issueNumber, body }));
  }

  /** Whether `login` holds at least the triage role here (checked through the API, by role). */
  async canTriage(login: string): Promise<{ allowed: boolean; role: string }> {
    try {
      const { data } = await this.#github.rest.repos.getCollaboratorPermissionLevel({ ...this.#repo, username: login });
      const permissions = (data.user as { permissions?: Record<string, boolean> } | null)?.permissions ?? {};
      const role = data.role_name || data.permission;
      // A public repository answers "read" for anyone; only a role of triage or above counts.
      const allowed = ["admin", "write"].includes(data.permission) || role === "triage" || role === "maintain" ||
        Boolean(permissions.triage || permissions.push || permissions.maintain || permissions.admin);
      return { allowed, role };
    } catch (error) {
      if (statusOf(error) === 404) return { allowed: false, role: "none" };
      throw error;
    }
  }

  /**
   * Comments on an issue unless a comment with the same key is already there, so a problem that
   * every later event repeats is explained once.
   */
  async commentOnce(issueNumber: number, key: string, body: string): Promise<boolean> {
    const tag = `<!-- defender-issues: ${key} -->`;
    const pages = this.#github.paginate.iterator(this.#github.rest.issues.listComments, { ...this.#repo, issue_number: issueNumber, per_page: 100 });
    for await (const page of pages) {
      if (page.data.some((comment) => comment.body?.includes(tag) && this.#authors.has((comment.user?.login ?? "").toLowerCase()))) return false;
    }
    await this.#github.rest.issues.createComment({ ...this.#repo, issue_number: issueNumber, body: `${tag}\n${body}` });
    return true;
  }

  /** Closes a second issue for an alert as a duplicate of the first, saying so on it. */
  async closeAsDuplicate(duplicate: AlertIssue, original: AlertIssue): Promise<void> {
    await explained(`Closing issue #${duplicate.number} as a duplicate`, async () => {
      await this.#github.rest.issues.createComment({
        ...this.#repo,
        issue_number: duplicate.number,
        body: `Duplicate of #${original.number}: both were opened for Defender alert \`${original.alertId}\` (two pull runs at once). Triage continues on #${original.number}.`,
      });
      await this.#github.rest.issues.update({ ...this.#repo, issue_number: duplicate.number, state: "closed", state_reason: "duplicate" });
    });
  }

  /**
   * Closes an incident issue as a duplicate: of the survivor's issue when Defender merged its
   * incident (saying so on both, each linking the other), or of the first issue for its incident.
   */
  async closeIncidentAsDuplicate(duplicate: { number: number; incidentId: string }, original: { number: number; incidentId: string }, reason: "merged" | "second"): Promise<void> {
    await explained(`Closing issue #${duplicate.number} as a duplicate`, async () => {
      const said =
        reason === "merged"
          ? `Microsoft Defender merged incident \`${duplicate.incidentId}\` into incident \`${original.incidentId}\`: its alerts are listed on #${original.number}, where triage continues.`
          : `Duplicate of #${original.number}: both were opened for Defender incident \`${original.incidentId}\` (two pull runs at once). Triage continues on #${original.number}.`;
      await this.#github.rest.issues.createComment({ ...this.#repo, issue_number: duplicate.number, body: said });
      await this.#github.rest.issues.update({ ...this.#repo, issue_number: duplicate.number, state: "closed", state_reason: "duplicate" });
      if (reason === "merged") {
        await this.#github.rest.issues.createComment({
          ...this.#repo,
          issue_number: original.number,
          body: `Microsoft Defender merged incident \`${duplicate.incidentId}\` (#${duplicate.number}) into this incident; its alerts are listed here now.`,
        });
      }
    });
  }

  /**
   * Opens an alert issue. A create whose reply is lost (5xx, reset, timeout) may still have
   * happened, so before trying again the store looks for the marker: a retry never opens a second
   * issue.
   */
  async create(issue: NewIssue): Promise<CreatedIssue> {
    return this.#create(issue, `alert ${issue.alertId}`, (raw) => toAlertIssue(raw, issue.alertId), (listing) => listing.issues.find((found) => found.alertId === issue.alertId));
  }

  /** Opens an incident issue, as `create` opens an alert issue. */
  async createIncidentIssue(issue: NewIncidentIssue): Promise<CreatedIncidentIssue> {
    return this.#create(issue, `incident ${issue.incidentId}`, (raw) => toIncidentIssue(raw, issue.incidentId), (listing) => listing.incidentIssues.find((found) => found.incidentId === issue.incidentId));
  }

  async #create<T>(issue: { title: string; body: string; labels: string[]; assignees: string[] }, what: string, made: (raw: RawIssue) => T, find: (listing: IssueListing) => T | undefined): Promise<T & { labelDescriptions: ReadonlyMap<string, string | null> | undefined }> {
    const started = new Date(Date.now() - 60_000);
    for (let attempt = 1; ; attempt++) {
      try {
        const { data } = await this.#github.rest.issues.create({
          ...this.#repo,
          title: issue.title,
          body: issue.body,
          labels: issue.labels,
          ...(issue.assignees.length > 0 ? { assignees: issue.assignees } : {}),
          request: { retries: 0, signal: AbortSignal.timeout(this.#options.createTimeoutMs) },
        });
        const created = data as RawIssue;
        // Whoever the token acts as, its own issues are alert issues for the rest of the run.
        if (created.user?.login) this.#authors.add(created.user.login.toLowerCase());
        const labelDescriptions = new Map(created.labels.flatMap((label) => (typeof label !== "string" && label.name ? [[label.name.toLowerCase(), label.description ?? null] as const] : [])));
        return { ...made(created), labelDescriptions };
      } catch (error) {
        if (!isLostReply(error) || attempt >= CREATE_ATTEMPTS) throw error;
        this.#options.retrying(`Opening the issue for ${what}: ${describe(error)}; checking whether it was opened before trying again`);
        await sleep(2000 * attempt);
        const existing = find(await this.listUpdatedSince(started));
        // Its labels were listed by name only: what they say is not known here.
        if (existing) return { ...existing, labelDescriptions: undefined };
      }
    }
  }
}

function toIncidentIssue(raw: RawIssue, incidentId: string): IncidentIssueFound {
  const { alertId: _alertId, ...issue } = toAlertIssue(raw, incidentId);
  return { ...issue, incidentId, listed: readListedAlerts(raw.body) };
}

function toAlertIssue(raw: RawIssue, alertId: string): AlertIssue {
  return {
    number: raw.number,
    alertId,
    url: raw.html_url,
    author: raw.user?.login ?? "",
    state: raw.state === "closed" ? "closed" : "open",
    stateReason: raw.state_reason ?? null,
    createdAt: new Date(raw.created_at),
    labels: raw.labels.map((label) => (typeof label === "string" ? label : (label.name ?? ""))),
    assignees: (raw.assignees ?? []).map((assignee) => assignee.login),
    comments: raw.comments ?? 0,
    record: undefined,
  };
}

function isAlreadyExists(error: unknown): boolean {
  const errors = (error as { response?: { data?: { errors?: Array<{ code?: string }> } } }).response?.data?.errors;
  return statusOf(error) === 422 && Array.isArray(errors) && errors.some((e) => e.code === "already_exists");
}

/** A failure after which the create may or may not have happened. */
function isLostReply(error: unknown): boolean {
  const status = statusOf(error);
  const name = (error as { name?: unknown } | null)?.name;
  return name === "TimeoutError" || name === "AbortError" || (status !== undefined && status >= 500);
}
