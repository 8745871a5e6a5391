/**
 * What an error shown to the user is made of. Its message is one line for the log; a summary or a
 * check needs the parts apart, because they are not equally trusted: the problem and the fix are
 * our words, while a service's reply (Entra ID, Defender, GitHub) is quoted and must stay inert.
 */
export interface Explained {
  /** What went wrong, in our words (an input error quotes the value it got). */
  readonly problem: string;
  /** What a service answered, in its own words: untrusted text. */
  readonly reply?: string | undefined;
  /** What to do about it. */
  readonly fix?: string | undefined;
}

/** The one-line message of an explained error: `problem: reply`, or `problem. Fix`, as the log shows it. */
export function explainedMessage({ problem, reply, fix }: Explained): string {
  const stated = reply ? `${problem}: ${reply}` : problem;
  if (!fix) return stated;
  return `${stated}${/[.:]$/.test(stated) ? "" : "."} ${fix}`;
}

/**
 * The parts of any error. One that does not say them is taken as all reply: its message may quote
 * whatever a service or an input said.
 */
export function partsOf(error: unknown): { problem?: string; reply?: string; fix?: string } {
  const candidate = error as Partial<Record<keyof Explained, unknown>> | null;
  if (error instanceof Error && typeof candidate?.problem === "string") {
    return {
      problem: candidate.problem,
      ...(typeof candidate.reply === "string" && candidate.reply ? { reply: candidate.reply } : {}),
      ...(typeof candidate.fix === "string" && candidate.fix ? { fix: candidate.fix } : {}),
    };
  }
  return { reply: error instanceof Error ? error.message : String(error) };
}
