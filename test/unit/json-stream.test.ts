import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { arraysOfBytes, readMemberBytes, readStreamingArray, readStreamingMember } from "../../src/json-stream.ts";

async function* chunked(text: string, cuts: number[]): AsyncGenerator<Uint8Array> {
  const bytes = Buffer.from(text, "utf8");
  let at = 0;
  for (const cut of [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b)) {
    yield bytes.subarray(at, cut);
    at = cut;
  }
  yield bytes.subarray(at);
}

async function read(text: string, cuts: number[] = [], member = "value") {
  const elements: unknown[] = [];
  const rest = await readStreamingMember(chunked(text, cuts), member, (element) => elements.push(element));
  return { elements, rest };
}

describe("readStreamingMember", () => {
  it("hands over each element of the member and returns the rest with it empty", async () => {
    const text = '{"@odata.context":"x","value":[{"id":"a","n":[1,{"b":"]}"}]},{"id":"b"}],"@odata.nextLink":"https://h/next"}';
    expect(await read(text)).toEqual({ elements: [{ id: "a", n: [1, { b: "]}" }] }, { id: "b" }], rest: { "@odata.context": "x", value: [], "@odata.nextLink": "https://h/next" } });
  });

  it("reads scalars, strings with brackets, commas and escapes, and whitespace anywhere", async () => {
    const text = ' {\n "value" : [ 1 , "a,b]\\"}" ,null, true,\t-2.5e3 ,[ ] , {} ] , "k" : { "value" : [9] } } \n';
    expect(await read(text)).toEqual({ elements: [1, 'a,b]"}', null, true, -2500, [], {}], rest: { value: [], k: { value: [9] } } });
  });

  it("leaves a member that is not an array, or is nested, in the rest", async () => {
    expect(await read('{"value":null,"other":[1]}')).toEqual({ elements: [], rest: { value: null, other: [1] } });
    expect(await read('{"value":[]}')).toEqual({ elements: [], rest: { value: [] } });
    expect(await read('{"a":{"value":[1,2]}}')).toEqual({ elements: [], rest: { a: { value: [1, 2] } } });
    expect(await read("[1,2]")).toEqual({ elements: [], rest: [1, 2] });
  });

  it.each([
    ['{"value":[1,,2]}'],
    ['{"value":[,1]}'],
    ['{"value":[1,]}'],
    ['{"value":[1 2]}'],
    ['{"value":[{"a":1}{"a":2}]}'],
    ['{"value":[1}'],
    ['{"value":[{"a":1}'],
    ['{"value":[{"a":1}],}'],
    ['{"value":[{"a":}]}'],
    ['{"value":[1]} x'],
    ['{"value":[1]'],
  ])("refuses invalid JSON: %s", async (text) => {
    await expect(read(text)).rejects.toThrow(SyntaxError);
  });

  it("gives what JSON.parse gives, however the bytes are cut, multi-byte characters included", async () => {
    const element = fc.jsonValue({ maxDepth: 3 });
    await fc.assert(
      fc.asyncProperty(fc.array(element, { maxLength: 8 }), fc.dictionary(fc.string().filter((k) => k !== "value"), element, { maxKeys: 3 }), fc.array(fc.nat(), { maxLength: 12 }), fc.boolean(), async (value, others, cuts, valueFirst) => {
        const object = valueFirst ? { value, ...others } : { ...others, value };
        const text = JSON.stringify(object, null, cuts.length % 2 === 0 ? undefined : 1);
        const expected = JSON.parse(text) as { value: unknown[] };
        const { elements, rest } = await read(text, cuts);
        expect(elements).toEqual(expected.value);
        expect(rest).toEqual({ ...expected, value: [] });
      }),
      { numRuns: 400 },
    );
  });

  it("streams only the member itself, not keys that begin or end like it", async () => {
    const text = '{"valu":[1],"values":[2],"xvalue":[3],"value":[4,5],"valueé":[6]}';
    for (let cut = 0; cut <= Buffer.byteLength(text); cut++) {
      expect(await read(text, [cut])).toEqual({ elements: [4, 5], rest: { valu: [1], values: [2], xvalue: [3], value: [], "valueé": [6] } });
    }
  });

  it("cuts inside a key, an escape and a multi-byte character", async () => {
    const text = '{"val\\u0075e":0,"value":[{"t":"é\\"ü€𝄞"}],"z":"ok"}';
    for (let cut = 0; cut <= Buffer.byteLength(text); cut++) {
      expect(await read(text, [cut])).toEqual({ elements: [{ t: 'é"ü€𝄞' }], rest: { value: [], z: "ok" } });
    }
  });
});

