// Request/response validation against GitHub's published OpenAPI description
// (@octokit/openapi, api.github.com.json, OpenAPI 3.0.3).
//
// The description is 13 MB, so it is read once per process, and everything
// else is lazy and cached: an operation's schemas are converted and compiled on
// its first use, and only the component schemas they reach are handed to ajv.
// Many emulators in one test file therefore pay the cost only once.

import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { Ajv } from "ajv";
import type { ErrorObject, ValidateFunction } from "ajv";
import addFormatsModule from "ajv-formats";

// ajv-formats is CommonJS: under NodeNext the default import is module.exports,
// whose `default` property is the plugin itself.
const addFormats = addFormatsModule.default;

type SchemaObject = { [key: string]: unknown };

interface Parameter {
  name: string;
  in: "path" | "query" | "header" | "cookie";
  required?: boolean;
  schema?: SchemaObject;
}

interface MediaType {
  schema?: SchemaObject;
}

interface ResponseObject {
  content?: Record<string, MediaType>;
}

interface Operation {
  operationId?: string;
  externalDocs?: { url?: string };
  parameters?: Array<Parameter | { $ref: string }>;
  requestBody?: { required?: boolean; content?: Record<string, MediaType> };
  responses?: Record<string, ResponseObject | { $ref: string }>;
}

interface Spec {
  paths: Record<string, Record<string, Operation>>;
  components: {
    schemas: Record<string, SchemaObject>;
    parameters: Record<string, Parameter>;
    responses: Record<string, ResponseObject>;
  };
}

/** One path template of the description, ready for matching. */
interface Route {
  template: string;
  regex: RegExp;
  paramNames: string[];
  literalSegments: number;
  /** index of the first segment holding a parameter; later is more literal */
  firstParamSegment: number;
  operations: Map<string, Operation>;
}

export interface OperationMatch {
  /** e.g. "/repos/{owner}/{repo}/issues/{issue_number}" */
  template: string;
  /** lower case, as in the description ("get", "post", …) */
  method: string;
  operationId: string;
  documentationUrl: string;
  pathParams: Record<string, string>;
  operation: Operation;
}

export type RouteLookup =
  | { kind: "ok"; match: OperationMatch }
  | { kind: "no-route" }
  | { kind: "no-method"; template: string };

/** `#/components/schemas/X` is registered in ajv as `${SCHEMA_BASE}X`. */
const SCHEMA_BASE = "https://emulator.invalid/github/schemas/";
const HTTP_METHODS = new Set(["get", "put", "post", "patch", "delete"]);

/** Formats GitHub uses that ajv-formats does not define; accepted as-is. */
const EXTRA_FORMATS = ["int32", "int64", "double", "repo.nwo", "binary"];

interface Loaded {
  /** as published: converted piecemeal, see componentSchema() */
  spec: Spec;
  routes: Route[];
  ajv: Ajv;
  /** converted component schemas, by name */
  components: Map<string, SchemaObject>;
  /** component schemas already added to ajv */
  registered: Set<string>;
}

let loading: Promise<Loaded> | undefined;
let loaded: Loaded | undefined;

/** Reads and prepares the description; cached for the life of the process. */
export function loadOpenApi(): Promise<void> {
  loading ??= prepare().then((result) => {
    loaded = result;
    return result;
  });
  return loading.then(() => undefined);
}

function requireLoaded(): Loaded {
  if (!loaded) throw new Error("OpenAPI description not loaded: await loadOpenApi() first");
  return loaded;
}

async function prepare(): Promise<Loaded> {
  const file = createRequire(import.meta.url).resolve("@octokit/openapi/generated/api.github.com.json");
  const spec = JSON.parse(await readFile(file, "utf8")) as Spec;
  const ajv = new Ajv({
    // OpenAPI adds keywords (example, discriminator, readOnly, x-…) that
    // ajv's strict mode would reject.
    strict: false,
    validateSchema: false,
    formats: Object.fromEntries(EXTRA_FORMATS.map((name) => [name, true])),
  });
  addFormats(ajv);
  return { spec, routes: buildRoutes(spec), ajv, components: new Map(), registered: new Set() };
}

/** The converted component schema `name` (as in `#/components/schemas/name`). */
function componentSchema(name: string): SchemaObject {
  const { spec, components } = requireLoaded();
  let schema = components.get(name);
  if (!schema) {
    const raw = spec.components.schemas[name];
    if (!raw) throw new Error(`unresolvable schema #/components/schemas/${name}`);
    schema = convert(raw);
    components.set(name, schema);
  }
  return schema;
}

/** Compiles a converted schema, first registering every component it reaches. */
function compileSchema(schema: SchemaObject): ValidateFunction {
  registerReferenced(schema);
  return requireLoaded().ajv.compile(schema);
}

