/**
 * STS as `serve` answers it: GetCallerIdentity only, so that a client (the AWS target, `aws sts
 * get-caller-identity`) learns the emulated account. Any credentials are taken (signatures are not
 * checked), and every caller is the same plausible IAM user of the server's account.
 * https://docs.aws.amazon.com/STS/latest/APIReference/API_GetCallerIdentity.html
 */
import type { ApiModel } from '../../apimodel/shape.js';
import type { QueryService } from '../protocol/query.js';

/** STS's API version. */
const VERSION = '2011-06-15';

/** The slice of STS's API model GetCallerIdentity needs (its three result members, all strings). */
const STS_MODEL: ApiModel & { readonly xmlNamespace: string } = {
  xmlNamespace: `https://sts.amazonaws.com/doc/${VERSION}/`,
  operations: {
    GetCallerIdentity: {
      input: 'GetCallerIdentityRequest',
      output: 'GetCallerIdentityResponse',
      errors: [],
    },
  },
  shapes: {
    GetCallerIdentityRequest: { type: 'structure', members: {} },
    GetCallerIdentityResponse: {
      type: 'structure',
      members: { UserId: 'userIdType', Account: 'accountType', Arn: 'arnType' },
    },
    userIdType: { type: 'string' },
    accountType: { type: 'string' },
    arnType: { type: 'string', min: 20, max: 2048 },
  },
};

/** The name of the IAM user every caller is taken for. */
export const CALLER_USER_NAME = 'sfn-conformance-serve';

/** STS on one emulated account: GetCallerIdentity answers the account and its one caller. */
export function stsService(account: { account: string; partition: string }): QueryService {
  return {
    name: 'sts',
    model: STS_MODEL,
    version: VERSION,
    operations: {
      GetCallerIdentity: () => ({
        // An IAM user's unique id: AIDA and 17 letters and digits.
        UserId: 'AIDASFNCONFORMANCESRV',
        Account: account.account,
        Arn: `arn:${account.partition}:iam::${account.account}:user/${CALLER_USER_NAME}`,
      }),
    },
  };
}
