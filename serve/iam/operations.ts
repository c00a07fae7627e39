/**
 * The IAM operations `serve` answers, each a function of the request's input (read from the form
 * by the IAM API model) to its result's members, on one EmulatedIam. Every request is checked
 * against the model first (requestCheck.ts); the emulated IAM's refusals keep their codes, with the
 * HTTP status the model gives each (NoSuchEntity 404, EntityAlreadyExists 409, ...). Policy
 * documents go out URL-encoded (RFC 3986), as IAM returns them
 * (https://docs.aws.amazon.com/IAM/latest/APIReference/API_GetRolePolicy.html,
 * https://docs.aws.amazon.com/IAM/latest/APIReference/API_GetRole.html; for CreateRole and ListRoles
 * the same is inferred).
 */
import { IAM_MODEL } from '../../apimodel/iamModel.generated.js';
import { type EmulatedIam, IamError, type Page, type RoleView, type Tag } from '../../emulator/iam/roles.js';
import { AwsError } from '../protocol/json.js';
import type { QueryOperation, QueryService } from '../protocol/query.js';
import { checkIamRequest } from './requestCheck.js';

/** IAM's API version, and its answers' XML namespace. */
const VERSION = '2010-05-08';

/** A text URL-encoded as RFC 3986 says (encodeURIComponent leaves `!'()*` as they are). */
export const rfc3986 = (text: string): string =>
  encodeURIComponent(text).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/** The HTTP status of each of IAM's error codes, from the model (a code it lacks: 400). */
const STATUS = new Map(Object.values(IAM_MODEL.errors ?? {}).map((e) => [e.code, e.status]));

/** The emulated IAM's refusal as the service's error; anything else is thrown on. */
function asAwsError(e: unknown): never {
  if (e instanceof IamError) throw new AwsError(e.code, e.message, STATUS.get(e.code) ?? 400);
  throw e;
}

/** A role as the wire carries it: its trust policy URL-encoded. */
const wireRole = (role: RoleView): Record<string, unknown> => ({
  ...role,
  AssumeRolePolicyDocument: rfc3986(role.AssumeRolePolicyDocument),
});

/** A page's paging members. */
const paging = <T>(page: Page<T>) => ({
  IsTruncated: page.IsTruncated,
  ...(page.Marker !== undefined ? { Marker: page.Marker } : {}),
});

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const num = (v: unknown): number | undefined => (typeof v === 'number' ? v : undefined);
/** The paging members of a List request. */
const pagingOf = (input: Record<string, unknown>) => ({
  ...(str(input.Marker) !== undefined ? { Marker: str(input.Marker)! } : {}),
  ...(num(input.MaxItems) !== undefined ? { MaxItems: num(input.MaxItems)! } : {}),
});

/** The IAM operations on one emulated account, by name. */
export function iamOperations(iam: EmulatedIam): Readonly<Record<string, QueryOperation>> {
  const ops: Record<string, (input: Record<string, unknown>) => Record<string, unknown> | void> = {
    CreateRole: (input) => ({
      Role: wireRole(
        iam.createRole({
          RoleName: input.RoleName as string,
          AssumeRolePolicyDocument: input.AssumeRolePolicyDocument as string,
          ...(str(input.Path) !== undefined ? { Path: str(input.Path) } : {}),
          ...(str(input.Description) !== undefined ? { Description: str(input.Description) } : {}),
          ...(num(input.MaxSessionDuration) !== undefined
            ? { MaxSessionDuration: num(input.MaxSessionDuration) }
            : {}),
          ...(str(input.PermissionsBoundary) !== undefined
            ? { PermissionsBoundary: str(input.PermissionsBoundary) }
            : {}),
          ...(Array.isArray(input.Tags) ? { Tags: input.Tags as Tag[] } : {}),
        }),
      ),
    }),
    // RoleLastUsed: present and empty, as for a role never used.
    GetRole: (input) => ({ Role: { ...wireRole(iam.getRole(input.RoleName as string)), RoleLastUsed: {} } }),
    DeleteRole: (input) => iam.deleteRole(input.RoleName as string),
    ListRoles(input) {
      const page = iam.listRoles({
        ...pagingOf(input),
        ...(str(input.PathPrefix) !== undefined ? { PathPrefix: str(input.PathPrefix) } : {}),
      });
      return { Roles: page.items.map(wireRole), ...paging(page) };
    },
    TagRole: (input) => iam.tagRole(input.RoleName as string, input.Tags as Tag[]),
    UntagRole: (input) => iam.untagRole(input.RoleName as string, input.TagKeys as string[]),
    ListRoleTags(input) {
      const page = iam.listRoleTags(input.RoleName as string, pagingOf(input));
      return { Tags: page.items, ...paging(page) };
    },
    PutRolePolicy: (input) =>
      iam.putRolePolicy(input.RoleName as string, input.PolicyName as string, input.PolicyDocument as string),
    GetRolePolicy(input) {
      const policy = iam.getRolePolicy(input.RoleName as string, input.PolicyName as string);
      return { ...policy, PolicyDocument: rfc3986(policy.PolicyDocument) };
    },
    DeleteRolePolicy: (input) => iam.deleteRolePolicy(input.RoleName as string, input.PolicyName as string),
    ListRolePolicies(input) {
      const page = iam.listRolePolicies(input.RoleName as string, pagingOf(input));
      return { PolicyNames: page.items, ...paging(page) };
    },
    CreatePolicy: (input) => ({
      Policy: iam.createPolicy({
        PolicyName: input.PolicyName as string,
        PolicyDocument: input.PolicyDocument as string,
        ...(str(input.Path) !== undefined ? { Path: str(input.Path) } : {}),
        ...(str(input.Description) !== undefined ? { Description: str(input.Description) } : {}),
        ...(Array.isArray(input.Tags) ? { Tags: input.Tags as Tag[] } : {}),
      }),
    }),
    GetPolicy: (input) => ({ Policy: iam.getPolicy(input.PolicyArn as string) }),
    DeletePolicy: (input) => iam.deletePolicy(input.PolicyArn as string),
    AttachRolePolicy: (input) => iam.attachRolePolicy(input.RoleName as string, input.PolicyArn as string),
    DetachRolePolicy: (input) => iam.detachRolePolicy(input.RoleName as string, input.PolicyArn as string),
    ListAttachedRolePolicies(input) {
      const page = iam.listAttachedRolePolicies(input.RoleName as string, {
        ...pagingOf(input),
        ...(str(input.PathPrefix) !== undefined ? { PathPrefix: str(input.PathPrefix) } : {}),
      });
      return { AttachedPolicies: page.items, ...paging(page) };
    },
  };
  return Object.fromEntries(
    Object.entries(ops).map(([name, op]) => [
      name,
      (input: Record<string, unknown>) => {
        checkIamRequest(name, input);
        try {
          return op(input) ?? undefined;
        } catch (e) {
          return asAwsError(e);
        }
      },
    ]),
  );
}

/** IAM as a query-protocol service of the server, on one emulated account. */
export function iamService(iam: EmulatedIam): QueryService {
  return {
    name: 'iam',
    model: {
      ...IAM_MODEL,
      xmlNamespace: IAM_MODEL.xmlNamespace ?? `https://iam.amazonaws.com/doc/${VERSION}/`,
    },
    version: VERSION,
    operations: iamOperations(iam),
  };
}