function registerReferenced(node: unknown): void {
  if (Array.isArray(node)) {
    node.forEach(registerReferenced);
    return;
  }
  if (!isRecord(node)) return;
  for (const [key, value] of Object.entries(node)) {
    if (key === "$ref" && typeof value === "string" && value.startsWith(SCHEMA_BASE)) registerComponent(value);
    else registerReferenced(value);
  }
}

function registerComponent(id: string): void {
  const { ajv, registered } = requireLoaded();
  const name = id.slice(SCHEMA_BASE.length);
  if (registered.has(name)) return;
  registered.add(name); // before recursing: schemas refer to each other in cycles
  const schema = componentSchema(name);
  ajv.addSchema(schema, id);
  registerReferenced(schema);
}

function convert(schema: SchemaObject): SchemaObject {
  return transform(schema) as SchemaObject;
}

// ---------------------------------------------------------------------------
// OpenAPI 3.0 → JSON Schema (draft-07, what ajv speaks)
// ---------------------------------------------------------------------------

/** Keywords whose value is data rather than a schema: copied untouched. */
const DATA_KEYWORDS = new Set(["default", "enum", "const"]);

/** Keywords whose value maps arbitrary names (e.g. a property called "default") to schemas. */
const NAME_MAPS = new Set(["properties", "patternProperties", "definitions"]);

/**
 * Deep copy with the OpenAPI 3.0 dialect rewritten for ajv:
 * - `nullable: true` becomes a `null` type (or an `anyOf` with null when the
 *   schema has no `type`, e.g. a `$ref` or a `oneOf`);
 * - `oneOf` becomes `anyOf`: GitHub's description has overlapping branches
 *   (e.g. two nullable alternatives, both matching null), which would make
 *   valid payloads fail `oneOf`'s "exactly one" rule;
 * - `#/components/schemas/X` refs become ids registered with ajv.
 * Examples and `x-` extensions are dropped.
 */
function transform(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(transform);
  if (node === null || typeof node !== "object") return node;
  const out: SchemaObject = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === "example" || key === "examples" || key.startsWith("x-")) continue;
    if (DATA_KEYWORDS.has(key)) out[key] = value;
    else if (NAME_MAPS.has(key)) out[key] = transformMap(value);
    else out[key === "oneOf" ? "anyOf" : key] = transform(value);
  }
  if (typeof out.$ref === "string" && out.$ref.startsWith("#/components/schemas/")) {
    out.$ref = SCHEMA_BASE + out.$ref.slice("#/components/schemas/".length);
  }
  return out.nullable === true ? makeNullable(out) : out;
}

/** Transforms each value of a name → schema map, whatever the names are. */
function transformMap(map: unknown): unknown {
  if (!isRecord(map)) return map;
  return Object.fromEntries(Object.entries(map).map(([name, value]) => [name, transform(value)]));
}

function makeNullable(schema: SchemaObject): SchemaObject {
  const { nullable: _nullable, ...rest } = schema;
  if (typeof rest.type === "string") {
    const enumValues = Array.isArray(rest.enum) ? { enum: [...rest.enum, null] } : {};
    return { ...rest, type: [rest.type, "null"], ...enumValues };
  }
  return { anyOf: [rest, { type: "null" }] };
}

// ---------------------------------------------------------------------------
// Route matching
// ---------------------------------------------------------------------------

