/** The README.md `run --record DIR` writes into DIR: what the recordings hold and how to replay them. */

/** The text of the recordings' README. */
export const RECORD_README = `# Executions recorded by sfn-conformance

Each \`NNNN-<api>-<pattern>-<case id>.json\` file is one execution that \`sfn-conformance run --record\`
ran on a real AWS account (\`--target aws\`) or an AWS-compatible endpoint (\`--target endpoint\`), in
the format of the project's recorded corpus (\`testdata/aws-recorded-tasks/README.md\`): \`definition\`,
\`input\`, \`inputText\`, \`expected\` (\`status\`, \`output\`, \`error\`, \`cause\`, \`eventTypes\`),
\`mocks\` (a Step Functions Local MockConfigFile: state machine \`SM\`, test case \`Recorded\`, one
response per attempted Task state named after it, one numbered entry per attempt), \`taskEvents\`,
\`looseWords\`, \`features\` and \`notes\`. Replay them in the built-in emulator with:

    npx sfn-conformance exec --recorded DIR

## How these files differ from the corpus's

- \`source\` says where the file came from: \`tool\` (name, version), \`runId\` (always the placeholder
  \`sfncrunid\`), \`seed\`, \`path\` and \`caseId\` of the case, \`replay\` (the command that replays the
  case from the run's report; a shrinking step's case is not in the report), \`api\`, \`pattern\`,
  \`target\` (\`kind\` and \`region\`; an endpoint's URL is left out) and \`recordedDate\` (the day only).
  The corpus's LocalStack fields (\`repo\`, \`commit\`, \`test\`, \`snapshot\` ...) are absent.
- Every execution that ended is recorded, those of shrinking steps too; an execution the run
  stopped because it ran too long is not. Only TaskScheduled events occur (SageMaker tasks).
- Mock entries come from each attempt's outcome event: TaskSucceeded → \`Return\` of the parsed
  output (for \`.sync\`, the final Describe result), TaskFailed, TaskStartFailed and TaskSubmitFailed
  → \`Throw\` with its error and cause, TaskTimedOut → \`Throw\` of its error (\`States.Timeout\`,
  \`States.HeartbeatTimeout\`). An attempt with no outcome (the execution ended while it ran, e.g.
  the state machine's own \`TimeoutSeconds\`) cannot be mocked: \`notes\` say so, and a replay differs.

## Placeholders

Nothing of the account, the credentials or the run's names is kept. The same value becomes the same
placeholder throughout one file, so a replay still meets the recording:

- the account id → \`111111111111\` (as in the corpus; it matches any text in expected values);
- the run id → \`sfncrunid\`; the state machine's name → \`rec-state-machine\`, the execution role's →
  \`rec-role\`, the execution's → \`rec-execution\`; each SageMaker name of the scheduled requests
  (\`TrainingJobName\`, \`ModelName\`, \`EndpointName\` ...) → \`rec-training-1\`, \`rec-model-1\`,
  \`rec-endpoint-1\` ... (names shorter than 4 characters are kept). These words are the file's
  \`looseWords\`: each matches any text where it stands as a whole word. They are replaced in the
  definition and input too (case-insensitively, as SageMaker lower-cases names in ARNs), so the
  definition runs as it did;
- in \`expected\`, \`mocks\` and \`taskEvents\` (compared, not run): a value under a key that names a
  time (\`CreationTime\`, \`LastModifiedTime\`, \`...Timestamp\`, \`...Date\`) → \`<time:N>\`, an ISO-8601
  date-time inside text → \`date\`;
- credentials: anything shaped like an access key id (\`AKIA...\`, \`ASIA...\`, and AWS's other unique
  id prefixes) → \`<access_key_id>\`, a session token → \`<session_token>\`, a 40-character secret key →
  \`<secret_key>\`, the value of an Authorization header or of a named secret
  (\`aws_secret_access_key=\`, \`"SessionToken":\`, \`X-Amz-Security-Token\`, \`password\` ...) →
  \`<redacted>\`, and the credentials the process runs with (from its environment) → \`<secret>\`.

A file in which the account id, the run id, a credential of the process, an access key id or a
session token would still appear after this is not written; the run says so on stderr.
`;
