import fc from 'fast-check';

/**
 * Requests built from the OpenAPI document (issue 18): for each operation, path parameters, query and
 * body that are valid-looking, nearly valid and hostile. The document is read as data, so a new route
 * is fuzzed without anyone listing it.
 */
export interface Operation {
  readonly method: string;
  readonly path: string;
  readonly operationId: string;
  readonly pathParams: readonly string[];
  readonly queryParams: readonly string[];
  readonly bodyProperties: readonly string[];
  readonly hasBody: boolean;
}

type OpenApi = {
  paths: Record<string, Record<string, OpenApiOperation>>;
};
type OpenApiOperation = {
  operationId?: string;
  parameters?: { name: string; in: string }[];
  requestBody?: { content?: Record<string, { schema?: { properties?: Record<string, unknown> } }> };
};

export function operationsOf(document: unknown): Operation[] {
  const doc = document as OpenApi;
  return Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.entries(methods)
      .filter(([method]) => ['get', 'post', 'put', 'patch', 'delete'].includes(method))
      .map(([method, operation]) => {
        const parameters = operation.parameters ?? [];
        const json = operation.requestBody?.content?.['application/json']?.schema;
        return {
          method: method.toUpperCase(),
          path,
          operationId: operation.operationId ?? `${method} ${path}`,
          pathParams: parameters.filter((p) => p.in === 'path').map((p) => p.name),
          queryParams: parameters.filter((p) => p.in === 'query').map((p) => p.name),
          bodyProperties: Object.keys(json?.properties ?? {}),
          hasBody: operation.requestBody !== undefined,
        };
      }),
  );
}

/** Strings that have broken servers: NUL, lone surrogates, huge, empty, traversal, SQL, script, prototype keys. */
const hostileText = fc.constantFrom(
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\ud800',
  '\udfff',
  '😀',
  'x'.repeat(10_000),
  '../../etc/passwd',
  "' OR 1=1 --",
  '<script>alert(1)</script>',
  '__proto__',
  'constructor',
  '%00',
  '0000-01-01',
  '9999-12-31',
  '-1',
  '1e309',
  'null',
  '00000000-0000-0000-0000-000000000000',
  '3171010101700001',
  'MP2026-00000001',
);

const text = fc.oneof(
  hostileText,
  fc.string({ maxLength: 40 }),
  fc.uuid(),
  fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
);

const value: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    text,
    fc.integer(),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(
      fc.oneof(fc.string({ maxLength: 10 }), fc.constantFrom('__proto__', 'constructor')),
      tie('value'),
      {
        maxKeys: 4,
      },
    ),
  ),
})).value;

/** Deeply nested arrays: a parser that recurses without limit falls over on these. */
const deep = fc
  .integer({ min: 50, max: 2_000 })
  .map((depth) => JSON.parse(`${'['.repeat(depth)}${']'.repeat(depth)}`));

/** A lone surrogate cannot be percent-encoded as UTF-8: it goes as the raw bytes a client could send. */
function encodeSegment(text: string): string {
  try {
    return encodeURIComponent(text);
  } catch {
    return '%ED%A0%80';
  }
}

export interface FuzzRequest {
  readonly method: string;
  readonly url: string;
  readonly payload?: string | Buffer;
  readonly contentType?: string;
  /** An empty path parameter makes the path another route's (or none): its contract does not apply. */
  readonly routedElsewhere: boolean;
}

/** One request for the operation: path and query from hostile or ordinary text, a body of any shape. */
export function requestFor(operation: Operation): fc.Arbitrary<FuzzRequest> {
  const path = fc.tuple(...operation.pathParams.map(() => text)).map((values) => ({
    url: operation.pathParams.reduce(
      (url, name, index) => url.replace(`{${name}}`, encodeSegment(String(values[index]))),
      operation.path,
    ),
    routedElsewhere: values.some((v) => encodeSegment(String(v)) === ''),
  }));
  const query = fc
    .subarray([...operation.queryParams])
    .chain((names) => fc.tuple(...names.map((name) => text.map((v) => [name, String(v)] as const))))
    .map((pairs) => pairs.map(([name, v]) => `${name}=${encodeSegment(v)}`).join('&'));
  const fieldsBody = fc
    .subarray([...operation.bodyProperties])
    .chain((names) => fc.tuple(...names.map((name) => value.map((v) => [name, v] as const))))
    .map((pairs) => JSON.stringify(Object.fromEntries(pairs)));
  const body = operation.hasBody
    ? fc.oneof(
        fieldsBody.map((payload) => ({ payload, contentType: 'application/json' })),
        value.map((v) => ({ payload: JSON.stringify(v) ?? 'null', contentType: 'application/json' })),
        deep.map((v) => ({ payload: JSON.stringify(v), contentType: 'application/json' })),
        fc.constantFrom(
          { payload: '{"a":', contentType: 'application/json' },
          { payload: '{"__proto__":{"admin":true}}', contentType: 'application/json' },
          { payload: 'not json', contentType: 'text/plain' },
          { payload: 'x', contentType: 'multipart/form-data' },
          { payload: '--b\r\n\r\n', contentType: 'multipart/form-data; boundary=b' },
          { payload: Buffer.from([0xff, 0xd8, 0xff, 0x00]), contentType: 'image/jpeg' },
        ),
      )
    : fc.constant(null);
  return fc.tuple(path, query, body).map(([{ url, routedElsewhere }, search, payload]) => ({
    method: operation.method,
    url: search ? `${url}?${search}` : url,
    routedElsewhere,
    ...(payload ? { payload: payload.payload, contentType: payload.contentType } : {}),
  }));
}