function buildRoutes(spec: Spec): Route[] {
  return Object.entries(spec.paths).map(([template, item]) => {
    const segments = template.split("/");
    const paramNames: string[] = [];
    const pattern = segments
      .map((segment) =>
        segment.replace(/\{([^}]+)\}|[^{]+/g, (part, name: string | undefined) => {
          if (name === undefined) return escapeRegExp(part);
          paramNames.push(name);
          return "([^/]+?)";
        }),
      )
      .join("/");
    const paramSegment = segments.findIndex((segment) => segment.includes("{"));
    const operations = new Map<string, Operation>();
    for (const [method, operation] of Object.entries(item)) {
      if (HTTP_METHODS.has(method)) operations.set(method, operation);
    }
    return {
      template,
      regex: new RegExp(`^${pattern}$`),
      paramNames,
      literalSegments: segments.filter((segment) => !segment.includes("{")).length,
      firstParamSegment: paramSegment === -1 ? segments.length : paramSegment,
      operations,
    };
  });
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** Literal-most first: `/issues/comments` beats `/issues/{issue_number}`. */
function moreLiteral(a: Route, b: Route): number {
  return b.literalSegments - a.literalSegments || b.firstParamSegment - a.firstParamSegment;
}

/**
 * Finds the operation for a request. Like a router, the path decides the
 * route first (literal-most template wins) and the method is looked up on it.
 */
export function findOperation(method: string, pathname: string): RouteLookup {
  const { routes } = requireLoaded();
  const candidates: Array<{ route: Route; values: string[] }> = [];
  for (const route of routes) {
    const found = route.regex.exec(pathname);
    if (found) candidates.push({ route, values: found.slice(1) });
  }
  candidates.sort((a, b) => moreLiteral(a.route, b.route));
  const best = candidates[0];
  if (!best) return { kind: "no-route" };
  const verb = method.toLowerCase() === "head" ? "get" : method.toLowerCase();
  const operation = best.route.operations.get(verb);
  if (!operation) return { kind: "no-method", template: best.route.template };
  const pathParams: Record<string, string> = {};
  best.route.paramNames.forEach((name, index) => {
    pathParams[name] = safeDecode(best.values[index] ?? "");
  });
  return {
    kind: "ok",
    match: {
      template: best.route.template,
      method: verb,
      operationId: operation.operationId ?? `${verb} ${best.route.template}`,
      documentationUrl: operation.externalDocs?.url ?? "https://docs.github.com/rest",
      pathParams,
      operation,
    },
  };
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

// ---------------------------------------------------------------------------
// Validators, compiled per operation on first use
// ---------------------------------------------------------------------------

interface CompiledOperation {
  pathParams: ParameterSet;
  queryParams: ParameterSet;
  body: { validate: ValidateFunction; required: boolean } | undefined;
  responses: Map<string, ValidateFunction | undefined>;
}

interface ParameterSet {
  schemas: Map<string, SchemaObject>;
  validate: ValidateFunction;
}

const compiled = new Map<string, CompiledOperation>();

function compiledFor(match: OperationMatch): CompiledOperation {
  const key = `${match.method} ${match.template}`;
  let entry = compiled.get(key);
  if (!entry) {
    const parameters = resolveParameters(match.operation);
    entry = {
      pathParams: compileParameters(parameters.filter((p) => p.in === "path")),
      queryParams: compileParameters(parameters.filter((p) => p.in === "query")),
      body: compileBody(match.operation),
      responses: new Map(),
    };
    compiled.set(key, entry);
  }
  return entry;
}

function resolveParameters(operation: Operation): Parameter[] {
  const { spec } = requireLoaded();
  return (operation.parameters ?? []).map((parameter) => {
    if (!("$ref" in parameter)) return parameter;
    const resolved = spec.components.parameters[lastSegment(parameter.$ref)];
    if (!resolved) throw new Error(`unresolvable parameter ${parameter.$ref}`);
    return resolved;
  });
}

function lastSegment(ref: string): string {
  return ref.slice(ref.lastIndexOf("/") + 1);
}

function compileParameters(parameters: Parameter[]): ParameterSet {
  const schemas = new Map(parameters.map((p) => [p.name, convert(p.schema ?? {})]));
  const validate = compileSchema({
    type: "object",
    properties: Object.fromEntries(schemas),
    required: parameters.filter((p) => p.required).map((p) => p.name),
    // an unknown query parameter is silently ignored by GitHub: almost always a bug
    additionalProperties: false,
  });
  return { schemas, validate };
}

function compileBody(operation: Operation): CompiledOperation["body"] {
  const schema = operation.requestBody?.content?.["application/json"]?.schema;
  if (!schema) return undefined;
  return {
    validate: compileSchema(forbidUnknownProperties(convert(schema))),
    required: operation.requestBody?.required === true,
  };
}

/**
 * GitHub ignores body fields it does not know, and the description leaves
 * `additionalProperties` open. For a test that is the wrong way round: a
 * misspelt or invented field must fail. So every plain object schema of a
 * request body (not those behind a `$ref` below the root, nor `allOf` parts,
 * where closing one part would reject the other parts' fields) is closed.
 */
function forbidUnknownProperties(schema: SchemaObject): SchemaObject {
  const root = typeof schema.$ref === "string" ? componentSchema(lastSegment(schema.$ref)) : schema;
  return closeObject(root);
}

function closeObject(schema: SchemaObject): SchemaObject {
  const out: SchemaObject = { ...schema };
  if (isRecord(out.properties)) {
    out.properties = Object.fromEntries(
      Object.entries(out.properties).map(([name, value]) => [name, isRecord(value) ? closeObject(value) : value]),
    );
    if (out.additionalProperties === undefined && out.patternProperties === undefined) {
      out.additionalProperties = false;
    }
  }
  if (isRecord(out.items)) out.items = closeObject(out.items);
  if (Array.isArray(out.anyOf)) {
    out.anyOf = out.anyOf.map((member: unknown) => (isRecord(member) ? closeObject(member) : member));
  }
  return out;
}

function isRecord(value: unknown): value is SchemaObject {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

// ---------------------------------------------------------------------------
// Validation entry points
// ---------------------------------------------------------------------------

/**
 * Validates path parameters, query parameters and the JSON body.
 * `body` is undefined when the request had none. Returns human-readable
 * problems; empty when the request is valid.
 */
export function validateRequest(match: OperationMatch, query: URLSearchParams, body: unknown): string[] {
  const operation = compiledFor(match);
  const problems = [
    ...checkParameters("path", operation.pathParams, coercePath(operation.pathParams, match.pathParams)),
    ...checkParameters("query", operation.queryParams, coerceQuery(operation.queryParams, query)),
  ];
  if (operation.body) {
    if (body === undefined) {
      if (operation.body.required) problems.push("a JSON request body is required");
    } else if (!operation.body.validate(body)) {
      problems.push(...describeErrors("body", operation.body.validate.errors));
    }
  } else if (body !== undefined) {
    problems.push("this operation takes no JSON request body");
  }
  return problems;
}

/**
 * Validates a 2xx JSON body the emulator is about to send. Returns problems;
 * a status the operation does not document is a problem too.
 */
export function validateResponse(match: OperationMatch, status: number, body: unknown): string[] {
  const operation = compiledFor(match);
  const key = String(status);
  if (!operation.responses.has(key)) operation.responses.set(key, compileResponse(match, key));
  const validate = operation.responses.get(key);
  if (!(key in (match.operation.responses ?? {}))) {
    return [`status ${status} is not documented for ${match.operationId}`];
  }
  if (!validate) {
    return body === undefined ? [] : [`status ${status} of ${match.operationId} documents no JSON body`];
  }
  return validate(body) ? [] : describeErrors("body", validate.errors);
}

function compileResponse(match: OperationMatch, status: string): ValidateFunction | undefined {
  let response = match.operation.responses?.[status];
  if (response && "$ref" in response) response = requireLoaded().spec.components.responses[lastSegment(response.$ref)];
  const schema = response?.content?.["application/json"]?.schema;
  return schema ? compileSchema(convert(schema)) : undefined;
}

function checkParameters(where: "path" | "query", set: ParameterSet, values: Record<string, unknown>): string[] {
  return set.validate(values) ? [] : describeErrors(where, set.validate.errors);
}

function coercePath(set: ParameterSet, params: Record<string, string>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(params)) out[name] = coerce(value, set.schemas.get(name));
  return out;
}

/** Query strings carry text; turn it into what the schema's type expects. */
function coerceQuery(set: ParameterSet, query: URLSearchParams): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const name of new Set(query.keys())) {
    const schema = set.schemas.get(name);
    if (schemaType(schema) === "array") {
      const items = isRecord(schema?.items) ? schema.items : undefined;
      out[name] = query.getAll(name).flatMap((value) => value.split(",").map((part) => coerce(part, items)));
    } else {
      out[name] = coerce(query.getAll(name).at(-1) ?? "", schema);
    }
  }
  return out;
}

