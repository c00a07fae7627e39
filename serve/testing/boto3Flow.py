"""`serve` driven by boto3: one flow over STS, IAM, Step Functions and SageMaker.

Usage: python3 boto3Flow.py ENDPOINT_URL

Against the endpoint (region us-east-1, credentials of its own), it asks STS who the caller is,
makes an execution role with IAM, runs a state machine that trains (createTrainingJob.sync) then
makes a model (createModel), pages through the execution's history, describes the training job,
tests a createModel state with a mocked result (TestState), and provokes two errors boto3 parses.
It prints one JSON object with what it saw; serve/boto3.test.ts asserts on it.

TestState's endpoint has the host prefix `sync-` (the Step Functions API model): a local endpoint
takes none, so the clients are made with `inject_host_prefix=False`.
"""

import json
import sys

import boto3
import botocore
from botocore.config import Config
from botocore.exceptions import ClientError

ACCOUNT = "123456789012"
ROLE_NAME = "StepFunctionsExecutionRole"
SAGEMAKER_ROLE = f"arn:aws:iam::{ACCOUNT}:role/SageMakerExecution"
IMAGE = "683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost:1.7-1"
JOB = "boto3-training"
MAX_POLLS = 10_000
PAGE_SIZE = 2

TRUST = {
    "Version": "2012-10-17",
    "Statement": [
        {
            "Effect": "Allow",
            "Principal": {"Service": "states.amazonaws.com"},
            "Action": "sts:AssumeRole",
        }
    ],
}
ALLOW_ALL = {
    "Version": "2012-10-17",
    "Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}],
}

MODEL_TASK = {
    "Type": "Task",
    "Resource": "arn:aws:states:::sagemaker:createModel",
    "Parameters": {
        "ModelName": JOB,
        "ExecutionRoleArn": SAGEMAKER_ROLE,
        "PrimaryContainer": {
            "Image": IMAGE,
            "ModelDataUrl.$": "$.training.ModelArtifacts.S3ModelArtifacts",
        },
    },
    "End": True,
}

TRAIN_THEN_MODEL = {
    "StartAt": "Train",
    "States": {
        "Train": {
            "Type": "Task",
            "Resource": "arn:aws:states:::sagemaker:createTrainingJob.sync",
            "Parameters": {
                "TrainingJobName": JOB,
                "RoleArn": SAGEMAKER_ROLE,
                "AlgorithmSpecification": {"TrainingImage": IMAGE, "TrainingInputMode": "File"},
                "OutputDataConfig": {"S3OutputPath": "s3://bucket/out"},
                "ResourceConfig": {
                    "InstanceCount": 1,
                    "InstanceType": "ml.m5.xlarge",
                    "VolumeSizeInGB": 10,
                },
                "StoppingCondition": {"MaxRuntimeInSeconds": 3600},
            },
            "ResultPath": "$.training",
            "Next": "Model",
        },
        "Model": MODEL_TASK,
    },
}


def error_code(call):
    """The error code boto3 parsed from a call that must fail, or None if it succeeded."""
    try:
        call()
    except ClientError as e:
        return e.response["Error"]["Code"]
    return None


def main(endpoint):
    """Runs the flow against `endpoint`; returns what it saw."""
    session = boto3.session.Session(
        aws_access_key_id="local",
        aws_secret_access_key="local",
        region_name="us-east-1",
    )
    config = Config(inject_host_prefix=False, retries={"max_attempts": 1, "mode": "standard"})

    def client(service):
        return session.client(service, endpoint_url=endpoint, config=config)

    sts, iam, sfn, sm = client("sts"), client("iam"), client("stepfunctions"), client("sagemaker")
    seen = {"boto3": boto3.__version__, "botocore": botocore.__version__}

    seen["account"] = sts.get_caller_identity()["Account"]

    role = iam.create_role(RoleName=ROLE_NAME, AssumeRolePolicyDocument=json.dumps(TRUST))
    seen["roleArn"] = role["Role"]["Arn"]
    iam.put_role_policy(
        RoleName=ROLE_NAME, PolicyName="all", PolicyDocument=json.dumps(ALLOW_ALL)
    )

    machine = sfn.create_state_machine(
        name="boto3-machine",
        definition=json.dumps(TRAIN_THEN_MODEL),
        roleArn=seen["roleArn"],
    )
    execution_arn = sfn.start_execution(stateMachineArn=machine["stateMachineArn"])["executionArn"]
    polls = 0
    while True:
        polls += 1
        described = sfn.describe_execution(executionArn=execution_arn)
        if described["status"] != "RUNNING" or polls >= MAX_POLLS:
            break
    seen["polls"] = polls
    seen["status"] = described["status"]
    seen["modelArn"] = json.loads(described.get("output", "{}")).get("ModelArn")

    events, pages, token = [], 0, None
    while True:
        page = sfn.get_execution_history(
            executionArn=execution_arn,
            maxResults=PAGE_SIZE,
            **({"nextToken": token} if token else {}),
        )
        pages += 1
        events += [e["type"] for e in page["events"]]
        token = page.get("nextToken")
        if not token:
            break
    seen["historyPages"] = pages
    seen["eventTypes"] = events

    seen["trainingJobStatus"] = sm.describe_training_job(TrainingJobName=JOB)["TrainingJobStatus"]

    members = sfn.meta.service_model.operation_model("TestState").input_shape.members
    seen["testStateHasMock"] = "mock" in members
    if seen["testStateHasMock"]:
        model_arn = f"arn:aws:sagemaker:us-east-1:{ACCOUNT}:model/mocked"
        tested = sfn.test_state(
            definition=json.dumps(MODEL_TASK),
            input=json.dumps({"training": {"ModelArtifacts": {"S3ModelArtifacts": "s3://b/m"}}}),
            inspectionLevel="DEBUG",
            mock={"result": json.dumps({"ModelArn": model_arn})},
        )
        seen["testState"] = {
            "status": tested["status"],
            "output": json.loads(tested.get("output", "null")),
        }

    seen["getRoleError"] = error_code(lambda: iam.get_role(RoleName="nobody"))
    seen["describeExecutionError"] = error_code(
        lambda: sfn.describe_execution(executionArn="not-an-arn")
    )
    return seen


if __name__ == "__main__":
    print(json.dumps(main(sys.argv[1])))
