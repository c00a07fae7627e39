// GENERATED FILE: do not edit. Regenerate with `npm run gen:model -- <service-2.json[.gz]>`.
// Derived by scripts/gen-model.ts from the Step Functions API model service-2.json.gz
// (SFN 2016-11-23, uid states-2016-11-23, sha256 58447232399b9549d1f77852363ea1598a77136a2baa5e1d98c52a8741dfd46f),
// botocore JSON, Apache-2.0. Operations `serve` answers and every shape they reach.
import type { ApiModel } from './shape.js';

export const STEP_FUNCTIONS_MODEL: ApiModel = {
 "operations": {
  "CreateStateMachine": {
   "input": "CreateStateMachineInput",
   "output": "CreateStateMachineOutput",
   "errors": [
    "InvalidArn",
    "InvalidDefinition",
    "InvalidName",
    "InvalidLoggingConfiguration",
    "InvalidTracingConfiguration",
    "StateMachineAlreadyExists",
    "StateMachineDeleting",
    "StateMachineLimitExceeded",
    "StateMachineTypeNotSupported",
    "TooManyTags",
    "ValidationException",
    "ConflictException",
    "InvalidEncryptionConfiguration",
    "KmsAccessDeniedException",
    "KmsThrottlingException"
   ]
  },
  "DescribeStateMachine": {
   "input": "DescribeStateMachineInput",
   "output": "DescribeStateMachineOutput",
   "errors": [
    "InvalidArn",
    "StateMachineDoesNotExist",
    "KmsAccessDeniedException",
    "KmsInvalidStateException",
    "KmsThrottlingException"
   ]
  },
  "UpdateStateMachine": {
   "input": "UpdateStateMachineInput",
   "output": "UpdateStateMachineOutput",
   "errors": [
    "InvalidArn",
    "InvalidDefinition",
    "InvalidLoggingConfiguration",
    "InvalidTracingConfiguration",
    "MissingRequiredParameter",
    "StateMachineDeleting",
    "StateMachineDoesNotExist",
    "ServiceQuotaExceededException",
    "ConflictException",
    "ValidationException",
    "InvalidEncryptionConfiguration",
    "KmsAccessDeniedException",
    "KmsThrottlingException"
   ]
  },
  "DeleteStateMachine": {
   "input": "DeleteStateMachineInput",
   "output": "DeleteStateMachineOutput",
   "errors": [
    "InvalidArn",
    "ValidationException"
   ]
  },
  "ListStateMachines": {
   "input": "ListStateMachinesInput",
   "output": "ListStateMachinesOutput",
   "errors": [
    "InvalidToken"
   ]
  },
  "StartExecution": {
   "input": "StartExecutionInput",
   "output": "StartExecutionOutput",
   "errors": [
    "ExecutionLimitExceeded",
    "ExecutionAlreadyExists",
    "InvalidArn",
    "InvalidExecutionInput",
    "InvalidName",
    "StateMachineDoesNotExist",
    "StateMachineDeleting",
    "ValidationException",
    "KmsAccessDeniedException",
    "KmsInvalidStateException",
    "KmsThrottlingException"
   ]
  },
  "DescribeExecution": {
   "input": "DescribeExecutionInput",
   "output": "DescribeExecutionOutput",
   "errors": [
    "ExecutionDoesNotExist",
    "InvalidArn",
    "KmsAccessDeniedException",
    "KmsInvalidStateException",
    "KmsThrottlingException"
   ]
  },
  "StopExecution": {
   "input": "StopExecutionInput",
   "output": "StopExecutionOutput",
   "errors": [
    "ExecutionDoesNotExist",
    "InvalidArn",
    "ValidationException",
    "KmsAccessDeniedException",
    "KmsInvalidStateException",
    "KmsThrottlingException"
   ]
  },
  "ListExecutions": {
   "input": "ListExecutionsInput",
   "output": "ListExecutionsOutput",
   "errors": [
    "InvalidArn",
    "InvalidToken",
    "StateMachineDoesNotExist",
    "StateMachineTypeNotSupported",
    "ValidationException",
    "ResourceNotFound"
   ]
  },
  "GetExecutionHistory": {
   "input": "GetExecutionHistoryInput",
   "output": "GetExecutionHistoryOutput",
   "errors": [
    "ExecutionDoesNotExist",
    "InvalidArn",
    "InvalidToken",
    "KmsAccessDeniedException",
    "KmsInvalidStateException",
    "KmsThrottlingException"
   ]
  },
  "TagResource": {
   "input": "TagResourceInput",
   "output": "TagResourceOutput",
   "errors": [
    "InvalidArn",
    "ResourceNotFound",
    "TooManyTags"
   ]
  },
  "ListTagsForResource": {
   "input": "ListTagsForResourceInput",
   "output": "ListTagsForResourceOutput",
   "errors": [
    "InvalidArn",
    "ResourceNotFound"
   ]
  },
  "TestState": {
   "input": "TestStateInput",
   "output": "TestStateOutput",
   "errors": [
    "InvalidArn",
    "InvalidDefinition",
    "InvalidExecutionInput",
    "ValidationException"
   ]
  },
  "SendTaskSuccess": {
   "input": "SendTaskSuccessInput",
   "output": "SendTaskSuccessOutput",
   "errors": [
    "TaskDoesNotExist",
    "InvalidOutput",
    "InvalidToken",
    "TaskTimedOut",
    "KmsAccessDeniedException",
    "KmsInvalidStateException",
    "KmsThrottlingException"
   ]
  },
  "SendTaskFailure": {
   "input": "SendTaskFailureInput",
   "output": "SendTaskFailureOutput",
   "errors": [
    "TaskDoesNotExist",
    "InvalidToken",
    "TaskTimedOut",
    "KmsAccessDeniedException",
    "KmsInvalidStateException",
    "KmsThrottlingException"
   ]
  },
  "SendTaskHeartbeat": {
   "input": "SendTaskHeartbeatInput",
   "output": "SendTaskHeartbeatOutput",
   "errors": [
    "TaskDoesNotExist",
    "InvalidToken",
    "TaskTimedOut"
   ]
  }
 },
 "shapes": {
  "ActivityFailedEventDetails": {
   "type": "structure",
   "members": {
    "error": "SensitiveError",
    "cause": "SensitiveCause"
   }
  },
  "ActivityScheduleFailedEventDetails": {
   "type": "structure",
   "members": {
    "error": "SensitiveError",
    "cause": "SensitiveCause"
   }
  },
  "ActivityScheduledEventDetails": {
   "type": "structure",
   "members": {
    "resource": "Arn",
    "input": "SensitiveData",
    "inputDetails": "HistoryEventExecutionDataDetails",
    "timeoutInSeconds": "TimeoutInSeconds",
    "heartbeatInSeconds": "TimeoutInSeconds"
   },
   "required": [
    "resource"
   ]
  },
  "ActivityStartedEventDetails": {
   "type": "structure",
   "members": {
    "workerName": "Identity"
   }
  },
  "ActivitySucceededEventDetails": {
   "type": "structure",
   "members": {
    "output": "SensitiveData",
    "outputDetails": "HistoryEventExecutionDataDetails"
   }
  },
  "ActivityTimedOutEventDetails": {
   "type": "structure",
   "members": {
    "error": "SensitiveError",
    "cause": "SensitiveCause"
   }
  },
  "Arn": {
   "type": "string",
   "min": 1,
   "max": 256
  },
  "AssignedVariables": {
   "type": "map",
   "key": "VariableName",
   "value": "VariableValue"
  },
  "AssignedVariablesDetails": {
   "type": "structure",
   "members": {
    "truncated": "truncated"
   }
  },
  "CloudWatchEventsExecutionDataDetails": {
   "type": "structure",
   "members": {
    "included": "includedDetails"
   }
  },
  "CloudWatchLogsLogGroup": {
   "type": "structure",
   "members": {
    "logGroupArn": "Arn"
   }
  },
  "ConnectorParameters": {
   "type": "string",
   "min": 0,
   "max": 262144
  },
  "CreateStateMachineInput": {
   "type": "structure",
   "members": {
    "name": "Name",
    "definition": "Definition",
    "roleArn": "Arn",
    "type": "StateMachineType",
    "loggingConfiguration": "LoggingConfiguration",
    "tags": "TagList",
    "tracingConfiguration": "TracingConfiguration",
    "publish": "Publish",
    "versionDescription": "VersionDescription",
    "encryptionConfiguration": "EncryptionConfiguration"
   },
   "required": [
    "name",
    "definition",
    "roleArn"
   ]
  },
  "CreateStateMachineOutput": {
   "type": "structure",
   "members": {
    "stateMachineArn": "Arn",
    "creationDate": "Timestamp",
    "stateMachineVersionArn": "Arn"
   },
   "required": [
    "stateMachineArn",
    "creationDate"
   ]
  },
  "Definition": {
   "type": "string",
   "min": 1,
   "max": 1048576
  },
  "DeleteStateMachineInput": {
   "type": "structure",
   "members": {
    "stateMachineArn": "Arn"
   },
   "required": [
    "stateMachineArn"
   ]
  },
  "DeleteStateMachineOutput": {
   "type": "structure",
   "members": {}
  },
  "DescribeExecutionInput": {
   "type": "structure",
   "members": {
    "executionArn": "Arn",
    "includedData": "IncludedData"
   },
   "required": [
    "executionArn"
   ]
  },
  "DescribeExecutionOutput": {
   "type": "structure",
   "members": {
    "executionArn": "Arn",
    "stateMachineArn": "Arn",
    "name": "Name",
    "status": "ExecutionStatus",
    "startDate": "Timestamp",
    "stopDate": "Timestamp",
    "input": "SensitiveData",
    "inputDetails": "CloudWatchEventsExecutionDataDetails",
    "output": "SensitiveData",
    "outputDetails": "CloudWatchEventsExecutionDataDetails",
    "traceHeader": "TraceHeader",
    "mapRunArn": "LongArn",
    "error": "SensitiveError",
    "cause": "SensitiveCause",
    "stateMachineVersionArn": "Arn",
    "stateMachineAliasArn": "Arn",
    "redriveCount": "RedriveCount",
    "redriveDate": "Timestamp",
    "redriveStatus": "ExecutionRedriveStatus",
    "redriveStatusReason": "SensitiveData"
   },
   "required": [
    "executionArn",
    "stateMachineArn",
    "status",
    "startDate"
   ]
  },
  "DescribeStateMachineInput": {
   "type": "structure",
   "members": {
    "stateMachineArn": "Arn",
    "includedData": "IncludedData"
   },
   "required": [
    "stateMachineArn"
   ]
  },
  "DescribeStateMachineOutput": {
   "type": "structure",
   "members": {
    "stateMachineArn": "Arn",
    "name": "Name",
    "status": "StateMachineStatus",
    "definition": "Definition",
    "roleArn": "Arn",
    "type": "StateMachineType",
    "creationDate": "Timestamp",
    "loggingConfiguration": "LoggingConfiguration",
    "tracingConfiguration": "TracingConfiguration",
    "label": "MapRunLabel",
    "revisionId": "RevisionId",
    "description": "VersionDescription",
    "encryptionConfiguration": "EncryptionConfiguration",
    "variableReferences": "VariableReferences"
   },
   "required": [
    "stateMachineArn",
    "name",
    "definition",
    "roleArn",
    "type",
    "creationDate"
   ]
  },
  "Enabled": {
   "type": "boolean"
  },
  "EncryptionConfiguration": {
   "type": "structure",
   "members": {
    "kmsKeyId": "KmsKeyId",
    "kmsDataKeyReusePeriodSeconds": "KmsDataKeyReusePeriodSeconds",
    "type": "EncryptionType"
   },
   "required": [
    "type"
   ]
  },
  "EncryptionType": {
   "type": "string",
   "enum": [
    "AWS_OWNED_KEY",
    "CUSTOMER_MANAGED_KMS_KEY"
   ]
  },
  "EvaluationFailedEventDetails": {
   "type": "structure",
   "members": {
    "error": "SensitiveError",
    "cause": "SensitiveCause",
    "location": "EvaluationFailureLocation",
    "state": "StateName"
   },
   "required": [
    "state"
   ]
  },
  "EvaluationFailureLocation": {
   "type": "string",
   "min": 0,
   "max": 256
  },
  "EventId": {
   "type": "long"
  },
  "ExceptionHandlerIndex": {
   "type": "integer",
   "min": 0
  },
  "ExecutionAbortedEventDetails": {
   "type": "structure",
   "members": {
    "error": "SensitiveError",
    "cause": "SensitiveCause"
   }
  },
  "ExecutionFailedEventDetails": {
   "type": "structure",
   "members": {
    "error": "SensitiveError",
    "cause": "SensitiveCause"
   }
  },
  "ExecutionList": {
   "type": "list",
   "member": "ExecutionListItem"
  },
  "ExecutionListItem": {
   "type": "structure",
   "members": {
    "executionArn": "Arn",
    "stateMachineArn": "Arn",
    "name": "Name",
    "status": "ExecutionStatus",
    "startDate": "Timestamp",
    "stopDate": "Timestamp",
    "mapRunArn": "LongArn",
    "itemCount": "UnsignedInteger",
    "stateMachineVersionArn": "Arn",
    "stateMachineAliasArn": "Arn",
    "redriveCount": "RedriveCount",
    "redriveDate": "Timestamp"
   },
   "required": [
    "executionArn",
    "stateMachineArn",
    "name",
    "status",
    "startDate"
   ]
  },
  "ExecutionRedriveFilter": {
   "type": "string",
   "enum": [
    "REDRIVEN",
    "NOT_REDRIVEN"
   ]
  },
  "ExecutionRedriveStatus": {
   "type": "string",
   "enum": [
    "REDRIVABLE",
    "NOT_REDRIVABLE",
    "REDRIVABLE_BY_MAP_RUN"
   ]
  },
  "ExecutionRedrivenEventDetails": {
   "type": "structure",
   "members": {
    "redriveCount": "RedriveCount"
   }
  },
  "ExecutionStartedEventDetails": {
   "type": "structure",
   "members": {
    "input": "SensitiveData",
    "inputDetails": "HistoryEventExecutionDataDetails",
    "roleArn": "Arn",
    "stateMachineAliasArn": "Arn",
    "stateMachineVersionArn": "Arn"
   }
  },
  "ExecutionStatus": {
   "type": "string",
   "enum": [
    "RUNNING",
    "SUCCEEDED",
    "FAILED",
    "TIMED_OUT",
    "ABORTED",
    "PENDING_REDRIVE"
   ]
  },
  "ExecutionSucceededEventDetails": {
   "type": "structure",
   "members": {
    "output": "SensitiveData",
    "outputDetails": "HistoryEventExecutionDataDetails"
   }
  },
  "ExecutionTimedOutEventDetails": {
   "type": "structure",
   "members": {
    "error": "SensitiveError",
    "cause": "SensitiveCause"
   }
  },
  "GetExecutionHistoryInput": {
   "type": "structure",
   "members": {
    "executionArn": "Arn",
    "maxResults": "PageSize",
    "reverseOrder": "ReverseOrder",
    "nextToken": "PageToken",
    "includeExecutionData": "IncludeExecutionDataGetExecutionHistory"
   },
   "required": [
    "executionArn"
   ]
  },
  "GetExecutionHistoryOutput": {
   "type": "structure",
   "members": {
    "events": "HistoryEventList",
    "nextToken": "PageToken"
   },
   "required": [
    "events"
   ]
  },
  "HTTPBody": {
   "type": "string"
  },
  "HTTPHeaders": {
   "type": "string"
  },
  "HTTPMethod": {
   "type": "string"
  },
  "HTTPProtocol": {
   "type": "string"
  },
  "HTTPStatusCode": {
   "type": "string"
  },
  "HTTPStatusMessage": {
   "type": "string"
  },
  "HistoryEvent": {
   "type": "structure",
   "members": {
    "timestamp": "Timestamp",
    "type": "HistoryEventType",
    "id": "EventId",
    "previousEventId": "EventId",
    "activityFailedEventDetails": "ActivityFailedEventDetails",
    "activityScheduleFailedEventDetails": "ActivityScheduleFailedEventDetails",
    "activityScheduledEventDetails": "ActivityScheduledEventDetails",
    "activityStartedEventDetails": "ActivityStartedEventDetails",
    "activitySucceededEventDetails": "ActivitySucceededEventDetails",
    "activityTimedOutEventDetails": "ActivityTimedOutEventDetails",
    "taskFailedEventDetails": "TaskFailedEventDetails",
    "taskScheduledEventDetails": "TaskScheduledEventDetails",
    "taskStartFailedEventDetails": "TaskStartFailedEventDetails",
    "taskStartedEventDetails": "TaskStartedEventDetails",
    "taskSubmitFailedEventDetails": "TaskSubmitFailedEventDetails",
    "taskSubmittedEventDetails": "TaskSubmittedEventDetails",
    "taskSucceededEventDetails": "TaskSucceededEventDetails",
    "taskTimedOutEventDetails": "TaskTimedOutEventDetails",
    "executionFailedEventDetails": "ExecutionFailedEventDetails",
    "executionStartedEventDetails": "ExecutionStartedEventDetails",
    "executionSucceededEventDetails": "ExecutionSucceededEventDetails",
    "executionAbortedEventDetails": "ExecutionAbortedEventDetails",
    "executionTimedOutEventDetails": "ExecutionTimedOutEventDetails",
    "executionRedrivenEventDetails": "ExecutionRedrivenEventDetails",
    "mapStateStartedEventDetails": "MapStateStartedEventDetails",
    "mapIterationStartedEventDetails": "MapIterationEventDetails",
    "mapIterationSucceededEventDetails": "MapIterationEventDetails",
    "mapIterationFailedEventDetails": "MapIterationEventDetails",
    "mapIterationAbortedEventDetails": "MapIterationEventDetails",
    "lambdaFunctionFailedEventDetails": "LambdaFunctionFailedEventDetails",
    "lambdaFunctionScheduleFailedEventDetails": "LambdaFunctionScheduleFailedEventDetails",
    "lambdaFunctionScheduledEventDetails": "LambdaFunctionScheduledEventDetails",
    "lambdaFunctionStartFailedEventDetails": "LambdaFunctionStartFailedEventDetails",
    "lambdaFunctionSucceededEventDetails": "LambdaFunctionSucceededEventDetails",
    "lambdaFunctionTimedOutEventDetails": "LambdaFunctionTimedOutEventDetails",
    "stateEnteredEventDetails": "StateEnteredEventDetails",
    "stateExitedEventDetails": "StateExitedEventDetails",
    "mapRunStartedEventDetails": "MapRunStartedEventDetails",
    "mapRunFailedEventDetails": "MapRunFailedEventDetails",
    "mapRunRedrivenEventDetails": "MapRunRedrivenEventDetails",
    "evaluationFailedEventDetails": "EvaluationFailedEventDetails"
   },
   "required": [
    "timestamp",
    "type",
    "id"
   ]
  },
  "HistoryEventExecutionDataDetails": {
   "type": "structure",
   "members": {
    "truncated": "truncated"
   }
  },
  "HistoryEventList": {
   "type": "list",
   "member": "HistoryEvent"
  },
  "HistoryEventType": {
   "type": "string",
   "enum": [
    "ActivityFailed",
    "ActivityScheduled",
    "ActivityScheduleFailed",
    "ActivityStarted",
    "ActivitySucceeded",
    "ActivityTimedOut",
    "ChoiceStateEntered",
    "ChoiceStateExited",
    "ExecutionAborted",
    "ExecutionFailed",
    "ExecutionStarted",
    "ExecutionSucceeded",
    "ExecutionTimedOut",
    "FailStateEntered",
    "LambdaFunctionFailed",
    "LambdaFunctionScheduled",
    "LambdaFunctionScheduleFailed",
    "LambdaFunctionStarted",
    "LambdaFunctionStartFailed",
    "LambdaFunctionSucceeded",
    "LambdaFunctionTimedOut",
    "MapIterationAborted",
    "MapIterationFailed",
    "MapIterationStarted",
    "MapIterationSucceeded",
    "MapStateAborted",
    "MapStateEntered",
    "MapStateExited",
    "MapStateFailed",
    "MapStateStarted",
    "MapStateSucceeded",
    "ParallelStateAborted",
    "ParallelStateEntered",
    "ParallelStateExited",
    "ParallelStateFailed",
    "ParallelStateStarted",
    "ParallelStateSucceeded",
    "PassStateEntered",
    "PassStateExited",
    "SucceedStateEntered",
    "SucceedStateExited",
    "TaskFailed",
    "TaskScheduled",
    "TaskStarted",
    "TaskStartFailed",
    "TaskStateAborted",
    "TaskStateEntered",
    "TaskStateExited",
    "TaskSubmitFailed",
    "TaskSubmitted",
    "TaskSucceeded",
    "TaskTimedOut",
    "WaitStateAborted",
    "WaitStateEntered",
    "WaitStateExited",
    "MapRunAborted",
    "MapRunFailed",
    "MapRunStarted",
    "MapRunSucceeded",
    "ExecutionRedriven",
    "MapRunRedriven",
    "EvaluationFailed"
   ]
  },
  "Identity": {
   "type": "string",
   "max": 256
  },
  "IncludeExecutionData": {
   "type": "boolean"
  },
  "IncludeExecutionDataGetExecutionHistory": {
   "type": "boolean"
  },
  "IncludedData": {
   "type": "string",
   "enum": [
    "ALL_DATA",
    "METADATA_ONLY"
   ]
  },
  "InspectionData": {
   "type": "structure",
   "members": {
    "input": "SensitiveData",
    "afterArguments": "SensitiveData",
    "afterInputPath": "SensitiveData",
    "afterParameters": "SensitiveData",
    "result": "SensitiveData",
    "afterResultSelector": "SensitiveData",
    "afterResultPath": "SensitiveData",
    "request": "InspectionDataRequest",
    "response": "InspectionDataResponse",
    "variables": "SensitiveData",
    "errorDetails": "InspectionErrorDetails",
    "afterItemsPath": "SensitiveData",
    "afterItemSelector": "SensitiveData",
    "afterItemBatcher": "SensitiveData",
    "afterItemsPointer": "SensitiveData",
    "toleratedFailureCount": "InspectionToleratedFailureCount",
    "toleratedFailurePercentage": "InspectionToleratedFailurePercentage",
    "maxConcurrency": "InspectionMaxConcurrency"
   }
  },
  "InspectionDataRequest": {
   "type": "structure",
   "members": {
    "protocol": "HTTPProtocol",
    "method": "HTTPMethod",
    "url": "URL",
    "headers": "HTTPHeaders",
    "body": "HTTPBody"
   }
  },
  "InspectionDataResponse": {
   "type": "structure",
   "members": {
    "protocol": "HTTPProtocol",
    "statusCode": "HTTPStatusCode",
    "statusMessage": "HTTPStatusMessage",
    "headers": "HTTPHeaders",
    "body": "HTTPBody"
   }
  },
  "InspectionErrorDetails": {
   "type": "structure",
   "members": {
    "catchIndex": "ExceptionHandlerIndex",
    "retryIndex": "ExceptionHandlerIndex",
    "retryBackoffIntervalSeconds": "RetryBackoffIntervalSeconds"
   }
  },
  "InspectionLevel": {
   "type": "string",
   "enum": [
    "INFO",
    "DEBUG",
    "TRACE"
   ]
  },
  "InspectionMaxConcurrency": {
   "type": "integer",
   "min": 0
  },
  "InspectionToleratedFailureCount": {
   "type": "integer",
   "min": 0
  },
  "InspectionToleratedFailurePercentage": {
   "type": "float",
   "min": 0,
   "max": 100
  },
  "KmsDataKeyReusePeriodSeconds": {
   "type": "integer",
   "min": 60,
   "max": 900
  },
  "KmsKeyId": {
   "type": "string",
   "min": 1,
   "max": 2048
  },
  "LambdaFunctionFailedEventDetails": {
   "type": "structure",
   "members": {
    "error": "SensitiveError",
    "cause": "SensitiveCause"
   }
  },
  "LambdaFunctionScheduleFailedEventDetails": {
   "type": "structure",
   "members": {
    "error": "SensitiveError",
    "cause": "SensitiveCause"
   }
  },
  "LambdaFunctionScheduledEventDetails": {
   "type": "structure",
   "members": {
    "resource": "Arn",
    "input": "SensitiveData",
    "inputDetails": "HistoryEventExecutionDataDetails",
    "timeoutInSeconds": "TimeoutInSeconds",
    "taskCredentials": "TaskCredentials"
   },
   "required": [
    "resource"
   ]
  },
  "LambdaFunctionStartFailedEventDetails": {
   "type": "structure",
   "members": {
    "error": "SensitiveError",
    "cause": "SensitiveCause"
   }
  },
  "LambdaFunctionSucceededEventDetails": {
   "type": "structure",
   "members": {
    "output": "SensitiveData",
    "outputDetails": "HistoryEventExecutionDataDetails"
   }
  },
  "LambdaFunctionTimedOutEventDetails": {
   "type": "structure",
   "members": {
    "error": "SensitiveError",
    "cause": "SensitiveCause"
   }
  },
  "ListExecutionsInput": {
   "type": "structure",
   "members": {
    "stateMachineArn": "Arn",
    "statusFilter": "ExecutionStatus",
    "maxResults": "PageSize",
    "nextToken": "ListExecutionsPageToken",
    "mapRunArn": "LongArn",
    "redriveFilter": "ExecutionRedriveFilter"
   }
  },
  "ListExecutionsOutput": {
   "type": "structure",
   "members": {
    "executions": "ExecutionList",
    "nextToken": "ListExecutionsPageToken"
   },
   "required": [
    "executions"
   ]
  },
  "ListExecutionsPageToken": {
   "type": "string",
   "min": 1,
   "max": 3096
  },
  "ListStateMachinesInput": {
   "type": "structure",
   "members": {
    "maxResults": "PageSize",
    "nextToken": "PageToken"
   }
  },
  "ListStateMachinesOutput": {
   "type": "structure",
   "members": {
    "stateMachines": "StateMachineList",
    "nextToken": "PageToken"
   },
   "required": [
    "stateMachines"
   ]
  },
  "ListTagsForResourceInput": {
   "type": "structure",
   "members": {
    "resourceArn": "Arn"
   },
   "required": [
    "resourceArn"
   ]
  },
  "ListTagsForResourceOutput": {
   "type": "structure",
   "members": {
    "tags": "TagList"
   }
  },
  "LogDestination": {
   "type": "structure",
   "members": {
    "cloudWatchLogsLogGroup": "CloudWatchLogsLogGroup"
   }
  },
  "LogDestinationList": {
   "type": "list",
   "member": "LogDestination"
  },
  "LogLevel": {
   "type": "string",
   "enum": [
    "ALL",
    "ERROR",
    "FATAL",
    "OFF"
   ]
  },
  "LoggingConfiguration": {
   "type": "structure",
   "members": {
    "level": "LogLevel",
    "includeExecutionData": "IncludeExecutionData",
    "destinations": "LogDestinationList"
   }
  },
  "LongArn": {
   "type": "string",
   "min": 1,
   "max": 2000
  },
  "MapIterationEventDetails": {
   "type": "structure",
   "members": {
    "name": "Name",
    "index": "UnsignedInteger"
   }
  },
  "MapIterationFailureCount": {
   "type": "integer",
   "min": 0
  },
  "MapRunFailedEventDetails": {
   "type": "structure",
   "members": {
    "error": "SensitiveError",
    "cause": "SensitiveCause"
   }
  },
  "MapRunLabel": {
   "type": "string"
  },
  "MapRunRedrivenEventDetails": {
   "type": "structure",
   "members": {
    "mapRunArn": "LongArn",
    "redriveCount": "RedriveCount"
   }
  },
  "MapRunStartedEventDetails": {
   "type": "structure",
   "members": {
    "mapRunArn": "LongArn"
   }
  },
  "MapStateStartedEventDetails": {
   "type": "structure",
   "members": {
    "length": "UnsignedInteger"
   }
  },
  "MockErrorOutput": {
   "type": "structure",
   "members": {
    "error": "SensitiveError",
    "cause": "SensitiveCause"
   }
  },
  "MockInput": {
   "type": "structure",
   "members": {
    "result": "SensitiveData",
    "errorOutput": "MockErrorOutput",
    "fieldValidationMode": "MockResponseValidationMode"
   }
  },
  "MockResponseValidationMode": {
   "type": "string",
   "enum": [
    "STRICT",
    "PRESENT",
    "NONE"
   ]
  },
  "Name": {
   "type": "string",
   "min": 1,
   "max": 80
  },
  "PageSize": {
   "type": "integer",
   "min": 0,
   "max": 1000
  },
  "PageToken": {
   "type": "string",
   "min": 1,
   "max": 1024
  },
  "Publish": {
   "type": "boolean"
  },
  "RedriveCount": {
   "type": "integer"
  },
  "RetrierRetryCount": {
   "type": "integer",
   "min": 0
  },
  "RetryBackoffIntervalSeconds": {
   "type": "integer",
   "min": 0
  },
  "RevealSecrets": {
   "type": "boolean"
  },
  "ReverseOrder": {
   "type": "boolean"
  },
  "RevisionId": {
   "type": "string"
  },
  "SendTaskFailureInput": {
   "type": "structure",
   "members": {
    "taskToken": "TaskToken",
    "error": "SensitiveError",
    "cause": "SensitiveCause"
   },
   "required": [
    "taskToken"
   ]
  },
  "SendTaskFailureOutput": {
   "type": "structure",
   "members": {}
  },
  "SendTaskHeartbeatInput": {
   "type": "structure",
   "members": {
    "taskToken": "TaskToken"
   },
   "required": [
    "taskToken"
   ]
  },
  "SendTaskHeartbeatOutput": {
   "type": "structure",
   "members": {}
  },
  "SendTaskSuccessInput": {
   "type": "structure",
   "members": {
    "taskToken": "TaskToken",
    "output": "SensitiveData"
   },
   "required": [
    "taskToken",
    "output"
   ]
  },
  "SendTaskSuccessOutput": {
   "type": "structure",
   "members": {}
  },
  "SensitiveCause": {
   "type": "string",
   "min": 0,
   "max": 32768
  },
  "SensitiveData": {
   "type": "string",
   "max": 262144
  },
  "SensitiveError": {
   "type": "string",
   "min": 0,
   "max": 256
  },
  "StartExecutionInput": {
   "type": "structure",
   "members": {
    "stateMachineArn": "Arn",
    "name": "Name",
    "input": "SensitiveData",
    "traceHeader": "TraceHeader"
   },
   "required": [
    "stateMachineArn"
   ]
  },
  "StartExecutionOutput": {
   "type": "structure",
   "members": {
    "executionArn": "Arn",
    "startDate": "Timestamp"
   },
   "required": [
    "executionArn",
    "startDate"
   ]
  },
  "StateEnteredEventDetails": {
   "type": "structure",
   "members": {
    "name": "Name",
    "input": "SensitiveData",
    "inputDetails": "HistoryEventExecutionDataDetails"
   },
   "required": [
    "name"
   ]
  },
  "StateExitedEventDetails": {
   "type": "structure",
   "members": {
    "name": "Name",
    "output": "SensitiveData",
    "outputDetails": "HistoryEventExecutionDataDetails",
    "assignedVariables": "AssignedVariables",
    "assignedVariablesDetails": "AssignedVariablesDetails"
   },
   "required": [
    "name"
   ]
  },
  "StateMachineList": {
   "type": "list",
   "member": "StateMachineListItem"
  },
  "StateMachineListItem": {
   "type": "structure",
   "members": {
    "stateMachineArn": "Arn",
    "name": "Name",
    "type": "StateMachineType",
    "creationDate": "Timestamp"
   },
   "required": [
    "stateMachineArn",
    "name",
    "type",
    "creationDate"
   ]
  },
  "StateMachineStatus": {
   "type": "string",
   "enum": [
    "ACTIVE",
    "DELETING"
   ]
  },
  "StateMachineType": {
   "type": "string",
   "enum": [
    "STANDARD",
    "EXPRESS"
   ]
  },
  "StateName": {
   "type": "string",
   "min": 1,
   "max": 80
  },
  "StopExecutionInput": {
   "type": "structure",
   "members": {
    "executionArn": "Arn",
    "error": "SensitiveError",
    "cause": "SensitiveCause"
   },
   "required": [
    "executionArn"
   ]
  },
  "StopExecutionOutput": {
   "type": "structure",
   "members": {
    "stopDate": "Timestamp"
   },
   "required": [
    "stopDate"
   ]
  },
  "Tag": {
   "type": "structure",
   "members": {
    "key": "TagKey",
    "value": "TagValue"
   }
  },
  "TagKey": {
   "type": "string",
   "min": 1,
   "max": 128
  },
  "TagList": {
   "type": "list",
   "member": "Tag"
  },
  "TagResourceInput": {
   "type": "structure",
   "members": {
    "resourceArn": "Arn",
    "tags": "TagList"
   },
   "required": [
    "resourceArn",
    "tags"
   ]
  },
  "TagResourceOutput": {
   "type": "structure",
   "members": {}
  },
  "TagValue": {
   "type": "string",
   "min": 0,
   "max": 256
  },
  "TaskCredentials": {
   "type": "structure",
   "members": {
    "roleArn": "LongArn"
   }
  },
  "TaskFailedEventDetails": {
   "type": "structure",
   "members": {
    "resourceType": "Name",
    "resource": "Name",
    "error": "SensitiveError",
    "cause": "SensitiveCause"
   },
   "required": [
    "resourceType",
    "resource"
   ]
  },
  "TaskScheduledEventDetails": {
   "type": "structure",
   "members": {
    "resourceType": "Name",
    "resource": "Name",
    "region": "Name",
    "parameters": "ConnectorParameters",
    "timeoutInSeconds": "TimeoutInSeconds",
    "heartbeatInSeconds": "TimeoutInSeconds",
    "taskCredentials": "TaskCredentials"
   },
   "required": [
    "resourceType",
    "resource",
    "region",
    "parameters"
   ]
  },
  "TaskStartFailedEventDetails": {
   "type": "structure",
   "members": {
    "resourceType": "Name",
    "resource": "Name",
    "error": "SensitiveError",
    "cause": "SensitiveCause"
   },
   "required": [
    "resourceType",
    "resource"
   ]
  },
  "TaskStartedEventDetails": {
   "type": "structure",
   "members": {
    "resourceType": "Name",
    "resource": "Name"
   },
   "required": [
    "resourceType",
    "resource"
   ]
  },
  "TaskSubmitFailedEventDetails": {
   "type": "structure",
   "members": {
    "resourceType": "Name",
    "resource": "Name",
    "error": "SensitiveError",
    "cause": "SensitiveCause"
   },
   "required": [
    "resourceType",
    "resource"
   ]
  },
  "TaskSubmittedEventDetails": {
   "type": "structure",
   "members": {
    "resourceType": "Name",
    "resource": "Name",
    "output": "SensitiveData",
    "outputDetails": "HistoryEventExecutionDataDetails"
   },
   "required": [
    "resourceType",
    "resource"
   ]
  },
  "TaskSucceededEventDetails": {
   "type": "structure",
   "members": {
    "resourceType": "Name",
    "resource": "Name",
    "output": "SensitiveData",
    "outputDetails": "HistoryEventExecutionDataDetails"
   },
   "required": [
    "resourceType",
    "resource"
   ]
  },
  "TaskTimedOutEventDetails": {
   "type": "structure",
   "members": {
    "resourceType": "Name",
    "resource": "Name",
    "error": "SensitiveError",
    "cause": "SensitiveCause"
   },
   "required": [
    "resourceType",
    "resource"
   ]
  },
  "TaskToken": {
   "type": "string",
   "min": 1,
   "max": 2048
  },
  "TestExecutionStatus": {
   "type": "string",
   "enum": [
    "SUCCEEDED",
    "FAILED",
    "RETRIABLE",
    "CAUGHT_ERROR"
   ]
  },
  "TestStateConfiguration": {
   "type": "structure",
   "members": {
    "retrierRetryCount": "RetrierRetryCount",
    "errorCausedByState": "TestStateStateName",
    "mapIterationFailureCount": "MapIterationFailureCount",
    "mapItemReaderData": "SensitiveData"
   }
  },
  "TestStateInput": {
   "type": "structure",
   "members": {
    "definition": "Definition",
    "roleArn": "Arn",
    "input": "SensitiveData",
    "inspectionLevel": "InspectionLevel",
    "revealSecrets": "RevealSecrets",
    "variables": "SensitiveData",
    "stateName": "TestStateStateName",
    "mock": "MockInput",
    "context": "SensitiveData",
    "stateConfiguration": "TestStateConfiguration"
   },
   "required": [
    "definition"
   ]
  },
  "TestStateOutput": {
   "type": "structure",
   "members": {
    "output": "SensitiveData",
    "error": "SensitiveError",
    "cause": "SensitiveCause",
    "inspectionData": "InspectionData",
    "nextState": "StateName",
    "status": "TestExecutionStatus"
   }
  },
  "TestStateStateName": {
   "type": "string",
   "min": 1,
   "max": 80
  },
  "TimeoutInSeconds": {
   "type": "long"
  },
  "Timestamp": {
   "type": "timestamp"
  },
  "TraceHeader": {
   "type": "string",
   "min": 0,
   "max": 256,
   "pattern": "\\p{ASCII}*"
  },
  "TracingConfiguration": {
   "type": "structure",
   "members": {
    "enabled": "Enabled"
   }
  },
  "URL": {
   "type": "string"
  },
  "UnsignedInteger": {
   "type": "integer",
   "min": 0
  },
  "UpdateStateMachineInput": {
   "type": "structure",
   "members": {
    "stateMachineArn": "Arn",
    "definition": "Definition",
    "roleArn": "Arn",
    "loggingConfiguration": "LoggingConfiguration",
    "tracingConfiguration": "TracingConfiguration",
    "publish": "Publish",
    "versionDescription": "VersionDescription",
    "encryptionConfiguration": "EncryptionConfiguration"
   },
   "required": [
    "stateMachineArn"
   ]
  },
  "UpdateStateMachineOutput": {
   "type": "structure",
   "members": {
    "updateDate": "Timestamp",
    "revisionId": "RevisionId",
    "stateMachineVersionArn": "Arn"
   },
   "required": [
    "updateDate"
   ]
  },
  "VariableName": {
   "type": "string"
  },
  "VariableNameList": {
   "type": "list",
   "member": "VariableName"
  },
  "VariableReferences": {
   "type": "map",
   "key": "StateName",
   "value": "VariableNameList"
  },
  "VariableValue": {
   "type": "string"
  },
  "VersionDescription": {
   "type": "string",
   "max": 256
  },
  "includedDetails": {
   "type": "boolean"
  },
  "truncated": {
   "type": "boolean"
  }
 }
};
