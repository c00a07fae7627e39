/**
 * `serve`'s IAM and STS (the query protocol) driven by the AWS SDK for JavaScript (@aws-sdk/client-iam,
 * client-sts) over loopback on a free port: roles with paths and tags, inline and managed policies,
 * paging, and errors parsed by the SDK into the operation's exception classes with the HTTP status
 * the IAM API model gives them; GetCallerIdentity.
 */
import type { IAMClient, IAMServiceException } from '@aws-sdk/client-iam';
import {
  AttachRolePolicyCommand,
  CreatePolicyCommand,
  CreateRoleCommand,
  DeleteConflictException,
  DeletePolicyCommand,
  DeleteRoleCommand,
  DeleteRolePolicyCommand,
  DetachRolePolicyCommand,
  EntityAlreadyExistsException,
  GetPolicyCommand,
  GetRoleCommand,
  GetRolePolicyCommand,
  LimitExceededException,
  ListAttachedRolePoliciesCommand,
  ListRolePoliciesCommand,
  ListRolesCommand,
  ListRoleTagsCommand,
  MalformedPolicyDocumentException,
  NoSuchEntityException,
  PutRolePolicyCommand,
  TagRoleCommand,
  UntagRoleCommand,
} from '@aws-sdk/client-iam';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from './server.js';
import { iamClient, TRUSTS_STEP_FUNCTIONS } from './testing/executionRole.js';

const ACCOUNT = '123456789012';
const ALLOW_MODELS = {
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Action: 'sagemaker:CreateModel', Resource: '*' }],
};

let server: RunningServer;
let iam: IAMClient;

beforeAll(async () => {
  server = await startServer({ port: 0, host: '127.0.0.1' });
  iam = iamClient(server.url);
});

afterAll(async () => {
  iam.destroy();
  await server.close();
});

/** The error a send rejects with. */
async function errorOf(promise: Promise<unknown>): Promise<IAMServiceException> {
  try {
    await promise;
  } catch (e) {
    return e as IAMServiceException;
  }
  throw new Error('the call succeeded');
}

