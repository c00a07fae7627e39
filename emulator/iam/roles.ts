/**
 * The account's IAM roles, as the emulator keeps them: each role's path, ARN, id, trust policy,
 * description, tags and permissions boundary, its inline policies and the customer managed
 * policies attached to it (their default version only). The operations are IAM's, with IAM's
 * refusals (NoSuchEntity, EntityAlreadyExists, MalformedPolicyDocument, DeleteConflict,
 * LimitExceeded, InvalidInput); `RoleDirectory` is what Step Functions asks of them: whether a role
 * trusts it, and the role's policies.
 * https://docs.aws.amazon.com/IAM/latest/APIReference/API_Operations.html
 */
import { createHash } from 'node:crypto';
import type { ContextInput } from '../../iam/context.js';
import { parsePolicy, type PolicyDocument, type PolicyProblem } from '../../iam/policy.js';
import { parseTrustPolicy, trustsService, type TrustPolicy } from '../../iam/trustPolicy.js';

/** A refusal of the emulated IAM: the code IAM answers (its API model gives each its HTTP status). */
export class IamError extends Error {
  override readonly name = 'IamError';
  constructor(
    /** `NoSuchEntity`, `EntityAlreadyExists`, `MalformedPolicyDocument`, ... */
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** What Step Functions asks of the account's roles when it is given one. */
export interface RoleDirectory {
  /** The role's identity policies (inline, then attached), or undefined where no role has that ARN. */
  policiesOf(roleArn: string): readonly PolicyDocument[] | undefined;
  /**
   * Whether the role exists and its trust policy lets one of the service principals (a service's
   * global and regional names) assume it, for the request context (`aws:SourceAccount`, ...).
   */
  assumableBy(roleArn: string, servicePrincipals: readonly string[], context: ContextInput): boolean;
}

/** A tag of a role or a policy. */
export interface Tag {
  readonly Key: string;
  readonly Value: string;
}

/** A role as GetRole answers it (ListRoles leaves out the boundary and the tags). */
export interface RoleView {
  readonly Path: string;
  readonly RoleName: string;
  readonly RoleId: string;
  readonly Arn: string;
  readonly CreateDate: Date;
  /** The trust policy as it was sent (the wire form URL-encodes it). */
  readonly AssumeRolePolicyDocument: string;
  readonly Description?: string;
  readonly MaxSessionDuration: number;
  readonly PermissionsBoundary?: {
    readonly PermissionsBoundaryType: 'PermissionsBoundaryPolicy';
    readonly PermissionsBoundaryArn: string;
  };
  readonly Tags?: readonly Tag[];
}

/** A customer managed policy as GetPolicy answers it. */
export interface PolicyView {
  readonly PolicyName: string;
  readonly PolicyId: string;
  readonly Arn: string;
  readonly Path: string;
  readonly DefaultVersionId: 'v1';
  readonly AttachmentCount: number;
  readonly PermissionsBoundaryUsageCount: number;
  readonly IsAttachable: true;
  readonly Description?: string;
  readonly CreateDate: Date;
  readonly UpdateDate: Date;
  readonly Tags?: readonly Tag[];
}

/** One page of a listing, IAM's way: `IsTruncated`, and the `Marker` that continues it. */
export interface Page<T> {
  readonly items: readonly T[];
  readonly IsTruncated: boolean;
  readonly Marker?: string;
}

/** How a listing is paged: where it goes on, and how many items at most (default 100). */
export interface Paging {
  readonly Marker?: string;
  readonly MaxItems?: number;
}

/**
 * IAM's quotas the emulator applies (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_iam-quotas.html):
 * the inline policies of a role together, a managed policy, a trust policy (characters, white space
 * not counted), managed policies attached to a role, tags of a role or a policy.
 */
export const IAM_QUOTAS = {
  rolePolicyChars: 10_240,
  managedPolicyChars: 6_144,
  trustPolicyChars: 2_048,
  attachedPoliciesPerRole: 10,
  tags: 50,
} as const;

interface StoredPolicy {
  readonly name: string;
  readonly path: string;
  readonly id: string;
  readonly arn: string;
  readonly created: number;
  readonly document: string;
  readonly parsed: PolicyDocument;
  readonly description?: string;
  readonly tags: Map<string, Tag>;
}

interface StoredRole {
  readonly name: string;
  readonly path: string;
  readonly id: string;
  readonly arn: string;
  readonly created: number;
  readonly trustText: string;
  readonly trust: TrustPolicy;
  readonly description?: string;
  readonly maxSessionDuration: number;
  readonly boundary?: string;
  /** By lower-cased key: IAM's tag keys are unique whatever their case (inferred). */
  readonly tags: Map<string, Tag>;
  /** Inline policies by name: the document as sent, and as JSON. */
  readonly inline: Map<
    string,
    { readonly name: string; readonly document: string; readonly parsed: PolicyDocument }
  >;
  readonly attached: Set<string>;
}

/** The default page size of IAM's listings (MaxItems absent). */
const DEFAULT_MAX_ITEMS = 100;

/** Characters of a policy as IAM counts them against its quotas: white space is not counted. */
const policyChars = (document: string): number => document.replace(/\s/g, '').length;

/** One page of `items` (sorted by `key`) from the marker on; the marker is the next item's key. */
function pageOf<T>(items: readonly T[], key: (item: T) => string, paging: Paging): Page<T> {
  let start = 0;
  if (paging.Marker !== undefined) {
    const from = Buffer.from(paging.Marker, 'base64url').toString('utf8');
    if (Buffer.from(from, 'utf8').toString('base64url') !== paging.Marker)
      // IAM's answer to a marker it did not give is not known (inferred).
      throw new IamError('InvalidInput', `Invalid Marker: ${paging.Marker}`);
    start = items.findIndex((item) => key(item) >= from);
    if (start < 0) start = items.length;
  }
  const end = start + (paging.MaxItems ?? DEFAULT_MAX_ITEMS);
  if (end >= items.length) return { items: items.slice(start), IsTruncated: false };
  return {
    items: items.slice(start, end),
    IsTruncated: true,
    Marker: Buffer.from(key(items[end]!), 'utf8').toString('base64url'),
  };
}

const byKey =
  <T>(key: (item: T) => string) =>
  (a: T, b: T) =>
    key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0;

/** The problem of a policy document, in one line. */
const problemText = (p: PolicyProblem): string => (p.path ? `${p.path}: ${p.message}` : p.message);

/** A policy document's JSON, or IAM's MalformedPolicyDocument. */
function json(document: string): unknown {
  try {
    return JSON.parse(document);
  } catch {
    // Observed wording (e.g. awsdocs/amazon-rds-user-guide#162: CreateRole with an unquoted value).
    throw new IamError('MalformedPolicyDocument', 'This policy contains invalid Json');
  }
}

/** An identity-based policy document, checked by the project's policy parser (MalformedPolicyDocument). */
function identityPolicy(document: string): PolicyDocument {
  const raw = json(document);
  const parsed = parsePolicy(raw);
  if (!parsed.ok) {
    // Observed wording for a Principal (hashicorp/terraform#13449); the others' are inferred.
    if (parsed.problems.some((p) => /\/(Not)?Principal$/.test(p.path)))
      throw new IamError('MalformedPolicyDocument', 'Policy document should not specify a principal.');
    throw new IamError(
      'MalformedPolicyDocument',
      `Syntax errors in policy. ${parsed.problems.map(problemText).join('; ')}`,
    );
  }
  return raw as PolicyDocument;
}

/** A trust policy document, checked (MalformedPolicyDocument). */
function trustPolicy(document: string): TrustPolicy {
  const parsed = parseTrustPolicy(json(document));
  if (!parsed.ok) {
    const prohibited = parsed.problems.find((p) => p.message.startsWith('Has prohibited field'));
    throw new IamError(
      'MalformedPolicyDocument',
      prohibited
        ? prohibited.message
        : `Syntax errors in policy. ${parsed.problems.map(problemText).join('; ')}`,
    );
  }
  return parsed.trust;
}

/** A role as a snapshot keeps it: plain JSON, its documents as they were sent. */
export interface RoleSnapshot {
  readonly name: string;
  readonly path: string;
  readonly id: string;
  readonly arn: string;
  readonly created: number;
  readonly trust: string;
  readonly description?: string;
  readonly maxSessionDuration: number;
  readonly boundary?: string;
  readonly tags: readonly Tag[];
  readonly inline: readonly { readonly name: string; readonly document: string }[];
  readonly attached: readonly string[];
}

/** A customer managed policy as a snapshot keeps it. */
export interface PolicySnapshot {
  readonly name: string;
  readonly path: string;
  readonly id: string;
  readonly arn: string;
  readonly created: number;
  readonly document: string;
  readonly description?: string;
  readonly tags: readonly Tag[];
}

/** The account's IAM as plain JSON (`EmulatedIam.snapshot`, `restore`). */
export interface IamSnapshot {
  readonly roles: readonly RoleSnapshot[];
  readonly policies: readonly PolicySnapshot[];
  /** The counter the unique ids are drawn from. */
  readonly counter: number;
}

/** The account's roles and customer managed policies. */
export class EmulatedIam implements RoleDirectory {
  readonly account: string;
  readonly partition: string;
  private readonly now: () => number;
  private readonly roles = new Map<string, StoredRole>();
  private readonly policies = new Map<string, StoredPolicy>();
  private counter = 0;

  constructor(options: { account?: string; partition?: string; now?: () => number } = {}) {
    this.account = options.account ?? '123456789012';
    this.partition = options.partition ?? 'aws';
    this.now = options.now ?? Date.now;
  }

  /** The roles and managed policies as plain JSON, for `restore`. */
  snapshot(): IamSnapshot {
    const tags = (map: Map<string, Tag>): Tag[] => [...map.values()].map((t) => ({ ...t }));
    return {
      roles: [...this.roles.values()].map((r) => ({
        name: r.name,
        path: r.path,
        id: r.id,
        arn: r.arn,
        created: r.created,
        trust: r.trustText,
        ...(r.description !== undefined ? { description: r.description } : {}),
        maxSessionDuration: r.maxSessionDuration,
        ...(r.boundary !== undefined ? { boundary: r.boundary } : {}),
        tags: tags(r.tags),
        inline: [...r.inline.values()].map(({ name, document }) => ({ name, document })),
        attached: [...r.attached],
      })),
      policies: [...this.policies.values()].map((p) => ({
        name: p.name,
        path: p.path,
        id: p.id,
        arn: p.arn,
        created: p.created,
        document: p.document,
        ...(p.description !== undefined ? { description: p.description } : {}),
        tags: tags(p.tags),
      })),
      counter: this.counter,
    };
  }

  /**
   * Replaces the account's roles and policies with a snapshot's; its documents are checked again
   * (an IamError for one that is not a policy).
   */
  restore(snapshot: IamSnapshot): void {
    const tags = (list: readonly Tag[]) =>
      new Map(list.map((t) => [t.Key.toLowerCase(), { Key: t.Key, Value: t.Value }]));
    this.roles.clear();
    this.policies.clear();
    for (const p of snapshot.policies)
      this.policies.set(p.arn, {
        name: p.name,
        path: p.path,
        id: p.id,
        arn: p.arn,
        created: p.created,
        document: p.document,
        parsed: identityPolicy(p.document),
        ...(p.description !== undefined ? { description: p.description } : {}),
        tags: tags(p.tags),
      });
    for (const r of snapshot.roles)
      this.roles.set(r.name.toLowerCase(), {
        name: r.name,
        path: r.path,
        id: r.id,
        arn: r.arn,
        created: r.created,
        trustText: r.trust,
        trust: trustPolicy(r.trust),
        ...(r.description !== undefined ? { description: r.description } : {}),
        maxSessionDuration: r.maxSessionDuration,
        ...(r.boundary !== undefined ? { boundary: r.boundary } : {}),
        tags: tags(r.tags),
        inline: new Map(
          r.inline.map((i) => [
            i.name,
            { name: i.name, document: i.document, parsed: identityPolicy(i.document) },
          ]),
        ),
        attached: new Set(r.attached),
      });
    this.counter = snapshot.counter;
  }

  /**
   * A unique id of IAM's form: a prefix naming the kind (AROA a role, ANPA a managed policy) and 17
   * upper-case letters and digits (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_identifiers.html#identifiers-unique-ids).
   */
  private uniqueId(prefix: string, arn: string): string {
    const digest = createHash('sha256').update(`${arn}\u0000${++this.counter}`).digest();
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
    return prefix + [...digest.subarray(0, 17)].map((b) => alphabet[b % 32]).join('');
  }

  private role(name: string): StoredRole {
    const role = this.roles.get(name.toLowerCase());
    if (!role) throw new IamError('NoSuchEntity', `The role with name ${name} cannot be found.`);
    return role;
  }

  private policy(arn: string): StoredPolicy {
    if (!/^arn:[\w-]+:iam::(\d{12}|aws):policy\/.+$/.test(arn))
      throw new IamError('InvalidInput', `ARN ${arn} is not valid.`);
    const policy = this.policies.get(arn);
    if (!policy) throw new IamError('NoSuchEntity', `Policy ${arn} was not found.`);
    return policy;
  }

  private view(role: StoredRole, full: boolean): RoleView {
    return {
      Path: role.path,
      RoleName: role.name,
      RoleId: role.id,
      Arn: role.arn,
      CreateDate: new Date(role.created),
      AssumeRolePolicyDocument: role.trustText,
      ...(role.description !== undefined ? { Description: role.description } : {}),
      MaxSessionDuration: role.maxSessionDuration,
      ...(full && role.boundary
        ? {
            PermissionsBoundary: {
              PermissionsBoundaryType: 'PermissionsBoundaryPolicy' as const,
              PermissionsBoundaryArn: role.boundary,
            },
          }
        : {}),
      ...(full && role.tags.size > 0 ? { Tags: this.sortedTags(role.tags) } : {}),
    };
  }

  private sortedTags(tags: Map<string, Tag>): Tag[] {
    return [...tags.values()].sort(byKey((t) => t.Key));
  }

  /** Adds or replaces tags (keys unique whatever their case), within the quota. */
  private addTags(tags: Map<string, Tag>, added: readonly Tag[], quota: number): void {
    const seen = new Set<string>();
    for (const tag of added) {
      const key = tag.Key.toLowerCase();
      // Observed wording (public reports of TagRole with two keys differing in case).
      if (seen.has(key))
        throw new IamError(
          'InvalidInput',
          'Duplicate tag keys found. Please note that Tag keys are case insensitive.',
        );
      seen.add(key);
    }
    const after = new Set([...tags.keys(), ...seen]);
    if (after.size > quota)
      throw new IamError('LimitExceeded', `The number of tags has reached the maximum limit of ${quota}.`);
    for (const tag of added) tags.set(tag.Key.toLowerCase(), { Key: tag.Key, Value: tag.Value });
  }

  /** CreateRole: a new role (names unique whatever their case), its trust policy checked. */
  createRole(input: {
    RoleName: string;
    AssumeRolePolicyDocument: string;
    Path?: string;
    Description?: string;
    MaxSessionDuration?: number;
    PermissionsBoundary?: string;
    Tags?: readonly Tag[];
  }): RoleView {
    const name = input.RoleName;
    if (this.roles.has(name.toLowerCase()))
      throw new IamError('EntityAlreadyExists', `Role with name ${name} already exists.`);
    const trust = trustPolicy(input.AssumeRolePolicyDocument);
    if (policyChars(input.AssumeRolePolicyDocument) > IAM_QUOTAS.trustPolicyChars)
      throw new IamError(
        'LimitExceeded',
        `Cannot exceed quota for ACLSizePerRole: ${IAM_QUOTAS.trustPolicyChars}`,
      );
    if (input.PermissionsBoundary !== undefined) this.checkBoundary(input.PermissionsBoundary);
    const path = input.Path ?? '/';
    const arn = `arn:${this.partition}:iam::${this.account}:role${path}${name}`;
    const tags = new Map<string, Tag>();
    this.addTags(tags, input.Tags ?? [], IAM_QUOTAS.tags);
    const role: StoredRole = {
      name,
      path,
      id: this.uniqueId('AROA', arn),
      arn,
      created: this.now(),
      trustText: input.AssumeRolePolicyDocument,
      trust,
      ...(input.Description !== undefined ? { description: input.Description } : {}),
      maxSessionDuration: input.MaxSessionDuration ?? 3600,
      ...(input.PermissionsBoundary !== undefined ? { boundary: input.PermissionsBoundary } : {}),
      tags,
      inline: new Map(),
      attached: new Set(),
    };
    this.roles.set(name.toLowerCase(), role);
    return this.view(role, true);
  }

  /**
   * A permissions boundary must be a customer managed policy of the account, or an AWS managed
   * policy (`arn:aws:iam::aws:policy/...`, whose documents the emulator does not have: taken as named).
   */
  private checkBoundary(arn: string): void {
    if (/^arn:[\w-]+:iam::aws:policy\/.+$/.test(arn)) return;
    if (!/^arn:[\w-]+:iam::\d{12}:policy\/.+$/.test(arn))
      throw new IamError('InvalidInput', `ARN ${arn} is not valid.`);
    if (!this.policies.has(arn))
      throw new IamError('NoSuchEntity', `Scope ARN: ${arn} does not exist or is not attachable.`);
  }

  /** GetRole: the role with its boundary and tags. */
  getRole(name: string): RoleView {
    return this.view(this.role(name), true);
  }

  /**
   * DeleteRole: refused while the role has inline or attached policies (DeleteConflict, the
   * wording IAM gives: observed in public reports).
   */
  deleteRole(name: string): void {
    const role = this.role(name);
    if (role.inline.size > 0)
      throw new IamError('DeleteConflict', 'Cannot delete entity, must delete policies first.');
    if (role.attached.size > 0)
      throw new IamError('DeleteConflict', 'Cannot delete entity, must detach all policies first.');
    this.roles.delete(name.toLowerCase());
  }

  /**
   * ListRoles: the roles whose path starts with the prefix, by name; without their boundary and
   * tags, as IAM lists them (https://docs.aws.amazon.com/IAM/latest/APIReference/API_ListRoles.html).
   */
  listRoles(input: Paging & { PathPrefix?: string } = {}): Page<RoleView> {
    const prefix = input.PathPrefix ?? '/';
    const roles = [...this.roles.values()]
      .filter((r) => r.path.startsWith(prefix))
      .sort(byKey((r) => r.name.toLowerCase()));
    const page = pageOf(roles, (r) => r.name.toLowerCase(), input);
    return { ...page, items: page.items.map((r) => this.view(r, false)) };
  }

  /** TagRole: adds or replaces tags. */
  tagRole(name: string, tags: readonly Tag[]): void {
    this.addTags(this.role(name).tags, tags, IAM_QUOTAS.tags);
  }

  /** UntagRole: removes the tags of those keys (keys it does not have are no error). */
  untagRole(name: string, keys: readonly string[]): void {
    const role = this.role(name);
    for (const key of keys) role.tags.delete(key.toLowerCase());
  }

  /** ListRoleTags: the role's tags, by key. */
  listRoleTags(name: string, paging: Paging = {}): Page<Tag> {
    return pageOf(this.sortedTags(this.role(name).tags), (t) => t.Key, paging);
  }

  /**
   * PutRolePolicy: adds or replaces an inline policy, checked, within the role's quota of inline
   * policy characters (the wording of its refusal is observed in public reports).
   */
  putRolePolicy(name: string, policyName: string, document: string): void {
    const role = this.role(name);
    const parsed = identityPolicy(document);
    const others = [...role.inline.values()].filter((p) => p.name !== policyName);
    const total = others.reduce((n, p) => n + policyChars(p.document), policyChars(document));
    if (total > IAM_QUOTAS.rolePolicyChars)
      throw new IamError(
        'LimitExceeded',
        `Maximum policy size of ${IAM_QUOTAS.rolePolicyChars} bytes exceeded for role ${role.name}`,
      );
    role.inline.set(policyName, { name: policyName, document, parsed });
  }

  private inline(name: string, policyName: string) {
    const policy = this.role(name).inline.get(policyName);
    if (!policy)
      throw new IamError('NoSuchEntity', `The role policy with name ${policyName} cannot be found.`);
    return policy;
  }

  /** GetRolePolicy: an inline policy's document as it was sent (the wire form URL-encodes it). */
  getRolePolicy(
    name: string,
    policyName: string,
  ): { RoleName: string; PolicyName: string; PolicyDocument: string } {
    const policy = this.inline(name, policyName);
    return { RoleName: this.role(name).name, PolicyName: policy.name, PolicyDocument: policy.document };
  }

  /** DeleteRolePolicy: removes an inline policy. */
  deleteRolePolicy(name: string, policyName: string): void {
    this.inline(name, policyName);
    this.role(name).inline.delete(policyName);
  }

  /** ListRolePolicies: the names of the role's inline policies, sorted. */
  listRolePolicies(name: string, paging: Paging = {}): Page<string> {
    const names = [...this.role(name).inline.keys()].sort();
    return pageOf(names, (n) => n, paging);
  }

  private policyView(policy: StoredPolicy): PolicyView {
    let attachments = 0;
    let boundaries = 0;
    for (const role of this.roles.values()) {
      if (role.attached.has(policy.arn)) attachments++;
      if (role.boundary === policy.arn) boundaries++;
    }
    return {
      PolicyName: policy.name,
      PolicyId: policy.id,
      Arn: policy.arn,
      Path: policy.path,
      DefaultVersionId: 'v1',
      AttachmentCount: attachments,
      PermissionsBoundaryUsageCount: boundaries,
      IsAttachable: true,
      ...(policy.description !== undefined ? { Description: policy.description } : {}),
      CreateDate: new Date(policy.created),
      UpdateDate: new Date(policy.created),
      ...(policy.tags.size > 0 ? { Tags: this.sortedTags(policy.tags) } : {}),
    };
  }

  /** CreatePolicy: a customer managed policy (one version, the default), checked, within its quota. */
  createPolicy(input: {
    PolicyName: string;
    PolicyDocument: string;
    Path?: string;
    Description?: string;
    Tags?: readonly Tag[];
  }): PolicyView {
    const path = input.Path ?? '/';
    const arn = `arn:${this.partition}:iam::${this.account}:policy${path}${input.PolicyName}`;
    const lower = input.PolicyName.toLowerCase();
    if ([...this.policies.values()].some((p) => p.name.toLowerCase() === lower))
      throw new IamError(
        'EntityAlreadyExists',
        `A policy called ${input.PolicyName} already exists. Duplicate names are not allowed.`,
      );
    const parsed = identityPolicy(input.PolicyDocument);
    if (policyChars(input.PolicyDocument) > IAM_QUOTAS.managedPolicyChars)
      throw new IamError(
        'LimitExceeded',
        `Cannot exceed quota for PolicySize: ${IAM_QUOTAS.managedPolicyChars}`,
      );
    const tags = new Map<string, Tag>();
    this.addTags(tags, input.Tags ?? [], IAM_QUOTAS.tags);
    const policy: StoredPolicy = {
      name: input.PolicyName,
      path,
      id: this.uniqueId('ANPA', arn),
      arn,
      created: this.now(),
      document: input.PolicyDocument,
      parsed,
      ...(input.Description !== undefined ? { description: input.Description } : {}),
      tags,
    };
    this.policies.set(arn, policy);
    return this.policyView(policy);
  }

  /** GetPolicy: a customer managed policy of the account. */
  getPolicy(arn: string): PolicyView {
    return this.policyView(this.policy(arn));
  }

  /** DeletePolicy: refused while the policy is attached to a role or is one's boundary (DeleteConflict). */
  deletePolicy(arn: string): void {
    const view = this.policyView(this.policy(arn));
    if (view.AttachmentCount > 0 || view.PermissionsBoundaryUsageCount > 0)
      throw new IamError('DeleteConflict', 'Cannot delete a policy attached to entities.');
    this.policies.delete(arn);
  }

  /**
   * AttachRolePolicy: a customer managed policy of the account, within the role's quota. AWS
   * managed policies are refused as not found: the emulator does not have their documents, and
   * could not enforce them.
   */
  attachRolePolicy(name: string, arn: string): void {
    const role = this.role(name);
    if (!/^arn:[\w-]+:iam::(\d{12}|aws):policy\/.+$/.test(arn))
      throw new IamError('InvalidInput', `ARN ${arn} is not valid.`);
    if (!this.policies.has(arn))
      throw new IamError('NoSuchEntity', `Policy ${arn} does not exist or is not attachable.`);
    if (!role.attached.has(arn) && role.attached.size >= IAM_QUOTAS.attachedPoliciesPerRole)
      throw new IamError(
        'LimitExceeded',
        `Cannot exceed quota for PoliciesPerRole: ${IAM_QUOTAS.attachedPoliciesPerRole}`,
      );
    role.attached.add(arn);
  }

  /** DetachRolePolicy: a policy attached to the role. */
  detachRolePolicy(name: string, arn: string): void {
    const role = this.role(name);
    if (!/^arn:[\w-]+:iam::(\d{12}|aws):policy\/.+$/.test(arn))
      throw new IamError('InvalidInput', `ARN ${arn} is not valid.`);
    if (!role.attached.delete(arn)) throw new IamError('NoSuchEntity', `Policy ${arn} was not found.`);
  }

  /** ListAttachedRolePolicies: the role's attached policies (name and ARN), by name, under a path prefix. */
  listAttachedRolePolicies(
    name: string,
    input: Paging & { PathPrefix?: string } = {},
  ): Page<{ PolicyName: string; PolicyArn: string }> {
    const prefix = input.PathPrefix ?? '/';
    const attached = [...this.role(name).attached]
      .map((arn) => this.policies.get(arn)!)
      .filter((p) => p.path.startsWith(prefix))
      .map((p) => ({ PolicyName: p.name, PolicyArn: p.arn }))
      .sort(byKey((p) => p.PolicyName));
    return pageOf(attached, (p) => p.PolicyName, input);
  }

  private byArn(roleArn: string): StoredRole | undefined {
    const name = roleArn.slice(roleArn.lastIndexOf('/') + 1);
    const role = this.roles.get(name.toLowerCase());
    return role?.arn === roleArn ? role : undefined;
  }

  policiesOf(roleArn: string): readonly PolicyDocument[] | undefined {
    const role = this.byArn(roleArn);
    if (!role) return undefined;
    return [
      ...[...role.inline.values()].map((p) => p.parsed),
      ...[...role.attached].map((arn) => this.policies.get(arn)!.parsed),
    ];
  }

  assumableBy(roleArn: string, servicePrincipals: readonly string[], context: ContextInput): boolean {
    const role = this.byArn(roleArn);
    return role !== undefined && trustsService(role.trust, servicePrincipals, roleArn, context);
  }
}
