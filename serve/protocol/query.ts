/**
 * AWS's query protocol (IAM, STS) as a server sees it: a POST to `/` with a form-encoded body
 * (`Content-Type: application/x-www-form-urlencoded`; a GET with the same query string is taken
 * too) naming the operation in `Action=...` with the API's `Version=...` and the input flattened
 * (`Tags.member.1.Key=...`, `PolicyArns.member.1=...`, a map's `X.entry.1.key`). The answer is XML:
 * `<OpResponse xmlns="..."><OpResult>...</OpResult><ResponseMetadata><RequestId>...` (lists as
 * `<member>` elements, timestamps ISO 8601); an error is `<ErrorResponse><Error><Type>Sender</Type>
 * <Code>...</Code><Message>...</Message></Error><RequestId>...</RequestId></ErrorResponse>` with
 * the HTTP status the API model gives the error.
 * https://docs.aws.amazon.com/IAM/latest/APIReference/iam-api.pdf ("Making Query Requests"),
 * https://smithy.io/2.0/aws/protocols/aws-query-protocol.html
 *
 * Which service a request is for: the SigV4 credential scope names it (`.../us-east-1/iam/aws4_request`),
 * else the Action does (the first service that has it). Signatures are not checked: any
 * credentials are taken.
 */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ApiModel } from '../../apimodel/shape.js';
import { setOwn } from '../../syntax/json.js';
import { AwsError } from './json.js';
import type { ServedService } from './service.js';

/** One operation: the request's input (deserialized by the model) to the result's members, if any. */
export type QueryOperation = (
  input: Record<string, unknown>,
) => Record<string, unknown> | undefined | Promise<Record<string, unknown> | undefined>;

/** A service of the query protocol: its signing name, API model and operations. */
export interface QueryService {
  /** The service's name in a SigV4 credential scope (`iam`, `sts`). */
  readonly name: string;
  /** The request and result shapes, and the errors' statuses; `xmlNamespace` names the answers' namespace. */
  readonly model: ApiModel & { readonly xmlNamespace: string };
  /** The API version (`2010-05-08`), said in the answer to an unknown Action. */
  readonly version: string;
  readonly operations: Readonly<Record<string, QueryOperation>>;
}

const FORM = 'application/x-www-form-urlencoded';

/** A request's query string; none where its target is not a URL (`//[`): never an exception. */
export function queryString(req: IncomingMessage): URLSearchParams {
  try {
    return new URL(req.url ?? '/', 'http://localhost').searchParams;
  } catch {
    return new URLSearchParams();
  }
}

/** The form parameters of a request: its body (POST) or its query string (GET). */
export function formParameters(req: IncomingMessage, body: Buffer): URLSearchParams {
  if (req.method === 'GET') return queryString(req);
  return new URLSearchParams(body.toString('utf8'));
}

/** The service a SigV4 request is signed for (its credential scope's fourth part), if any. */
export function signingService(req: IncomingMessage): string | undefined {
  const auth = req.headers.authorization;
  const credential =
    (typeof auth === 'string' ? /Credential=([^,\s]+)/.exec(auth)?.[1] : undefined) ??
    queryString(req).get('X-Amz-Credential') ??
    undefined;
  return credential?.split('/')[3];
}

/** The value of a scalar member as the model types it (a text the type does not read stays text). */
function scalar(type: string, text: string): unknown {
  switch (type) {
    case 'integer':
    case 'long':
      return /^-?\d+$/.test(text) ? Number(text) : text;
    case 'float':
    case 'double':
      return text.trim() !== '' && Number.isFinite(Number(text)) ? Number(text) : text;
    case 'boolean':
      return text === 'true' ? true : text === 'false' ? false : text;
    default:
      return text;
  }
}

/**
 * The form's parameters by name (the first value of each), read in constant time: a lookup per
 * member of every list item must not scan the whole form (a list of thousands of items would
 * take minutes).
 */
type Params = ReadonlyMap<string, string>;