describe('serve: IAM roles over the query protocol, with the JavaScript SDK', () => {
  it('creates a role with a path, tags and a description, and answers it as GetRole does', async () => {
    const { Role } = await iam.send(
      new CreateRoleCommand({
        RoleName: 'pipeline',
        Path: '/sfn-conformance/',
        AssumeRolePolicyDocument: TRUSTS_STEP_FUNCTIONS,
        Description: 'runs <pipelines> & "jobs"',
        Tags: [
          { Key: 'sfn-conformance:run-id', Value: 'r1' },
          { Key: 'team', Value: 'ml' },
        ],
      }),
    );
    expect(Role!.Arn).toBe(`arn:aws:iam::${ACCOUNT}:role/sfn-conformance/pipeline`);
    expect(Role!.RoleId).toMatch(/^AROA[A-Z0-9]{17}$/);
    expect(Role!.CreateDate).toBeInstanceOf(Date);
    expect(Role!.Path).toBe('/sfn-conformance/');
    // The trust policy comes back URL-encoded, as IAM returns policy documents.
    expect(decodeURIComponent(Role!.AssumeRolePolicyDocument!)).toBe(TRUSTS_STEP_FUNCTIONS);

    const got = (await iam.send(new GetRoleCommand({ RoleName: 'pipeline' }))).Role!;
    expect(got.Description).toBe('runs <pipelines> & "jobs"');
    expect(got.MaxSessionDuration).toBe(3600);
    expect(got.Tags).toEqual([
      { Key: 'sfn-conformance:run-id', Value: 'r1' },
      { Key: 'team', Value: 'ml' },
    ]);
    expect(got.RoleId).toBe(Role!.RoleId);
    // Role names are unique whatever their case: the same name in other letters is the same role.
    expect((await iam.send(new GetRoleCommand({ RoleName: 'PIPELINE' }))).Role!.Arn).toBe(Role!.Arn);
  });

  it('refuses a second role of the same name (any case): EntityAlreadyExists, HTTP 409', async () => {
    await iam.send(
      new CreateRoleCommand({ RoleName: 'twice', AssumeRolePolicyDocument: TRUSTS_STEP_FUNCTIONS }),
    );
    const e = await errorOf(
      iam.send(new CreateRoleCommand({ RoleName: 'TWICE', AssumeRolePolicyDocument: TRUSTS_STEP_FUNCTIONS })),
    );
    expect(e).toBeInstanceOf(EntityAlreadyExistsException);
    expect(e.$metadata.httpStatusCode).toBe(409);
    expect(e.message).toBe('Role with name TWICE already exists.');
  });

  it('answers an unknown role with NoSuchEntity, HTTP 404', async () => {
    const e = await errorOf(iam.send(new GetRoleCommand({ RoleName: 'nobody' })));
    expect(e).toBeInstanceOf(NoSuchEntityException);
    expect(e.$metadata.httpStatusCode).toBe(404);
    expect(e.message).toBe('The role with name nobody cannot be found.');
  });

  it('keeps inline and attached policies; DeleteRole is a DeleteConflict (409) until they are gone', async () => {
    await iam.send(
      new CreateRoleCommand({ RoleName: 'holder', AssumeRolePolicyDocument: TRUSTS_STEP_FUNCTIONS }),
    );
    const document = JSON.stringify(ALLOW_MODELS, null, 2);
    await iam.send(
      new PutRolePolicyCommand({ RoleName: 'holder', PolicyName: 'case', PolicyDocument: document }),
    );
    const inline = await iam.send(new GetRolePolicyCommand({ RoleName: 'holder', PolicyName: 'case' }));
    expect(inline.PolicyDocument).not.toBe(document);
    expect(decodeURIComponent(inline.PolicyDocument!)).toBe(document);
    expect((await iam.send(new ListRolePoliciesCommand({ RoleName: 'holder' }))).PolicyNames).toEqual([
      'case',
    ]);

    const { Policy } = await iam.send(
      new CreatePolicyCommand({ PolicyName: 'models', Path: '/team/', PolicyDocument: document }),
    );
    expect(Policy!.Arn).toBe(`arn:aws:iam::${ACCOUNT}:policy/team/models`);
    expect(Policy!.DefaultVersionId).toBe('v1');
    await iam.send(new AttachRolePolicyCommand({ RoleName: 'holder', PolicyArn: Policy!.Arn }));
    expect((await iam.send(new GetPolicyCommand({ PolicyArn: Policy!.Arn }))).Policy!.AttachmentCount).toBe(
      1,
    );
    expect(
      (await iam.send(new ListAttachedRolePoliciesCommand({ RoleName: 'holder' }))).AttachedPolicies,
    ).toEqual([{ PolicyName: 'models', PolicyArn: Policy!.Arn }]);

    const inlineLeft = await errorOf(iam.send(new DeleteRoleCommand({ RoleName: 'holder' })));
    expect(inlineLeft).toBeInstanceOf(DeleteConflictException);
    expect(inlineLeft.$metadata.httpStatusCode).toBe(409);
    expect(inlineLeft.message).toBe('Cannot delete entity, must delete policies first.');
    await iam.send(new DeleteRolePolicyCommand({ RoleName: 'holder', PolicyName: 'case' }));
    const attachedLeft = await errorOf(iam.send(new DeleteRoleCommand({ RoleName: 'holder' })));
    expect(attachedLeft).toBeInstanceOf(DeleteConflictException);
    expect(attachedLeft.message).toBe('Cannot delete entity, must detach all policies first.');
    expect(await errorOf(iam.send(new DeletePolicyCommand({ PolicyArn: Policy!.Arn })))).toBeInstanceOf(
      DeleteConflictException,
    );

    await iam.send(new DetachRolePolicyCommand({ RoleName: 'holder', PolicyArn: Policy!.Arn }));
    await iam.send(new DeleteRoleCommand({ RoleName: 'holder' }));
    await iam.send(new DeletePolicyCommand({ PolicyArn: Policy!.Arn }));
    expect(await errorOf(iam.send(new GetRoleCommand({ RoleName: 'holder' })))).toBeInstanceOf(
      NoSuchEntityException,
    );
    const gone = await errorOf(iam.send(new GetPolicyCommand({ PolicyArn: Policy!.Arn })));
    expect(gone).toBeInstanceOf(NoSuchEntityException);
    expect(gone.message).toBe(`Policy ${Policy!.Arn} was not found.`);
    const missing = await errorOf(
      iam.send(new DeleteRolePolicyCommand({ RoleName: 'pipeline', PolicyName: 'none' })),
    );
    expect(missing).toBeInstanceOf(NoSuchEntityException);
    expect(missing.message).toBe('The role policy with name none cannot be found.');
  });

  it('refuses malformed policy documents: MalformedPolicyDocument, HTTP 400', async () => {
    await iam.send(
      new CreateRoleCommand({ RoleName: 'strict', AssumeRolePolicyDocument: TRUSTS_STEP_FUNCTIONS }),
    );
    const put = (PolicyDocument: string) =>
      errorOf(iam.send(new PutRolePolicyCommand({ RoleName: 'strict', PolicyName: 'p', PolicyDocument })));
    const notJson = await put('{"Version": "2012-10-17", "Statement": [');
    expect(notJson).toBeInstanceOf(MalformedPolicyDocumentException);
    expect(notJson.$metadata.httpStatusCode).toBe(400);
    expect(notJson.message).toBe('This policy contains invalid Json');
    const principal = await put(
      JSON.stringify({
        Version: '2012-10-17',
        Statement: [{ Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: '*' }],
      }),
    );
    expect(principal).toBeInstanceOf(MalformedPolicyDocumentException);
    expect(principal.message).toBe('Policy document should not specify a principal.');
    const noEffect = await put(JSON.stringify({ Statement: [{ Action: 's3:GetObject', Resource: '*' }] }));
    expect(noEffect).toBeInstanceOf(MalformedPolicyDocumentException);
    expect(noEffect.message).toMatch(/Effect/);

    // A trust policy names a Principal and no Resource.
    const trustWithResource = await errorOf(
      iam.send(
        new CreateRoleCommand({
          RoleName: 'bad-trust',
          AssumeRolePolicyDocument: JSON.stringify({
            Version: '2012-10-17',
            Statement: [
              {
                Effect: 'Allow',
                Principal: { Service: 'states.amazonaws.com' },
                Action: 'sts:AssumeRole',
                Resource: '*',
              },
            ],
          }),
        }),
      ),
    );
    expect(trustWithResource).toBeInstanceOf(MalformedPolicyDocumentException);
    expect(trustWithResource.message).toBe('Has prohibited field Resource');
    expect(await errorOf(iam.send(new GetRoleCommand({ RoleName: 'bad-trust' })))).toBeInstanceOf(
      NoSuchEntityException,
    );
  });

  it("refuses inline policies past the role's 10,240 characters: LimitExceeded, HTTP 409", async () => {
    await iam.send(
      new CreateRoleCommand({ RoleName: 'big', AssumeRolePolicyDocument: TRUSTS_STEP_FUNCTIONS }),
    );
    const policy = (n: number) =>
      JSON.stringify({
        Version: '2012-10-17',
        Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: `arn:aws:s3:::${'b'.repeat(n)}/*` }],
      });
    await iam.send(
      new PutRolePolicyCommand({ RoleName: 'big', PolicyName: 'one', PolicyDocument: policy(6000) }),
    );
    const e = await errorOf(
      iam.send(
        new PutRolePolicyCommand({ RoleName: 'big', PolicyName: 'two', PolicyDocument: policy(6000) }),
      ),
    );
    expect(e).toBeInstanceOf(LimitExceededException);
    expect(e.$metadata.httpStatusCode).toBe(409);
    expect(e.message).toBe('Maximum policy size of 10240 bytes exceeded for role big');
    // Replacing the one policy by one of the same size is within the quota.
    await iam.send(
      new PutRolePolicyCommand({ RoleName: 'big', PolicyName: 'one', PolicyDocument: policy(6001) }),
    );
  });

  it('lists roles under a path prefix, page by page (MaxItems, Marker, IsTruncated)', async () => {
    for (const n of [3, 1, 5, 2, 4])
      await iam.send(
        new CreateRoleCommand({
          RoleName: `paged-${n}`,
          Path: '/paged/',
          AssumeRolePolicyDocument: TRUSTS_STEP_FUNCTIONS,
        }),
      );
    const names: string[] = [];
    const sizes: number[] = [];
    let Marker: string | undefined;
    do {
      const page = await iam.send(new ListRolesCommand({ PathPrefix: '/paged/', MaxItems: 2, Marker }));
      names.push(...page.Roles!.map((r) => r.RoleName!));
      sizes.push(page.Roles!.length);
      expect(page.IsTruncated).toBe(page.Marker !== undefined);
      // ListRoles leaves out tags and boundaries, as IAM's listing does.
      expect(page.Roles!.every((r) => r.Tags === undefined)).toBe(true);
      Marker = page.Marker;
      // More pages than roles: the marker does not move on.
      if (sizes.length > 5) throw new Error(`paging does not end: ${names.join(', ')}`);
    } while (Marker);
    expect(names).toEqual(['paged-1', 'paged-2', 'paged-3', 'paged-4', 'paged-5']);
    expect(sizes).toEqual([2, 2, 1]);
    const all = (await iam.send(new ListRolesCommand({}))).Roles!.map((r) => r.RoleName);
    expect(all).toEqual(expect.arrayContaining(['paged-1', 'pipeline']));
  });

  it('tags and untags a role; ListRoleTags pages', async () => {
    await iam.send(
      new TagRoleCommand({
        RoleName: 'pipeline',
        Tags: [
          { Key: 'team', Value: 'data' },
          { Key: 'stage', Value: 'dev' },
        ],
      }),
    );
    await iam.send(
      new UntagRoleCommand({ RoleName: 'pipeline', TagKeys: ['sfn-conformance:run-id', 'absent'] }),
    );
    const first = await iam.send(new ListRoleTagsCommand({ RoleName: 'pipeline', MaxItems: 1 }));
    expect(first).toMatchObject({ Tags: [{ Key: 'stage', Value: 'dev' }], IsTruncated: true });
    const rest = await iam.send(new ListRoleTagsCommand({ RoleName: 'pipeline', Marker: first.Marker }));
    expect(rest).toMatchObject({ Tags: [{ Key: 'team', Value: 'data' }], IsTruncated: false });
  });

  it('checks requests against the IAM API model: ValidationError, HTTP 400', async () => {
    const long = await errorOf(
      iam.send(
        new CreateRoleCommand({ RoleName: 'r'.repeat(65), AssumeRolePolicyDocument: TRUSTS_STEP_FUNCTIONS }),
      ),
    );
    expect(long.name).toBe('ValidationError');
    expect(long.$metadata.httpStatusCode).toBe(400);
    expect(long.message).toBe(
      `1 validation error detected: Value '${'r'.repeat(65)}' at 'roleName' failed to satisfy constraint: Member must have length less than or equal to 64`,
    );
    const badName = await errorOf(iam.send(new GetRoleCommand({ RoleName: 'no spaces' })));
    expect(badName.name).toBe('ValidationError');
    expect(badName.message).toMatch(/^The specified value for roleName is invalid/);
    const badPath = await errorOf(
      iam.send(
        new CreateRoleCommand({
          RoleName: 'x',
          Path: 'nope',
          AssumeRolePolicyDocument: TRUSTS_STEP_FUNCTIONS,
        }),
      ),
    );
    expect(badPath.message).toMatch(
      /^1 validation error detected: Value 'nope' at 'path' failed to satisfy constraint/,
    );
    const zero = await errorOf(iam.send(new ListRolesCommand({ MaxItems: 0 })));
    expect(zero.message).toBe(
      "1 validation error detected: Value '0' at 'maxItems' failed to satisfy constraint: Member must have value greater than or equal to 1",
    );
  });

  it('answers an Action it does not serve with InvalidAction and a missing one with MissingAction', async () => {
    const post = (body: string) =>
      fetch(server.url, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded; charset=utf-8' },
        body,
      });
    const unknown = await post('Action=CreateUser&Version=2010-05-08&UserName=u');
    expect(unknown.status).toBe(400);
    const xml = await unknown.text();
    expect(xml).toContain('<ErrorResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/">');
    expect(xml).toContain('<Type>Sender</Type><Code>InvalidAction</Code>');
    expect(xml).toMatch(/<RequestId>[0-9a-f-]{36}<\/RequestId><\/ErrorResponse>$/);
    const none = await post('Version=2010-05-08');
    expect(await none.text()).toContain('<Code>MissingAction</Code>');
    // A GET with the query string is the same request.
    const get = await fetch(`${server.url}/?Action=GetRole&Version=2010-05-08&RoleName=pipeline`);
    expect(get.status).toBe(200);
    expect(await get.text()).toContain('<RoleName>pipeline</RoleName>');
  });
});

