/**
 * Reads a JSON object arriving in chunks whose one array member is large (a Defender page holds up
 * to 10,000 alerts in `value`): each element of that array is handed over as soon as it is
 * complete, parsed on its own, and the rest of the object is parsed at the end. Peak memory is a
 * chunk and an element, not the whole page twice over (its text and its objects).
 *
 * Parsing stays with JSON.parse, which is several times faster than the JavaScript tokenisers of
 * streaming JSON libraries; the scanner here only finds where elements begin and end. It reads
 * bytes: every byte it looks for is ASCII, and no byte of a multi-byte UTF-8 character is.
 */

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const COMMA = 0x2c;
const COLON = 0x3a;

const decoder = new TextDecoder();

function isSpace(byte: number): boolean {
  return byte === 0x20 || byte === 0x0a || byte === 0x0d || byte === 0x09;
}

/**
 * Streams `chunks`: calls `onElement` with each element of the top-level array member `member`,
 * and returns the object with that member empty (`[]`). A member that is not an array is left in
 * the object as it is. Invalid JSON throws JSON.parse's SyntaxError, possibly after some elements.
 */
export function readStreamingMember(chunks: AsyncIterable<Uint8Array>, member: string, onElement: OnElement): Promise<unknown> {
  return streamMemberBytes(chunks, member, parsing(onElement));
}

/**
 * As readStreamingMember, but hands each element over as its bytes only, unparsed: for a reader
 * that parses parts of an element on their own (readMemberBytes).
 */
export async function streamMemberBytes(chunks: AsyncIterable<Uint8Array>, member: string, onBytes: OnBytes): Promise<unknown> {
  const scanner = new MemberScanner(member, onBytes);
  for await (const chunk of chunks) scanner.write(chunk);
  return scanner.end();
}

/**
 * Reads one JSON object held in `bytes` as streamMemberBytes reads a stream: hands over the bytes
 * of each element of its array member `member` (a view of `bytes`), and returns the object with
 * that member empty. Anything but an object with such a member is returned whole.
 */
export function readMemberBytes(bytes: Uint8Array, member: string, onBytes: OnBytes): unknown {
  const scanner = new MemberScanner(member, onBytes);
  scanner.write(bytes);
  return scanner.end();
}

/**
 * A JSON array for each group of elements' bytes, side by side in one buffer: the i-th array is
 * `buffer` from `bounds[i]` to `bounds[i + 1]`. Thousands of small arrays kept together cost one
 * allocation, not one each.
 */
export function arraysOfBytes(groups: ReadonlyArray<readonly Uint8Array[]>): { buffer: Uint8Array; bounds: number[] } {
  const lengthOf = (elements: readonly Uint8Array[]) => elements.reduce((sum, element) => sum + element.length, 2 + Math.max(0, elements.length - 1));
  const buffer = new Uint8Array(groups.reduce((sum, elements) => sum + lengthOf(elements), 0));
  const bounds = [0];
  let at = 0;
  for (const elements of groups) {
    buffer[at++] = OPEN_BRACKET;
    for (const [i, element] of elements.entries()) {
      if (i > 0) buffer[at++] = COMMA;
      buffer.set(element, at);
      at += element.length;
    }
    buffer[at++] = CLOSE_BRACKET;
    bounds.push(at);
  }
  return { buffer, bounds };
}

/**
 * Streams a JSON array (a GitHub listing page): calls `onElement` with each element, parsed on its
 * own. Anything but an array is a SyntaxError.
 */
export async function readStreamingArray(chunks: AsyncIterable<Uint8Array>, onElement: OnElement): Promise<void> {
  const scanner = new MemberScanner(undefined, parsing(onElement));
  for await (const chunk of chunks) scanner.write(chunk);
  // An array is always streamed, so what is left of it is `[]`; anything else is not an array.
  if (!Array.isArray(scanner.end())) throw new SyntaxError("Expected a JSON array");
}