/** The 1-based indices under `prefix` (`Tags.member.`): the `N` of every `prefix` + `N` + ... key. */
function indices(params: Params, prefix: string): number[] {
  const found = new Set<number>();
  for (const key of params.keys()) {
    if (!key.startsWith(prefix)) continue;
    const n = /^(\d+)(\.|$)/.exec(key.slice(prefix.length))?.[1];
    if (n !== undefined) found.add(Number(n));
  }
  return [...found].sort((a, b) => a - b);
}

/** The member at `key` of the shape, read from the flattened parameters; undefined where absent. */
function readMember(model: ApiModel, shapeName: string, params: Params, key: string): unknown {
  const shape = model.shapes[shapeName];
  if (!shape) return undefined;
  switch (shape.type) {
    case 'structure': {
      const out: Record<string, unknown> = {};
      for (const [member, memberShape] of Object.entries(shape.members ?? {})) {
        const v = readMember(model, memberShape, params, key === '' ? member : `${key}.${member}`);
        if (v !== undefined) out[member] = v;
      }
      return key === '' || Object.keys(out).length > 0 ? out : undefined;
    }
    case 'list': {
      const at = indices(params, `${key}.member.`);
      // An empty list is sent as the bare name with no value.
      if (at.length === 0) return params.has(key) ? [] : undefined;
      return at.map((n) => readMember(model, shape.member!, params, `${key}.member.${n}`));
    }
    case 'map': {
      const at = indices(params, `${key}.entry.`);
      if (at.length === 0) return params.has(key) ? {} : undefined;
      const out: Record<string, unknown> = {};
      for (const n of at) {
        const k = params.get(`${key}.entry.${n}.key`);
        if (k !== undefined)
          setOwn(out, k, readMember(model, shape.value!, params, `${key}.entry.${n}.value`));
      }
      return out;
    }
    default: {
      const text = params.get(key);
      return text === undefined ? undefined : scalar(shape.type, text);
    }
  }
}

/** An operation's input, read from the flattened form parameters by its input shape. */
export function readInput(
  model: ApiModel,
  operation: string,
  form: URLSearchParams,
): Record<string, unknown> {
  const params = new Map<string, string>();
  for (const [key, value] of form) if (!params.has(key)) params.set(key, value);
  const input = model.operations[operation]?.input;
  return input === undefined ? {} : (readMember(model, input, params, '') as Record<string, unknown>);
}

/**
 * Text escaped for XML content: `& < > " '` as entities, a carriage return as a reference (a parser
 * would turn it into a line feed), and the characters XML 1.0 cannot carry at all (other control
 * characters, unpaired surrogates) as U+FFFD.
 */
