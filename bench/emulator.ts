/**
 * Emulator throughput and memory: executions of Task (`.sync` training job, 10 virtual polls), then
 * Choice, then Succeed, each in a fresh emulated account (the harness's pattern: one world per
 * case), one after another on one core.
 */
import type { WorldScenario } from '../catalog/scenario.js';
import { dist } from './dist.js';

const DEFINITION = {
  StartAt: 'Train',
  States: {
    Train: {
      Type: 'Task',
      Resource: 'arn:aws:states:::sagemaker:createTrainingJob.sync',
      Parameters: {
        'TrainingJobName.$': '$$.Execution.Name',
        RoleArn: 'arn:aws:iam::123456789012:role/SageMakerRole',
        AlgorithmSpecification: {
          TrainingImage: '683313688378.dkr.ecr.us-east-1.amazonaws.com/xgb:1',
          TrainingInputMode: 'File',
        },
        OutputDataConfig: { S3OutputPath: 's3://amzn-s3-demo-bucket/out' },
        ResourceConfig: { InstanceType: 'ml.m5.large', InstanceCount: 1, VolumeSizeInGB: 10 },
        StoppingCondition: { MaxRuntimeInSeconds: 86_400 },
      },
      Next: 'Check',
    },
    Check: {
      Type: 'Choice',
      Choices: [{ Variable: '$.TrainingJobStatus', StringEquals: 'Completed', Next: 'Done' }],
      Default: 'Failed',
    },
    Done: { Type: 'Succeed' },
    Failed: { Type: 'Fail', Error: 'TrainingFailed' },
  },
};

const SCENARIO: WorldScenario = {
  referencesExist: true,
  job: { polls: 10, outcome: 'Completed', durationSeconds: 6 * 3600 },
};

const POLICY = {
  Version: '2012-10-17',
  Statement: [
    {
      Effect: 'Allow',
      Action: ['sagemaker:CreateTrainingJob', 'sagemaker:DescribeTrainingJob', 'sagemaker:StopTrainingJob'],
      Resource: ['arn:aws:sagemaker:us-east-1:123456789012:training-job/*'],
    },
    { Effect: 'Allow', Action: ['sagemaker:ListTags', 'sagemaker:AddTags'], Resource: ['*'] },
    {
      Effect: 'Allow',
      Action: ['iam:PassRole'],
      Resource: ['arn:aws:iam::123456789012:role/SageMakerRole'],
      Condition: { StringEquals: { 'iam:PassedToService': 'sagemaker.amazonaws.com' } },
    },
    {
      Effect: 'Allow',
      Action: ['events:PutTargets', 'events:PutRule', 'events:DescribeRule'],
      Resource: [
        'arn:aws:events:us-east-1:123456789012:rule/StepFunctionsGetEventsForSageMakerTrainingJobsRule',
      ],
    },
  ],
} as const;

/** One execution in a fresh emulated account; throws unless it succeeds. */
export async function executeOnce(i: number): Promise<void> {
  const { EmulatedStepFunctions } = (await dist()).stepFunctions;
  const sfn = new EmulatedStepFunctions({ aslSchemaCheck: false });
  const { stateMachineArn } = sfn.createStateMachine({ definition: DEFINITION, policy: POLICY as never });
  const { executionArn } = sfn.startExecution({
    stateMachineArn,
    name: `run-${i}`,
    scenario: SCENARIO,
    seed: i,
  });
  const result = await sfn.awaitExecution(executionArn);
  if (result.status !== 'SUCCEEDED')
    throw new Error(`execution ${i} ended ${result.status}: ${result.error ?? ''} ${result.cause ?? ''}`);
}

const mib = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;

function memory(): { rssMiB: number; heapUsedMiB: number } {
  (globalThis as { gc?: () => void }).gc?.();
  const m = process.memoryUsage();
  return { rssMiB: mib(m.rss), heapUsedMiB: mib(m.heapUsed) };
}

export interface EmulatorFigures {
  executionsPerSecond: number;
  /** Memory after the warm-up (200 executions) and after each checkpoint. */
  memory: { afterExecutions: number; rssMiB: number; heapUsedMiB: number }[];
  gcExposed: boolean;
}

/** Runs `checkpoints[last]` executions; measures throughput over all of them and memory at each checkpoint. */
export async function benchEmulator(checkpoints: readonly number[]): Promise<EmulatorFigures> {
  for (let i = 0; i < 200; i++) await executeOnce(i); // warm-up
  const memoryAfter: EmulatorFigures['memory'] = [{ afterExecutions: 0, ...memory() }];
  const total = checkpoints[checkpoints.length - 1]!;
  let measured = 0;
  let elapsed = 0;
  let next = 0;
  for (let i = 0; i < total; i++) {
    const t = performance.now();
    await executeOnce(i);
    elapsed += performance.now() - t;
    measured++;
    if (i + 1 === checkpoints[next]) {
      memoryAfter.push({ afterExecutions: checkpoints[next]!, ...memory() });
      next++;
    }
  }
  return {
    executionsPerSecond: Math.round(measured / (elapsed / 1000)),
    memory: memoryAfter,
    gcExposed: typeof (globalThis as { gc?: unknown }).gc === 'function',
  };
}