/** Takes an element, parsed, and its bytes (a view of the chunk it came in, when it came in one). */
export type OnElement = (element: unknown, bytes: Uint8Array) => void;
/** Takes an element's bytes, unparsed (a view of the chunk it came in, when it came in one). */
export type OnBytes = (bytes: Uint8Array) => void;

/** An element's bytes parsed: what JSON.parse makes of their text. */
export function parseBytes(bytes: Uint8Array): unknown {
  return JSON.parse(decoder.decode(bytes));
}

const parsing = (onElement: OnElement): OnBytes => (bytes) => onElement(parseBytes(bytes), bytes);

/** Where the bytes being read go: the rest of the object, the element being read, or nowhere (between elements). */
type Sink = "rest" | "element" | "between";

class MemberScanner {
  /** The member whose array is streamed; undefined streams the top-level array itself. */
  readonly #member: string | undefined;
  /** The member's name as the bytes of its key; keys are compared as bytes, never decoded. */
  readonly #memberKey: Uint8Array;
  /** The depth of the streamed array's elements' container: 2 in an object, 1 at the top. */
  readonly #arrayDepth: number;
  readonly #onBytes: OnBytes;
  readonly #rest: Uint8Array[] = [];
  #element: Uint8Array[] = [];
  #sink: Sink = "rest";
  #depth = 0;
  #inString = false;
  /** The chunk ended on a backslash inside a string: the next byte is escaped. */
  #escaped = false;
  /** At depth 1, the next string is a key. */
  #keyNext = false;
  /**
   * While a key at depth 1 is read: how many of the member's bytes it has matched so far, or -1
   * once it cannot be the member; undefined outside keys. Then whether the last key was the member.
   */
  #keyMatched: number | undefined;
  #lastKeyIsMember = false;
  /** After `"member":`, waiting to see whether an array follows. */
  #memberValueNext = false;
  #streamed = false;
  /** Between elements: one has just ended (a comma or the end must follow), or a comma has (an element must). */
  #afterElement = false;
  #elementNext = false;

  constructor(member: string | undefined, onBytes: OnBytes) {
    this.#member = member;
    this.#memberKey = Buffer.from(member ?? "");
    this.#arrayDepth = member === undefined ? 1 : 2;
    this.#memberValueNext = member === undefined;
    this.#onBytes = onBytes;
  }