function coerce(value: string, schema: SchemaObject | undefined): unknown {
  const type = schemaType(schema);
  if ((type === "integer" || type === "number") && /^-?\d+(\.\d+)?$/.test(value)) return Number(value);
  if (type === "boolean" && (value === "true" || value === "false")) return value === "true";
  return value;
}

/** The declared type, following one `$ref` and ignoring the added "null". */
function schemaType(schema: SchemaObject | undefined): string | undefined {
  if (!schema) return undefined;
  const target = typeof schema.$ref === "string" ? componentSchema(lastSegment(schema.$ref)) : schema;
  const type = target.type;
  if (typeof type === "string") return type;
  if (Array.isArray(type)) return type.find((t): t is string => typeof t === "string" && t !== "null");
  return undefined;
}

/** Ajv errors in the spirit of GitHub's "Invalid request" messages. */
function describeErrors(where: "path" | "query" | "body", errors: ErrorObject[] | null | undefined): string[] {
  return (errors ?? []).map((error) => {
    const at = where === "body" ? `body${error.instancePath}` : `${where} parameter ${error.instancePath.slice(1)}`;
    if (error.keyword === "additionalProperties") {
      const key = String((error.params as { additionalProperty?: unknown }).additionalProperty);
      if (where !== "body") return `"${key}" is not a permitted ${where} parameter.`;
      const inside = error.instancePath === "" ? "" : ` (in ${at})`;
      return `"${key}" is not a permitted key${inside}.`;
    }
    if (error.keyword === "enum") {
      const allowed = (error.params as { allowedValues?: unknown[] }).allowedValues ?? [];
      return `${at} must be one of ${allowed.map((value) => JSON.stringify(value)).join(", ")}.`;
    }
    return `${at} ${error.message ?? "is invalid"}.`;
  });
}