describe("readStreamingArray", () => {
  async function readArray(text: string, cuts: number[] = []) {
    const elements: unknown[] = [];
    await readStreamingArray(chunked(text, cuts), (element) => elements.push(element));
    return elements;
  }

  it("hands over each element of a top-level array", async () => {
    expect(await readArray(' [ {"number":1,"body":"a ] , b"} , 2 ,"x",[3,[4]] ] ')).toEqual([{ number: 1, body: "a ] , b" }, 2, "x", [3, [4]]]);
    expect(await readArray("[]")).toEqual([]);
  });

  it.each([['{"value":[1]}'], ["[1,]"], ["[1 2]"], ["[1"], ["[1]]"], ["[1] [2]"], ['"x"']])("refuses what is not one JSON array: %s", async (text) => {
    await expect(readArray(text)).rejects.toThrow(SyntaxError);
  });

  it("gives what JSON.parse gives, however the bytes are cut", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.jsonValue({ maxDepth: 3 }), { maxLength: 8 }), fc.array(fc.nat(), { maxLength: 12 }), async (value, cuts) => {
        const text = JSON.stringify(value, null, cuts.length % 2 === 0 ? undefined : 2);
        expect(await readArray(text, cuts)).toEqual(JSON.parse(text));
      }),
      { numRuns: 300 },
    );
  });
});

describe("readMemberBytes", () => {
  it("reads one object's bytes: each element of the member as a view of the object's bytes, and the rest", () => {
    const bytes = Buffer.from('{"id":"7","alerts":[{"id":"a","t":"é]"} , {"id":"b"}],"n":1}', "utf8");
    const elements: string[] = [];
    const rest = readMemberBytes(bytes, "alerts", (own) => {
      expect(own.buffer).toBe(bytes.buffer);
      elements.push(Buffer.from(own).toString("utf8"));
    });
    expect(elements).toEqual(['{"id":"a","t":"é]"}', '{"id":"b"}']);
    expect(rest).toEqual({ id: "7", alerts: [], n: 1 });
  });

  it("returns anything but an object with the member whole", () => {
    const none = () => {
      throw new Error("no element expected");
    };
    expect(readMemberBytes(Buffer.from('{"alerts":null}'), "alerts", none)).toEqual({ alerts: null });
    expect(readMemberBytes(Buffer.from("[1,2]"), "alerts", none)).toEqual([1, 2]);
    expect(readMemberBytes(Buffer.from("null"), "alerts", none)).toBeNull();
    expect(() => readMemberBytes(Buffer.from('{"alerts":[1,]}'), "alerts", () => {})).toThrow(SyntaxError);
  });
});

describe("arraysOfBytes", () => {
  it("writes each group as a JSON array, side by side in one buffer, with where each begins and ends", () => {
    const bytes = (text: string) => Buffer.from(text, "utf8");
    const { buffer, bounds } = arraysOfBytes([[bytes('{"a":1}'), bytes('"é"')], [], [bytes("null")]]);
    expect(bounds).toEqual([0, 14, 16, 22]);
    expect(bounds.slice(1).map((end, i) => JSON.parse(Buffer.from(buffer.subarray(bounds[i], end)).toString("utf8")))).toEqual([[{ a: 1 }, "é"], [], [null]]);
    expect(buffer.length).toBe(22);
  });
});