  write(chunk: Uint8Array): void {
    // Bytes from `from` on belong to the current sink; they are handed over at each change of sink.
    let from = 0;
    let keyFrom = 0;
    const flush = (to: number) => {
      // The rest is small: copied, so that it does not hold on to whole chunks.
      if (to > from && this.#sink === "rest") this.#rest.push(chunk.slice(from, to));
      else if (to > from && this.#sink === "element") this.#element.push(chunk.subarray(from, to));
    };
    const switchTo = (sink: Sink, at: number) => {
      flush(at);
      this.#sink = sink;
      from = at;
    };
    for (let i = 0; i < chunk.length; i++) {
      if (this.#inString) {
        // Most bytes are inside strings: jump to the closing quote rather than look at each byte.
        const close = this.#closingQuote(chunk, i);
        if (close < 0) break;
        i = close;
        this.#inString = false;
        if (this.#keyMatched !== undefined) {
          this.#matchKey(chunk, keyFrom, i);
          this.#lastKeyIsMember = this.#keyMatched === this.#memberKey.length;
          this.#keyMatched = undefined;
        }
        continue;
      }
      const byte = chunk[i]!;
      if (isSpace(byte)) continue;
      if (this.#memberValueNext) {
        this.#memberValueNext = false;
        if (byte === OPEN_BRACKET) {
          this.#depth++;
          this.#streamed = true;
          this.#afterElement = false;
          this.#elementNext = false;
          switchTo("between", i + 1);
          continue;
        }
      }
      if (this.#sink === "between") {
        if (byte === COMMA) {
          if (!this.#afterElement) throw new SyntaxError(`Unexpected ',' in the '${this.#member}' array`);
          this.#afterElement = false;
          this.#elementNext = true;
          continue;
        }
        if (byte === CLOSE_BRACKET) {
          if (this.#elementNext) throw new SyntaxError(`Unexpected ']' after ',' in the '${this.#member}' array`);
          this.#depth--;
          switchTo("rest", i);
          continue;
        }
        if (this.#afterElement) throw new SyntaxError(`Expected ',' or ']' between elements of the '${this.#member}' array`);
        this.#elementNext = false;
        switchTo("element", i);
      }
      switch (byte) {
        case QUOTE:
          this.#inString = true;
          if (this.#depth === 1 && this.#keyNext) {
            this.#keyNext = false;
            this.#keyMatched = 0;
            keyFrom = i + 1;
          }
          break;
        case OPEN_BRACE:
        case OPEN_BRACKET:
          this.#depth++;
          if (this.#depth === 1) this.#keyNext = byte === OPEN_BRACE;
          break;
        case CLOSE_BRACE:
        case CLOSE_BRACKET:
          if (this.#sink === "element" && this.#depth === this.#arrayDepth) {
            // A scalar element ends where its array does.
            if (byte !== CLOSE_BRACKET) throw new SyntaxError(`Unexpected '}' in the '${this.#member}' array`);
            this.#emit(chunk, from, i);
            this.#depth--;
            this.#sink = "rest";
            from = i;
            break;
          }
          this.#depth--;
          if (this.#sink === "element" && this.#depth === this.#arrayDepth) {
            this.#emit(chunk, from, i + 1);
            this.#sink = "between";
            this.#afterElement = true;
            from = i + 1;
          }
          break;
        case COMMA:
          if (this.#sink === "element" && this.#depth === this.#arrayDepth) {
            this.#emit(chunk, from, i);
            this.#sink = "between";
            this.#elementNext = true;
            from = i + 1;
          } else if (this.#depth === 1) this.#keyNext = true;
          break;
        case COLON:
          if (this.#depth === 1 && !this.#streamed && this.#member !== undefined && this.#lastKeyIsMember) this.#memberValueNext = true;
          break;
      }
    }
    flush(chunk.length);
    if (this.#keyMatched !== undefined && this.#inString) this.#matchKey(chunk, keyFrom, chunk.length);
  }

  /** Goes on matching the key being read against the member's name with its bytes from `from` to `to`. */
  #matchKey(chunk: Uint8Array, from: number, to: number): void {
    let matched = this.#keyMatched!;
    if (matched < 0) return;
    if (matched + to - from > this.#memberKey.length) matched = -1;
    for (let i = from; i < to && matched >= 0; i++) matched = chunk[i] === this.#memberKey[matched] ? matched + 1 : -1;
    this.#keyMatched = matched;
  }

  /**
   * The index of the quote that closes the string going on at `start`, or -1 when the string runs
   * past the chunk (and then whether the chunk ends inside an escape is remembered).
   */
  #closingQuote(chunk: Uint8Array, start: number): number {
    let from = start;
    if (this.#escaped) {
      this.#escaped = false;
      from++;
    }
    for (;;) {
      const quote = chunk.indexOf(QUOTE, from);
      const end = quote < 0 ? chunk.length : quote;
      let backslashes = 0;
      while (end - backslashes - 1 >= from && chunk[end - backslashes - 1] === BACKSLASH) backslashes++;
      if (quote < 0) {
        this.#escaped = backslashes % 2 === 1;
        return -1;
      }
      if (backslashes % 2 === 0) return quote;
      from = quote + 1;
    }
  }

  #emit(chunk: Uint8Array, from: number, to: number): void {
    if (to > from) this.#element.push(chunk.subarray(from, to));
    const pieces = this.#element;
    const bytes = pieces.length === 1 ? pieces[0]! : Buffer.concat(pieces);
    this.#element = [];
    this.#onBytes(bytes);
  }

  end(): unknown {
    if (this.#sink !== "rest") throw new SyntaxError("Unexpected end of JSON input");
    return JSON.parse(Buffer.concat(this.#rest).toString("utf8"));
  }
}