describe('serve: STS GetCallerIdentity', () => {
  it("answers the server's account and a caller in it, whatever the credentials", async () => {
    const sts = new STSClient({
      endpoint: server.url,
      region: 'eu-west-1',
      credentials: { accessKeyId: 'AKIAANYTHING', secretAccessKey: 'anything' },
      maxAttempts: 1,
    });
    const who = await sts.send(new GetCallerIdentityCommand({}));
    sts.destroy();
    expect(who.Account).toBe(ACCOUNT);
    expect(who.Arn).toBe(`arn:aws:iam::${ACCOUNT}:user/sfn-conformance-serve`);
    expect(who.UserId).toMatch(/^AIDA[A-Z0-9]{17}$/);
  });

  it('tells STS from IAM by the Action when the request is not signed', async () => {
    const answer = await fetch(server.url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'Action=GetCallerIdentity&Version=2011-06-15',
    });
    const xml = await answer.text();
    expect(xml).toContain('<GetCallerIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">');
    expect(xml).toContain(`<Account>${ACCOUNT}</Account>`);
  });

  it("answers a request signed for IAM from IAM's operations only", async () => {
    const answer = await fetch(server.url, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/x-www-form-urlencoded',
        Authorization:
          'AWS4-HMAC-SHA256 Credential=local/20260101/us-east-1/iam/aws4_request, SignedHeaders=host, Signature=00',
      },
      body: 'Action=GetCallerIdentity&Version=2011-06-15',
    });
    expect(answer.status).toBe(400);
    expect(await answer.text()).toContain('<Code>InvalidAction</Code>');
  });
});

describe('serve: a large form body is answered in XML', () => {
  it('413 with the query protocol’s error shape', async () => {
    const small = await startServer({ port: 0, host: '127.0.0.1', maxBodyBytes: 64 });
    try {
      const answer = await fetch(small.url, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: `Action=PutRolePolicy&PolicyDocument=${'x'.repeat(200)}`,
      });
      expect(answer.status).toBe(413);
      expect(await answer.text()).toContain('<Code>RequestEntityTooLargeException</Code>');
    } finally {
      await small.close();
    }
  });
});
