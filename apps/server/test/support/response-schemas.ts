import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

/**
 * Checks an answer against what the OpenAPI document says the operation answers (issue 18, item 1):
 * the status must be documented (exactly, or by its range such as `4XX`), and a JSON body must fit
 * the schema documented for it. Schemas are compiled once per operation and status.
 */
type Content = Record<string, { schema?: object }>;
type Responses = Record<string, { content?: Content }>;
type Document = {
  paths: Record<string, Record<string, { operationId?: string; responses?: Responses }>>;
  components?: object;
};

const DOCUMENT_ID = 'https://m-paspor.example/openapi.json';

export function responseChecker(document: unknown) {
  const doc = document as Document;
  const ajv = new Ajv2020({ strict: false, allErrors: false, validateFormats: true });
  addFormats.default(ajv);
  ajv.addSchema({ $id: DOCUMENT_ID, components: doc.components ?? {} });
  const responses = new Map<string, Responses>();
  for (const methods of Object.values(doc.paths)) {
    for (const operation of Object.values(methods)) {
      if (operation.operationId) responses.set(operation.operationId, operation.responses ?? {});
    }
  }
  const compiled = new Map<string, ReturnType<typeof ajv.compile>>();
  const validatorFor = (key: string, schema: object) => {
    let validate = compiled.get(key);
    if (!validate) {
      validate = ajv.compile(rebased(schema));
      compiled.set(key, validate);
    }
    return validate;
  };

  /** Null when the answer fits the contract; otherwise what does not. */
  return (operationId: string, status: number, contentType: string, body: string): string | null => {
    const documented = responses.get(operationId);
    if (!documented) return `${operationId} is not in the document`;
    const key = [String(status), `${String(status)[0]}XX`, 'default'].find((k) => documented[k]);
    if (!key) return `${status} is not documented`;
    const content = documented[key]!.content;
    const mediaType = contentType.split(';')[0]!.trim();
    if (!content || !mediaType.endsWith('json') || body.length === 0) return null;
    const schema = content[mediaType]?.schema;
    if (!schema) return `${status} ${mediaType} is not documented`;
    const validate = validatorFor(`${operationId} ${key} ${mediaType}`, schema);
    if (validate(JSON.parse(body))) return null;
    const [first] = validate.errors ?? [];
    return `${status} body does not fit: ${first?.instancePath || '/'} ${first?.message ?? ''}`;
  };
}

/** Local `#/components/...` references point into the document added under DOCUMENT_ID. */
function rebased(schema: unknown): object {
  return JSON.parse(
    JSON.stringify(schema).replaceAll('"$ref":"#/components/', `"$ref":"${DOCUMENT_ID}#/components/`),
  ) as object;
}