export function escapeXml(text: string): string {
  return text
    .replace(
      /[&<>"'\r]/g,
      (c) => `&${{ '&': 'amp', '<': 'lt', '>': 'gt', '"': 'quot', "'": 'apos', '\r': '#xD' }[c]};`,
    )
    .replace(
      // eslint-disable-next-line no-control-regex
      /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g,
      '\uFFFD',
    );
}

/** A timestamp as the query protocol writes it: ISO 8601 in UTC, to the second. */
const isoSeconds = (value: unknown): string => {
  const date = value instanceof Date ? value : new Date(typeof value === 'number' ? value : String(value));
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
};

/** A value as XML under the element `name`, by its shape (members in the model's order). */
export function toXml(model: ApiModel, shapeName: string, value: unknown, name: string): string {
  const shape = model.shapes[shapeName];
  if (value === undefined || value === null || !shape) return '';
  switch (shape.type) {
    case 'structure': {
      const record = value as Record<string, unknown>;
      const inner = Object.entries(shape.members ?? {})
        .map(([member, memberShape]) => toXml(model, memberShape, record[member], member))
        .join('');
      return `<${name}>${inner}</${name}>`;
    }
    case 'list':
      return `<${name}>${(value as readonly unknown[]).map((item) => toXml(model, shape.member!, item, 'member')).join('')}</${name}>`;
    case 'map':
      return `<${name}>${Object.entries(value as Record<string, unknown>)
        .map(([k, v]) => `<entry><key>${escapeXml(k)}</key>${toXml(model, shape.value!, v, 'value')}</entry>`)
        .join('')}</${name}>`;
    case 'timestamp':
      return `<${name}>${isoSeconds(value)}</${name}>`;
    default:
      return `<${name}>${escapeXml(String(value))}</${name}>`;
  }
}

const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>\n';

/** Sends an XML answer with a request id. */
function sendXml(res: ServerResponse, status: number, xml: string, requestId: string): void {
  const text = XML_DECLARATION + xml;
  res.writeHead(status, {
    'Content-Type': 'text/xml',
    'Content-Length': Buffer.byteLength(text),
    'x-amzn-RequestId': requestId,
  });
  res.end(text);
}

/** The XML of a successful answer: the result (if the operation has one) and the request id. */
export function resultXml(
  service: QueryService,
  operation: string,
  result: Record<string, unknown> | undefined,
  requestId: string,
): string {
  const output = service.model.operations[operation]?.output;
  const body =
    output !== undefined && result !== undefined
      ? toXml(service.model, output, result, `${operation}Result`)
      : '';
  return `<${operation}Response xmlns="${escapeXml(service.model.xmlNamespace)}">${body}<ResponseMetadata><RequestId>${requestId}</RequestId></ResponseMetadata></${operation}Response>`;
}

/** The XML of an error: its fault (`Sender` below 500, else `Receiver`), code and message. */
export function errorXml(namespace: string, error: AwsError, requestId: string): string {
  const fault = error.status < 500 ? 'Sender' : 'Receiver';
  return `<ErrorResponse xmlns="${escapeXml(namespace)}"><Error><Type>${fault}</Type><Code>${escapeXml(error.code)}</Code><Message>${escapeXml(error.message)}</Message></Error><RequestId>${requestId}</RequestId></ErrorResponse>`;
}

/** Whether a request speaks the query protocol: a form-encoded POST, or a GET naming an Action. */
function isQueryRequest(req: IncomingMessage): boolean {
  if (req.method === 'POST') return (req.headers['content-type'] ?? '').toLowerCase().startsWith(FORM);
  if (req.method === 'GET') return queryString(req).has('Action');
  return false;
}

/**
 * The query protocol's services as the server serves them: a request is the one its signature's
 * scope names, else the first that has its Action. Each answers its operations' results in XML and
 * every error in its namespace, with the status the error carries (the model's, for the service's
 * own errors): an Action no service has is `InvalidAction`, none at all `MissingAction`, both
 * HTTP 400 (https://docs.aws.amazon.com/IAM/latest/APIReference/CommonErrors.html).
 */
export function servedQuery(services: readonly QueryService[]): ServedService {
  return {
    name: services.map((s) => s.name).join(', '),
    accepts: isQueryRequest,
    async answer(req, body, res) {
      const requestId = randomUUID();
      const params = formParameters(req, body);
      const action = params.get('Action');
      const signedFor = signingService(req);
      const service =
        services.find((s) => s.name === signedFor) ??
        services.find((s) => action !== null && Object.hasOwn(s.operations, action)) ??
        services[0]!;
      try {
        if (action === null || action === '') throw new AwsError('MissingAction', 'Missing Action');
        const op = Object.hasOwn(service.operations, action) ? service.operations[action] : undefined;
        if (!op)
          throw new AwsError(
            'InvalidAction',
            `Could not find operation ${action} for version ${service.version}`,
          );
        const result = await op(readInput(service.model, action, params));
        sendXml(res, 200, resultXml(service, action, result, requestId), requestId);
      } catch (e) {
        answerXmlError(res, e, service.model.xmlNamespace, requestId);
      }
    },
    // Before the body is read, the service is not known: the first one's namespace.
    answerError: (res, e) => answerXmlError(res, e, services[0]!.model.xmlNamespace, randomUUID()),
  };
}

/** An error in XML: an AwsError as it is, anything else a 500 InternalFailure. */
function answerXmlError(res: ServerResponse, e: unknown, namespace: string, requestId: string): void {
  if (res.headersSent) return;
  const error =
    e instanceof AwsError
      ? e
      : new AwsError('InternalFailure', `The server failed: ${(e as Error).message}`, 500);
  if (error.status === 413) res.setHeader('Connection', 'close');
  sendXml(res, error.status, errorXml(namespace, error, requestId), requestId);
}
