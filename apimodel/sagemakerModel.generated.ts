// GENERATED FILE: do not edit. Regenerate with `npm run gen:model -- <service-2.json[.gz]>`.
// Derived by scripts/gen-model.ts from the SageMaker API model service-2.json.gz
// (SageMaker 2017-07-24, uid sagemaker-2017-07-24, sha256 a2c5fdc3fbfaf2e15a81fd41dee2b944a0a1b60e7f971b604daf3553bd803b61),
// botocore JSON, Apache-2.0. Operations of the Step Functions integration and of `serve` and every shape they reach.
import type { ApiModel } from './shape.js';

export const SAGEMAKER_MODEL: ApiModel = {
 "operations": {
  "CreateEndpoint": {
   "input": "CreateEndpointInput",
   "output": "CreateEndpointOutput",
   "errors": [
    "ResourceLimitExceeded"
   ]
  },
  "CreateEndpointConfig": {
   "input": "CreateEndpointConfigInput",
   "output": "CreateEndpointConfigOutput",
   "errors": [
    "ResourceLimitExceeded"
   ]
  },
  "CreateHyperParameterTuningJob": {
   "input": "CreateHyperParameterTuningJobRequest",
   "output": "CreateHyperParameterTuningJobResponse",
   "errors": [
    "ResourceInUse",
    "ResourceLimitExceeded"
   ]
  },
  "CreateLabelingJob": {
   "input": "CreateLabelingJobRequest",
   "output": "CreateLabelingJobResponse",
   "errors": [
    "ResourceInUse",
    "ResourceLimitExceeded"
   ]
  },
  "CreateModel": {
   "input": "CreateModelInput",
   "output": "CreateModelOutput",
   "errors": [
    "ResourceLimitExceeded"
   ]
  },
  "CreateProcessingJob": {
   "input": "CreateProcessingJobRequest",
   "output": "CreateProcessingJobResponse",
   "errors": [
    "ResourceNotFound",
    "ResourceInUse",
    "ResourceLimitExceeded"
   ]
  },
  "CreateTrainingJob": {
   "input": "CreateTrainingJobRequest",
   "output": "CreateTrainingJobResponse",
   "errors": [
    "ResourceNotFound",
    "ResourceInUse",
    "ResourceLimitExceeded"
   ]
  },
  "CreateTransformJob": {
   "input": "CreateTransformJobRequest",
   "output": "CreateTransformJobResponse",
   "errors": [
    "ResourceNotFound",
    "ResourceInUse",
    "ResourceLimitExceeded"
   ]
  },
  "UpdateEndpoint": {
   "input": "UpdateEndpointInput",
   "output": "UpdateEndpointOutput",
   "errors": [
    "ResourceLimitExceeded"
   ]
  },
  "DescribeTrainingJob": {
   "input": "DescribeTrainingJobRequest",
   "output": "DescribeTrainingJobResponse",
   "errors": [
    "ResourceNotFound"
   ]
  },
  "DescribeTransformJob": {
   "input": "DescribeTransformJobRequest",
   "output": "DescribeTransformJobResponse",
   "errors": [
    "ResourceNotFound"
   ]
  },
  "DescribeProcessingJob": {
   "input": "DescribeProcessingJobRequest",
   "output": "DescribeProcessingJobResponse",
   "errors": [
    "ResourceNotFound"
   ]
  },
  "DescribeLabelingJob": {
   "input": "DescribeLabelingJobRequest",
   "output": "DescribeLabelingJobResponse",
   "errors": [
    "ResourceNotFound"
   ]
  },
  "DescribeHyperParameterTuningJob": {
   "input": "DescribeHyperParameterTuningJobRequest",
   "output": "DescribeHyperParameterTuningJobResponse",
   "errors": [
    "ResourceNotFound"
   ]
  },
  "StopTrainingJob": {
   "input": "StopTrainingJobRequest",
   "errors": [
    "ResourceNotFound"
   ]
  },
  "StopTransformJob": {
   "input": "StopTransformJobRequest",
   "errors": [
    "ResourceNotFound"
   ]
  },
  "StopProcessingJob": {
   "input": "StopProcessingJobRequest",
   "errors": [
    "ResourceNotFound"
   ]
  },
  "StopLabelingJob": {
   "input": "StopLabelingJobRequest",
   "errors": [
    "ResourceNotFound"
   ]
  },
  "StopHyperParameterTuningJob": {
   "input": "StopHyperParameterTuningJobRequest",
   "errors": [
    "ResourceNotFound"
   ]
  },
  "ListTags": {
   "input": "ListTagsInput",
   "output": "ListTagsOutput",
   "errors": []
  },
  "AddTags": {
   "input": "AddTagsInput",
   "output": "AddTagsOutput",
   "errors": []
  },
  "DescribeModel": {
   "input": "DescribeModelInput",
   "output": "DescribeModelOutput",
   "errors": []
  },
  "DescribeEndpointConfig": {
   "input": "DescribeEndpointConfigInput",
   "output": "DescribeEndpointConfigOutput",
   "errors": []
  },
  "DescribeEndpoint": {
   "input": "DescribeEndpointInput",
   "output": "DescribeEndpointOutput",
   "errors": []
  },
  "DeleteModel": {
   "input": "DeleteModelInput",
   "errors": []
  },
  "DeleteEndpointConfig": {
   "input": "DeleteEndpointConfigInput",
   "errors": []
  },
  "DeleteEndpoint": {
   "input": "DeleteEndpointInput",
   "errors": []
  },
  "ListTrainingJobs": {
   "input": "ListTrainingJobsRequest",
   "output": "ListTrainingJobsResponse",
   "errors": []
  },
  "ListTransformJobs": {
   "input": "ListTransformJobsRequest",
   "output": "ListTransformJobsResponse",
   "errors": []
  },
  "ListProcessingJobs": {
   "input": "ListProcessingJobsRequest",
   "output": "ListProcessingJobsResponse",
   "errors": []
  },
  "ListLabelingJobs": {
   "input": "ListLabelingJobsRequest",
   "output": "ListLabelingJobsResponse",
   "errors": []
  },
  "ListHyperParameterTuningJobs": {
   "input": "ListHyperParameterTuningJobsRequest",
   "output": "ListHyperParameterTuningJobsResponse",
   "errors": []
  },
  "ListModels": {
   "input": "ListModelsInput",
   "output": "ListModelsOutput",
   "errors": []
  },
  "ListEndpointConfigs": {
   "input": "ListEndpointConfigsInput",
   "output": "ListEndpointConfigsOutput",
   "errors": []
  },
  "ListEndpoints": {
   "input": "ListEndpointsInput",
   "output": "ListEndpointsOutput",
   "errors": []
  }
 },
 "shapes": {
  "Accept": {
   "type": "string",
   "min": 0,
   "max": 256,
   "pattern": ".*"
  },
  "AcceptEula": {
   "type": "boolean"
  },
  "AddTagsInput": {
   "type": "structure",
   "members": {
    "ResourceArn": "ResourceArn",
    "Tags": "TagList"
   },
   "required": [
    "ResourceArn",
    "Tags"
   ]
  },
  "AddTagsOutput": {
   "type": "structure",
   "members": {
    "Tags": "TagList"
   }
  },
  "AdditionalModelChannelName": {
   "type": "string",
   "min": 1,
   "max": 64,
   "pattern": "[A-Za-z0-9\\.\\-_]+"
  },
  "AdditionalModelDataSource": {
   "type": "structure",
   "members": {
    "ChannelName": "AdditionalModelChannelName",
    "S3DataSource": "S3ModelDataSource"
   },
   "required": [
    "ChannelName",
    "S3DataSource"
   ]
  },
  "AdditionalModelDataSources": {
   "type": "list",
   "member": "AdditionalModelDataSource",
   "min": 0,
   "max": 5
  },
  "Alarm": {
   "type": "structure",
   "members": {
    "AlarmName": "AlarmName"
   }
  },
  "AlarmList": {
   "type": "list",
   "member": "Alarm",
   "min": 1,
   "max": 10
  },
  "AlarmName": {
   "type": "string",
   "min": 1,
   "max": 255,
   "pattern": "(?!\\s*$).+"
  },
  "AlgorithmImage": {
   "type": "string",
   "min": 0,
   "max": 255,
   "pattern": ".*"
  },
  "AlgorithmSpecification": {
   "type": "structure",
   "members": {
    "TrainingImage": "AlgorithmImage",
    "AlgorithmName": "ArnOrName",
    "TrainingInputMode": "TrainingInputMode",
    "MetricDefinitions": "MetricDefinitionList",
    "EnableSageMakerMetricsTimeSeries": "Boolean",
    "ContainerEntrypoint": "TrainingContainerEntrypoint",
    "ContainerArguments": "TrainingContainerArguments",
    "TrainingImageConfig": "TrainingImageConfig"
   },
   "required": [
    "TrainingInputMode"
   ]
  },
  "AnnotationConsolidationConfig": {
   "type": "structure",
   "members": {
    "AnnotationConsolidationLambdaArn": "LambdaFunctionArn"
   },
   "required": [
    "AnnotationConsolidationLambdaArn"
   ]
  },
  "AppManaged": {
   "type": "boolean"
  },
  "AppSpecification": {
   "type": "structure",
   "members": {
    "ImageUri": "ImageUri",
    "ContainerEntrypoint": "ContainerEntrypoint",
    "ContainerArguments": "ContainerArguments"
   },
   "required": [
    "ImageUri"
   ]
  },
  "ArnOrName": {
   "type": "string",
   "min": 1,
   "max": 170,
   "pattern": "(arn:aws[a-z\\-]*:sagemaker:[a-z0-9\\-]*:[0-9]{12}:[a-z\\-]*\\/)?([a-zA-Z0-9]([a-zA-Z0-9-]){0,62})(?<!-)"
  },
  "AssemblyType": {
   "type": "string",
   "enum": [
    "None",
    "Line"
   ]
  },
  "AsyncInferenceClientConfig": {
   "type": "structure",
   "members": {
    "MaxConcurrentInvocationsPerInstance": "MaxConcurrentInvocationsPerInstance"
   }
  },
  "AsyncInferenceConfig": {
   "type": "structure",
   "members": {
    "ClientConfig": "AsyncInferenceClientConfig",
    "OutputConfig": "AsyncInferenceOutputConfig"
   },
   "required": [
    "OutputConfig"
   ]
  },
  "AsyncInferenceNotificationConfig": {
   "type": "structure",
   "members": {
    "SuccessTopic": "SnsTopicArn",
    "ErrorTopic": "SnsTopicArn",
    "IncludeInferenceResponseIn": "AsyncNotificationTopicTypeList"
   }
  },
  "AsyncInferenceOutputConfig": {
   "type": "structure",
   "members": {
    "KmsKeyId": "KmsKeyId",
    "S3OutputPath": "DestinationS3Uri",
    "NotificationConfig": "AsyncInferenceNotificationConfig",
    "S3FailurePath": "DestinationS3Uri"
   }
  },
  "AsyncNotificationTopicTypeList": {
   "type": "list",
   "member": "AsyncNotificationTopicTypes",
   "min": 0,
   "max": 2
  },
  "AsyncNotificationTopicTypes": {
   "type": "string",
   "enum": [
    "SUCCESS_NOTIFICATION_TOPIC",
    "ERROR_NOTIFICATION_TOPIC"
   ]
  },
  "AthenaCatalog": {
   "type": "string",
   "min": 1,
   "max": 256,
   "pattern": "[\\u0020-\\uD7FF\\uE000-\\uFFFD\\uD800\\uDC00-\\uDBFF\\uDFFF\\t]*"
  },
  "AthenaDatabase": {
   "type": "string",
   "min": 1,
   "max": 255,
   "pattern": ".*"
  },
  "AthenaDatasetDefinition": {
   "type": "structure",
   "members": {
    "Catalog": "AthenaCatalog",
    "Database": "AthenaDatabase",
    "QueryString": "AthenaQueryString",
    "WorkGroup": "AthenaWorkGroup",
    "OutputS3Uri": "S3Uri",
    "KmsKeyId": "KmsKeyId",
    "OutputFormat": "AthenaResultFormat",
    "OutputCompression": "AthenaResultCompressionType"
   },
   "required": [
    "Catalog",
    "Database",
    "QueryString",
    "OutputS3Uri",
    "OutputFormat"
   ]
  },
  "AthenaQueryString": {
   "type": "string",
   "min": 1,
   "max": 4096,
   "pattern": "[\\s\\S]+"
  },
  "AthenaResultCompressionType": {
   "type": "string",
   "enum": [
    "GZIP",
    "SNAPPY",
    "ZLIB"
   ]
  },
  "AthenaResultFormat": {
   "type": "string",
   "enum": [
    "PARQUET",
    "ORC",
    "AVRO",
    "JSON",
    "TEXTFILE"
   ]
  },
  "AthenaWorkGroup": {
   "type": "string",
   "min": 1,
   "max": 128,
   "pattern": "[a-zA-Z0-9._-]+"
  },
  "AttributeName": {
   "type": "string",
   "min": 1,
   "max": 256,
   "pattern": ".+"
  },
  "AttributeNames": {
   "type": "list",
   "member": "AttributeName",
   "min": 0,
   "max": 16
  },
  "AutoMLJobArn": {
   "type": "string",
   "min": 1,
   "max": 256,
   "pattern": "arn:aws[a-z\\-]*:sagemaker:[a-z0-9\\-]*:[0-9]{12}:automl-job/.*"
  },
  "AutoParameter": {
   "type": "structure",
   "members": {
    "Name": "ParameterKey",
    "ValueHint": "ParameterValue"
   },
   "required": [
    "Name",
    "ValueHint"
   ]
  },
  "AutoParameters": {
   "type": "list",
   "member": "AutoParameter",
   "min": 0,
   "max": 100
  },
  "AutoRollbackConfig": {
   "type": "structure",
   "members": {
    "Alarms": "AlarmList"
   }
  },
  "Autotune": {
   "type": "structure",
   "members": {
    "Mode": "AutotuneMode"
   },
   "required": [
    "Mode"
   ]
  },
  "AutotuneMode": {
   "type": "string",
   "enum": [
    "Enabled"
   ]
  },
  "BatchDataCaptureConfig": {
   "type": "structure",
   "members": {
    "DestinationS3Uri": "S3Uri",
    "KmsKeyId": "KmsKeyId",
    "GenerateInferenceId": "Boolean"
   },
   "required": [
    "DestinationS3Uri"
   ]
  },
  "BatchStrategy": {
   "type": "string",
   "enum": [
    "MultiRecord",
    "SingleRecord"
   ]
  },
  "BestObjectiveNotImproving": {
   "type": "structure",
   "members": {
    "MaxNumberOfTrainingJobsNotImproving": "MaxNumberOfTrainingJobsNotImproving"
   }
  },
  "BillableTimeInSeconds": {
   "type": "integer",
   "min": 1
  },
  "BillableTokenCount": {
   "type": "long",
   "min": 0
  },
  "BlueGreenUpdatePolicy": {
   "type": "structure",
   "members": {
    "TrafficRoutingConfiguration": "TrafficRoutingConfig",
    "TerminationWaitInSeconds": "TerminationWaitInSeconds",
    "MaximumExecutionTimeoutInSeconds": "MaximumExecutionTimeoutInSeconds"
   },
   "required": [
    "TrafficRoutingConfiguration"
   ]
  },
  "Boolean": {
   "type": "boolean"
  },
  "CapacityReservationPreference": {
   "type": "string",
   "enum": [
    "capacity-reservations-only"
   ]
  },
  "CapacitySize": {
   "type": "structure",
   "members": {
    "Type": "CapacitySizeType",
    "Value": "CapacitySizeValue"
   },
   "required": [
    "Type",
    "Value"
   ]
  },
  "CapacitySizeType": {
   "type": "string",
   "enum": [
    "INSTANCE_COUNT",
    "CAPACITY_PERCENT"
   ]
  },
  "CapacitySizeValue": {
   "type": "integer",
   "min": 1
  },
  "CaptureContentTypeHeader": {
   "type": "structure",
   "members": {
    "CsvContentTypes": "CsvContentTypes",
    "JsonContentTypes": "JsonContentTypes"
   }
  },
  "CaptureMode": {
   "type": "string",
   "enum": [
    "Input",
    "Output",
    "InputAndOutput"
   ]
  },
  "CaptureOption": {
   "type": "structure",
   "members": {
    "CaptureMode": "CaptureMode"
   },
   "required": [
    "CaptureMode"
   ]
  },
  "CaptureOptionList": {
   "type": "list",
   "member": "CaptureOption",
   "min": 1,
   "max": 32
  },
  "CaptureStatus": {
   "type": "string",
   "enum": [
    "Started",
    "Stopped"
   ]
  },
  "CategoricalParameterRange": {
   "type": "structure",
   "members": {
    "Name": "ParameterKey",
    "Values": "ParameterValues"
   },
   "required": [
    "Name",
    "Values"
   ]
  },
  "CategoricalParameterRanges": {
   "type": "list",
   "member": "CategoricalParameterRange",
   "min": 0,
   "max": 30
  },
  "Cents": {
   "type": "integer",
   "min": 0,
   "max": 99
  },
  "Channel": {
   "type": "structure",
   "members": {
    "ChannelName": "ChannelName",
    "DataSource": "DataSource",
    "ContentType": "ContentType",
    "CompressionType": "CompressionType",
    "RecordWrapperType": "RecordWrapper",
    "InputMode": "TrainingInputMode",
    "ShuffleConfig": "ShuffleConfig"
   },
   "required": [
    "ChannelName",
    "DataSource"
   ]
  },
  "ChannelName": {
   "type": "string",
   "min": 1,
   "max": 64,
   "pattern": "[A-Za-z0-9\\.\\-_]+"
  },
  "CheckpointConfig": {
   "type": "structure",
   "members": {
    "S3Uri": "S3Uri",
    "LocalPath": "DirectoryPath"
   },
   "required": [
    "S3Uri"
   ]
  },
  "ClarifyContentTemplate": {
   "type": "string",
   "min": 1,
   "max": 64,
   "pattern": ".*"
  },
  "ClarifyEnableExplanations": {
   "type": "string",
   "min": 1,
   "max": 64,
   "pattern": ".*"
  },
  "ClarifyExplainerConfig": {
   "type": "structure",
   "members": {
    "EnableExplanations": "ClarifyEnableExplanations",
    "InferenceConfig": "ClarifyInferenceConfig",
    "ShapConfig": "ClarifyShapConfig"
   },
   "required": [
    "ShapConfig"
   ]
  },
  "ClarifyFeatureHeaders": {
   "type": "list",
   "member": "ClarifyHeader",
   "min": 1,
   "max": 256
  },
  "ClarifyFeatureType": {
   "type": "string",
   "enum": [
    "numerical",
    "categorical",
    "text"
   ]
  },
  "ClarifyFeatureTypes": {
   "type": "list",
   "member": "ClarifyFeatureType",
   "min": 1,
   "max": 256
  },
  "ClarifyFeaturesAttribute": {
   "type": "string",
   "min": 1,
   "max": 64,
   "pattern": ".*"
  },
  "ClarifyHeader": {
   "type": "string",
   "min": 1,
   "max": 64,
   "pattern": ".*"
  },
  "ClarifyInferenceConfig": {
   "type": "structure",
   "members": {
    "FeaturesAttribute": "ClarifyFeaturesAttribute",
    "ContentTemplate": "ClarifyContentTemplate",
    "MaxRecordCount": "ClarifyMaxRecordCount",
    "MaxPayloadInMB": "ClarifyMaxPayloadInMB",
    "ProbabilityIndex": "ClarifyProbabilityIndex",
    "LabelIndex": "ClarifyLabelIndex",
    "ProbabilityAttribute": "ClarifyProbabilityAttribute",
    "LabelAttribute": "ClarifyLabelAttribute",
    "LabelHeaders": "ClarifyLabelHeaders",
    "FeatureHeaders": "ClarifyFeatureHeaders",
    "FeatureTypes": "ClarifyFeatureTypes"
   }
  },
  "ClarifyLabelAttribute": {
   "type": "string",
   "min": 1,
   "max": 64,
   "pattern": ".*"
  },
  "ClarifyLabelHeaders": {
   "type": "list",
   "member": "ClarifyHeader",
   "min": 1,
   "max": 16
  },
  "ClarifyLabelIndex": {
   "type": "integer",
   "min": 0
  },
  "ClarifyMaxPayloadInMB": {
   "type": "integer",
   "min": 1,
   "max": 25
  },
  "ClarifyMaxRecordCount": {
   "type": "integer",
   "min": 1
  },
  "ClarifyMimeType": {
   "type": "string",
   "min": 0,
   "max": 255,
   "pattern": "[a-zA-Z0-9](-*[a-zA-Z0-9])*\\/[a-zA-Z0-9](-*[a-zA-Z0-9+.])*"
  },
  "ClarifyProbabilityAttribute": {
   "type": "string",
   "min": 1,
   "max": 64,
   "pattern": ".*"
  },
  "ClarifyProbabilityIndex": {
   "type": "integer",
   "min": 0
  },
  "ClarifyShapBaseline": {
   "type": "string",
   "min": 1,
   "max": 4096,
   "pattern": "[\\s\\S]+"
  },
  "ClarifyShapBaselineConfig": {
   "type": "structure",
   "members": {
    "MimeType": "ClarifyMimeType",
    "ShapBaseline": "ClarifyShapBaseline",
    "ShapBaselineUri": "Url"
   }
  },
  "ClarifyShapConfig": {
   "type": "structure",
   "members": {
    "ShapBaselineConfig": "ClarifyShapBaselineConfig",
    "NumberOfSamples": "ClarifyShapNumberOfSamples",
    "UseLogit": "ClarifyShapUseLogit",
    "Seed": "ClarifyShapSeed",
    "TextConfig": "ClarifyTextConfig"
   },
   "required": [
    "ShapBaselineConfig"
   ]
  },
  "ClarifyShapNumberOfSamples": {
   "type": "integer",
   "min": 1
  },
  "ClarifyShapSeed": {
   "type": "integer"
  },
  "ClarifyShapUseLogit": {
   "type": "boolean"
  },
  "ClarifyTextConfig": {
   "type": "structure",
   "members": {
    "Language": "ClarifyTextLanguage",
    "Granularity": "ClarifyTextGranularity"
   },
   "required": [
    "Language",
    "Granularity"
   ]
  },
  "ClarifyTextGranularity": {
   "type": "string",
   "enum": [
    "token",
    "sentence",
    "paragraph"
   ]
  },
  "ClarifyTextLanguage": {
   "type": "string",
   "enum": [
    "af",
    "sq",
    "ar",
    "hy",
    "eu",
    "bn",
    "bg",
    "ca",
    "zh",
    "hr",
    "cs",
    "da",
    "nl",
    "en",
    "et",
    "fi",
    "fr",
    "de",
    "el",
    "gu",
    "he",
    "hi",
    "hu",
    "is",
    "id",
    "ga",
    "it",
    "kn",
    "ky",
    "lv",
    "lt",
    "lb",
    "mk",
    "ml",
    "mr",
    "ne",
    "nb",
    "fa",
    "pl",
    "pt",
    "ro",
    "ru",
    "sa",
    "sr",
    "tn",
    "si",
    "sk",
    "sl",
    "es",
    "sv",
    "tl",
    "ta",
    "tt",
    "te",
    "tr",
    "uk",
    "ur",
    "yo",
    "lij",
    "xx"
   ]
  },
  "CollectionConfiguration": {
   "type": "structure",
   "members": {
    "CollectionName": "CollectionName",
    "CollectionParameters": "CollectionParameters"
   }
  },
  "CollectionConfigurations": {
   "type": "list",
   "member": "CollectionConfiguration",
   "min": 0,
   "max": 20
  },
  "CollectionName": {
   "type": "string",
   "min": 1,
   "max": 256,
   "pattern": ".*"
  },
  "CollectionParameters": {
   "type": "map",
   "key": "ConfigKey",
   "value": "ConfigValue",
   "min": 0,
   "max": 20
  },
  "CompleteOnConvergence": {
   "type": "string",
   "enum": [
    "Disabled",
    "Enabled"
   ]
  },
  "CompressionType": {
   "type": "string",
   "enum": [
    "None",
    "Gzip"
   ]
  },
  "ConfigKey": {
   "type": "string",
   "min": 1,
   "max": 256,
   "pattern": ".*"
  },
  "ConfigValue": {
   "type": "string",
   "min": 0,
   "max": 256,
   "pattern": ".*"
  },
  "ContainerArgument": {
   "type": "string",
   "min": 0,
   "max": 256,
   "pattern": ".*"
  },
  "ContainerArguments": {
   "type": "list",
   "member": "ContainerArgument",
   "min": 1,
   "max": 100
  },
  "ContainerDefinition": {
   "type": "structure",
   "members": {
    "ContainerHostname": "ContainerHostname",
    "Image": "ContainerImage",
    "ImageConfig": "ImageConfig",
    "Mode": "ContainerMode",
    "ModelDataUrl": "Url",
    "ModelDataSource": "ModelDataSource",
    "AdditionalModelDataSources": "AdditionalModelDataSources",
    "Environment": "EnvironmentMap",
    "ModelPackageName": "VersionedArnOrName",
    "InferenceSpecificationName": "InferenceSpecificationName",
    "MultiModelConfig": "MultiModelConfig"
   }
  },
  "ContainerDefinitionList": {
   "type": "list",
   "member": "ContainerDefinition",
   "min": 0,
   "max": 15
  },
  "ContainerEntrypoint": {
   "type": "list",
   "member": "ContainerEntrypointString",
   "min": 1,
   "max": 100
  },
  "ContainerEntrypointString": {
   "type": "string",
   "min": 0,
   "max": 256,
   "pattern": ".*"
  },
  "ContainerHostname": {
   "type": "string",
   "min": 0,
   "max": 63,
   "pattern": "[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}"
  },
  "ContainerImage": {
   "type": "string",
   "min": 0,
   "max": 255,
   "pattern": "[\\S]+"
  },
  "ContainerMode": {
   "type": "string",
   "enum": [
    "SingleModel",
    "MultiModel"
   ]
  },
  "ContentClassifier": {
   "type": "string",
   "enum": [
    "FreeOfPersonallyIdentifiableInformation",
    "FreeOfAdultContent"
   ]
  },
  "ContentClassifiers": {
   "type": "list",
   "member": "ContentClassifier",
   "min": 0,
   "max": 256
  },
  "ContentType": {
   "type": "string",
   "min": 0,
   "max": 256,
   "pattern": ".*"
  },
  "ContinuousParameterRange": {
   "type": "structure",
   "members": {
    "Name": "ParameterKey",
    "MinValue": "ParameterValue",
    "MaxValue": "ParameterValue",
    "ScalingType": "HyperParameterScalingType"
   },
   "required": [
    "Name",
    "MinValue",
    "MaxValue"
   ]
  },
  "ContinuousParameterRanges": {
   "type": "list",
   "member": "ContinuousParameterRange",
   "min": 0,
   "max": 30
  },
  "ConvergenceDetected": {
   "type": "structure",
   "members": {
    "CompleteOnConvergence": "CompleteOnConvergence"
   }
  },
  "CreateEndpointConfigInput": {
   "type": "structure",
   "members": {
    "EndpointConfigName": "EndpointConfigName",
    "ProductionVariants": "ProductionVariantList",
    "DataCaptureConfig": "DataCaptureConfig",
    "Tags": "TagList",
    "KmsKeyId": "KmsKeyId",
    "AsyncInferenceConfig": "AsyncInferenceConfig",
    "ExplainerConfig": "ExplainerConfig",
    "ShadowProductionVariants": "ProductionVariantList",
    "ExecutionRoleArn": "RoleArn",
    "VpcConfig": "VpcConfig",
    "EnableNetworkIsolation": "Boolean",
    "MetricsConfig": "MetricsConfig"
   },
   "required": [
    "EndpointConfigName",
    "ProductionVariants"
   ]
  },
  "CreateEndpointConfigOutput": {
   "type": "structure",
   "members": {
    "EndpointConfigArn": "EndpointConfigArn"
   },
   "required": [
    "EndpointConfigArn"
   ]
  },
  "CreateEndpointInput": {
   "type": "structure",
   "members": {
    "EndpointName": "EndpointName",
    "EndpointConfigName": "EndpointConfigName",
    "DeploymentConfig": "DeploymentConfig",
    "Tags": "TagList"
   },
   "required": [
    "EndpointName",
    "EndpointConfigName"
   ]
  },
  "CreateEndpointOutput": {
   "type": "structure",
   "members": {
    "EndpointArn": "EndpointArn"
   },
   "required": [
    "EndpointArn"
   ]
  },
  "CreateHyperParameterTuningJobRequest": {
   "type": "structure",
   "members": {
    "HyperParameterTuningJobName": "HyperParameterTuningJobName",
    "HyperParameterTuningJobConfig": "HyperParameterTuningJobConfig",
    "TrainingJobDefinition": "HyperParameterTrainingJobDefinition",
    "TrainingJobDefinitions": "HyperParameterTrainingJobDefinitions",
    "WarmStartConfig": "HyperParameterTuningJobWarmStartConfig",
    "Tags": "TagList",
    "Autotune": "Autotune"
   },
   "required": [
    "HyperParameterTuningJobName",
    "HyperParameterTuningJobConfig"
   ]
  },
  "CreateHyperParameterTuningJobResponse": {
   "type": "structure",
   "members": {
    "HyperParameterTuningJobArn": "HyperParameterTuningJobArn"
   },
   "required": [
    "HyperParameterTuningJobArn"
   ]
  },
  "CreateLabelingJobRequest": {
   "type": "structure",
   "members": {
    "LabelingJobName": "LabelingJobName",
    "LabelAttributeName": "LabelAttributeName",
    "InputConfig": "LabelingJobInputConfig",
    "OutputConfig": "LabelingJobOutputConfig",
    "RoleArn": "RoleArn",
    "LabelCategoryConfigS3Uri": "S3Uri",
    "StoppingConditions": "LabelingJobStoppingConditions",
    "LabelingJobAlgorithmsConfig": "LabelingJobAlgorithmsConfig",
    "HumanTaskConfig": "HumanTaskConfig",
    "Tags": "TagList"
   },
   "required": [
    "LabelingJobName",
    "LabelAttributeName",
    "InputConfig",
    "OutputConfig",
    "RoleArn",
    "HumanTaskConfig"
   ]
  },
  "CreateLabelingJobResponse": {
   "type": "structure",
   "members": {
    "LabelingJobArn": "LabelingJobArn"
   },
   "required": [
    "LabelingJobArn"
   ]
  },
  "CreateModelInput": {
   "type": "structure",
   "members": {
    "ModelName": "ModelName",
    "PrimaryContainer": "ContainerDefinition",
    "Containers": "ContainerDefinitionList",
    "InferenceExecutionConfig": "InferenceExecutionConfig",
    "ExecutionRoleArn": "RoleArn",
    "Tags": "TagList",
    "VpcConfig": "VpcConfig",
    "EnableNetworkIsolation": "Boolean"
   },
   "required": [
    "ModelName"
   ]
  },
  "CreateModelOutput": {
   "type": "structure",
   "members": {
    "ModelArn": "ModelArn"
   },
   "required": [
    "ModelArn"
   ]
  },
  "CreateProcessingJobRequest": {
   "type": "structure",
   "members": {
    "ProcessingInputs": "ProcessingInputs",
    "ProcessingOutputConfig": "ProcessingOutputConfig",
    "ProcessingJobName": "ProcessingJobName",
    "ProcessingResources": "ProcessingResources",
    "StoppingCondition": "ProcessingStoppingCondition",
    "AppSpecification": "AppSpecification",
    "Environment": "ProcessingEnvironmentMap",
    "NetworkConfig": "NetworkConfig",
    "RoleArn": "RoleArn",
    "Tags": "TagList",
    "ExperimentConfig": "ExperimentConfig"
   },
   "required": [
    "ProcessingJobName",
    "ProcessingResources",
    "AppSpecification",
    "RoleArn"
   ]
  },
  "CreateProcessingJobResponse": {
   "type": "structure",
   "members": {
    "ProcessingJobArn": "ProcessingJobArn"
   },
   "required": [
    "ProcessingJobArn"
   ]
  },
  "CreateTrainingJobRequest": {
   "type": "structure",
   "members": {
    "TrainingJobName": "TrainingJobName",
    "HyperParameters": "HyperParameters",
    "AlgorithmSpecification": "AlgorithmSpecification",
    "RoleArn": "RoleArn",
    "InputDataConfig": "InputDataConfig",
    "OutputDataConfig": "OutputDataConfig",
    "ResourceConfig": "ResourceConfig",
    "VpcConfig": "VpcConfig",
    "StoppingCondition": "StoppingCondition",
    "Tags": "TagList",
    "EnableNetworkIsolation": "Boolean",
    "EnableInterContainerTrafficEncryption": "Boolean",
    "EnableManagedSpotTraining": "Boolean",
    "CheckpointConfig": "CheckpointConfig",
    "DebugHookConfig": "DebugHookConfig",
    "DebugRuleConfigurations": "DebugRuleConfigurations",
    "TensorBoardOutputConfig": "TensorBoardOutputConfig",
    "ExperimentConfig": "ExperimentConfig",
    "ProfilerConfig": "ProfilerConfig",
    "ProfilerRuleConfigurations": "ProfilerRuleConfigurations",
    "Environment": "TrainingEnvironmentMap",
    "RetryStrategy": "RetryStrategy",
    "RemoteDebugConfig": "RemoteDebugConfig",
    "InfraCheckConfig": "InfraCheckConfig",
    "SessionChainingConfig": "SessionChainingConfig",
    "ServerlessJobConfig": "ServerlessJobConfig",
    "MlflowConfig": "MlflowConfig",
    "ModelPackageConfig": "ModelPackageConfig"
   },
   "required": [
    "TrainingJobName",
    "RoleArn",
    "OutputDataConfig"
   ]
  },
  "CreateTrainingJobResponse": {
   "type": "structure",
   "members": {
    "TrainingJobArn": "TrainingJobArn"
   },
   "required": [
    "TrainingJobArn"
   ]
  },
  "CreateTransformJobRequest": {
   "type": "structure",
   "members": {
    "TransformJobName": "TransformJobName",
    "ModelName": "ModelName",
    "MaxConcurrentTransforms": "MaxConcurrentTransforms",
    "ModelClientConfig": "ModelClientConfig",
    "MaxPayloadInMB": "MaxPayloadInMB",
    "BatchStrategy": "BatchStrategy",
    "Environment": "TransformEnvironmentMap",
    "TransformInput": "TransformInput",
    "TransformOutput": "TransformOutput",
    "DataCaptureConfig": "BatchDataCaptureConfig",
    "TransformResources": "TransformResources",
    "DataProcessing": "DataProcessing",
    "Tags": "TagList",
    "ExperimentConfig": "ExperimentConfig"
   },
   "required": [
    "TransformJobName",
    "ModelName",
    "TransformInput",
    "TransformOutput",
    "TransformResources"
   ]
  },
  "CreateTransformJobResponse": {
   "type": "structure",
   "members": {
    "TransformJobArn": "TransformJobArn"
   },
   "required": [
    "TransformJobArn"
   ]
  },
  "CsvContentType": {
   "type": "string",
   "min": 1,
   "max": 256,
   "pattern": "[a-zA-Z0-9](-*[a-zA-Z0-9])*\\/[a-zA-Z0-9](-*[a-zA-Z0-9.])*"
  },
  "CsvContentTypes": {
   "type": "list",
   "member": "CsvContentType",
   "min": 1,
   "max": 10
  },
  "CustomizationTechnique": {
   "type": "string",
   "enum": [
    "SFT",
    "DPO",
    "RLVR",
    "RLAIF"
   ]
  },
  "DataCaptureConfig": {
   "type": "structure",
   "members": {
    "EnableCapture": "EnableCapture",
    "InitialSamplingPercentage": "SamplingPercentage",
    "DestinationS3Uri": "DestinationS3Uri",
    "KmsKeyId": "KmsKeyId",
    "CaptureOptions": "CaptureOptionList",
    "CaptureContentTypeHeader": "CaptureContentTypeHeader"
   },
   "required": [
    "InitialSamplingPercentage",
    "DestinationS3Uri",
    "CaptureOptions"
   ]
  },
  "DataCaptureConfigSummary": {
   "type": "structure",
   "members": {
    "EnableCapture": "EnableCapture",
    "CaptureStatus": "CaptureStatus",
    "CurrentSamplingPercentage": "SamplingPercentage",
    "DestinationS3Uri": "DestinationS3Uri",
    "KmsKeyId": "KmsKeyId"
   },
   "required": [
    "EnableCapture",
    "CaptureStatus",
    "CurrentSamplingPercentage",
    "DestinationS3Uri",
    "KmsKeyId"
   ]
  },
  "DataDistributionType": {
   "type": "string",
   "enum": [
    "FullyReplicated",
    "ShardedByS3Key"
   ]
  },
  "DataProcessing": {
   "type": "structure",
   "members": {
    "InputFilter": "JsonPath",
    "OutputFilter": "JsonPath",
    "JoinSource": "JoinSource"
   }
  },
  "DataSource": {
   "type": "structure",
   "members": {
    "S3DataSource": "S3DataSource",
    "FileSystemDataSource": "FileSystemDataSource",
    "DatasetSource": "DatasetSource"
   }
  },
  "DatasetDefinition": {
   "type": "structure",
   "members": {
    "AthenaDatasetDefinition": "AthenaDatasetDefinition",
    "RedshiftDatasetDefinition": "RedshiftDatasetDefinition",
    "LocalPath": "ProcessingLocalPath",
    "DataDistributionType": "DataDistributionType",
    "InputMode": "InputMode"
   }
  },
  "DatasetSource": {
   "type": "structure",
   "members": {
    "DatasetArn": "HubDataSetArn"
   },
   "required": [
    "DatasetArn"
   ]
  },
  "DebugHookConfig": {
   "type": "structure",
   "members": {
    "LocalPath": "DirectoryPath",
    "S3OutputPath": "S3Uri",
    "HookParameters": "HookParameters",
    "CollectionConfigurations": "CollectionConfigurations"
   },
   "required": [
    "S3OutputPath"
   ]
  },
  "DebugRuleConfiguration": {
   "type": "structure",
   "members": {
    "RuleConfigurationName": "RuleConfigurationName",
    "LocalPath": "DirectoryPath",
    "S3OutputPath": "S3Uri",
    "RuleEvaluatorImage": "AlgorithmImage",
    "InstanceType": "ProcessingInstanceType",
    "VolumeSizeInGB": "OptionalVolumeSizeInGB",
    "RuleParameters": "RuleParameters"
   },
   "required": [
    "RuleConfigurationName",
    "RuleEvaluatorImage"
   ]
  },
  "DebugRuleConfigurations": {
   "type": "list",
   "member": "DebugRuleConfiguration",
   "min": 0,
   "max": 20
  },
  "DebugRuleEvaluationStatus": {
   "type": "structure",
   "members": {
    "RuleConfigurationName": "RuleConfigurationName",
    "RuleEvaluationJobArn": "ProcessingJobArn",
    "RuleEvaluationStatus": "RuleEvaluationStatus",
    "StatusDetails": "StatusDetails",
    "LastModifiedTime": "Timestamp"
   }
  },
  "DebugRuleEvaluationStatuses": {
   "type": "list",
   "member": "DebugRuleEvaluationStatus",
   "min": 0,
   "max": 20
  },
  "DeleteEndpointConfigInput": {
   "type": "structure",
   "members": {
    "EndpointConfigName": "EndpointConfigName"
   },
   "required": [
    "EndpointConfigName"
   ]
  },
  "DeleteEndpointInput": {
   "type": "structure",
   "members": {
    "EndpointName": "EndpointName"
   },
   "required": [
    "EndpointName"
   ]
  },
  "DeleteModelInput": {
   "type": "structure",
   "members": {
    "ModelName": "ModelName"
   },
   "required": [
    "ModelName"
   ]
  },
  "DeployedImage": {
   "type": "structure",
   "members": {
    "SpecifiedImage": "ContainerImage",
    "ResolvedImage": "ContainerImage",
    "ResolutionTime": "Timestamp"
   }
  },
  "DeployedImages": {
   "type": "list",
   "member": "DeployedImage"
  },
  "DeploymentConfig": {
   "type": "structure",
   "members": {
    "BlueGreenUpdatePolicy": "BlueGreenUpdatePolicy",
    "RollingUpdatePolicy": "RollingUpdatePolicy",
    "AutoRollbackConfiguration": "AutoRollbackConfig"
   }
  },
  "DeploymentRecommendation": {
   "type": "structure",
   "members": {
    "RecommendationStatus": "RecommendationStatus",
    "RealTimeInferenceRecommendations": "RealTimeInferenceRecommendations"
   },
   "required": [
    "RecommendationStatus"
   ]
  },
  "DescribeEndpointConfigInput": {
   "type": "structure",
   "members": {
    "EndpointConfigName": "EndpointConfigName"
   },
   "required": [
    "EndpointConfigName"
   ]
  },
  "DescribeEndpointConfigOutput": {
   "type": "structure",
   "members": {
    "EndpointConfigName": "EndpointConfigName",
    "EndpointConfigArn": "EndpointConfigArn",
    "ProductionVariants": "ProductionVariantList",
    "DataCaptureConfig": "DataCaptureConfig",
    "KmsKeyId": "KmsKeyId",
    "CreationTime": "Timestamp",
    "AsyncInferenceConfig": "AsyncInferenceConfig",
    "ExplainerConfig": "ExplainerConfig",
    "ShadowProductionVariants": "ProductionVariantList",
    "ExecutionRoleArn": "RoleArn",
    "VpcConfig": "VpcConfig",
    "EnableNetworkIsolation": "Boolean",
    "MetricsConfig": "MetricsConfig"
   },
   "required": [
    "EndpointConfigName",
    "EndpointConfigArn",
    "ProductionVariants",
    "CreationTime"
   ]
  },
  "DescribeEndpointInput": {
   "type": "structure",
   "members": {
    "EndpointName": "EndpointName"
   },
   "required": [
    "EndpointName"
   ]
  },
  "DescribeEndpointOutput": {
   "type": "structure",
   "members": {
    "EndpointName": "EndpointName",
    "EndpointArn": "EndpointArn",
    "EndpointConfigName": "EndpointConfigName",
    "ProductionVariants": "ProductionVariantSummaryList",
    "DataCaptureConfig": "DataCaptureConfigSummary",
    "EndpointStatus": "EndpointStatus",
    "FailureReason": "FailureReason",
    "CreationTime": "Timestamp",
    "LastModifiedTime": "Timestamp",
    "LastDeploymentConfig": "DeploymentConfig",
    "AsyncInferenceConfig": "AsyncInferenceConfig",
    "PendingDeploymentSummary": "PendingDeploymentSummary",
    "ExplainerConfig": "ExplainerConfig",
    "ShadowProductionVariants": "ProductionVariantSummaryList",
    "MetricsConfig": "MetricsConfig"
   },
   "required": [
    "EndpointName",
    "EndpointArn",
    "EndpointStatus",
    "CreationTime",
    "LastModifiedTime"
   ]
  },
  "DescribeHyperParameterTuningJobRequest": {
   "type": "structure",
   "members": {
    "HyperParameterTuningJobName": "HyperParameterTuningJobName"
   },
   "required": [
    "HyperParameterTuningJobName"
   ]
  },
  "DescribeHyperParameterTuningJobResponse": {
   "type": "structure",
   "members": {
    "HyperParameterTuningJobName": "HyperParameterTuningJobName",
    "HyperParameterTuningJobArn": "HyperParameterTuningJobArn",
    "HyperParameterTuningJobConfig": "HyperParameterTuningJobConfig",
    "TrainingJobDefinition": "HyperParameterTrainingJobDefinition",
    "TrainingJobDefinitions": "HyperParameterTrainingJobDefinitions",
    "HyperParameterTuningJobStatus": "HyperParameterTuningJobStatus",
    "CreationTime": "Timestamp",
    "HyperParameterTuningEndTime": "Timestamp",
    "LastModifiedTime": "Timestamp",
    "TrainingJobStatusCounters": "TrainingJobStatusCounters",
    "ObjectiveStatusCounters": "ObjectiveStatusCounters",
    "BestTrainingJob": "HyperParameterTrainingJobSummary",
    "OverallBestTrainingJob": "HyperParameterTrainingJobSummary",
    "WarmStartConfig": "HyperParameterTuningJobWarmStartConfig",
    "Autotune": "Autotune",
    "FailureReason": "FailureReason",
    "TuningJobCompletionDetails": "HyperParameterTuningJobCompletionDetails",
    "ConsumedResources": "HyperParameterTuningJobConsumedResources"
   },
   "required": [
    "HyperParameterTuningJobName",
    "HyperParameterTuningJobArn",
    "HyperParameterTuningJobConfig",
    "HyperParameterTuningJobStatus",
    "CreationTime",
    "TrainingJobStatusCounters",
    "ObjectiveStatusCounters"
   ]
  },
  "DescribeLabelingJobRequest": {
   "type": "structure",
   "members": {
    "LabelingJobName": "LabelingJobName"
   },
   "required": [
    "LabelingJobName"
   ]
  },
  "DescribeLabelingJobResponse": {
   "type": "structure",
   "members": {
    "LabelingJobStatus": "LabelingJobStatus",
    "LabelCounters": "LabelCounters",
    "FailureReason": "FailureReason",
    "CreationTime": "Timestamp",
    "LastModifiedTime": "Timestamp",
    "JobReferenceCode": "JobReferenceCode",
    "LabelingJobName": "LabelingJobName",
    "LabelingJobArn": "LabelingJobArn",
    "LabelAttributeName": "LabelAttributeName",
    "InputConfig": "LabelingJobInputConfig",
    "OutputConfig": "LabelingJobOutputConfig",
    "RoleArn": "RoleArn",
    "LabelCategoryConfigS3Uri": "S3Uri",
    "StoppingConditions": "LabelingJobStoppingConditions",
    "LabelingJobAlgorithmsConfig": "LabelingJobAlgorithmsConfig",
    "HumanTaskConfig": "HumanTaskConfig",
    "Tags": "TagList",
    "LabelingJobOutput": "LabelingJobOutput"
   },
   "required": [
    "LabelingJobStatus",
    "LabelCounters",
    "CreationTime",
    "LastModifiedTime",
    "JobReferenceCode",
    "LabelingJobName",
    "LabelingJobArn",
    "InputConfig",
    "OutputConfig",
    "RoleArn",
    "HumanTaskConfig"
   ]
  },
  "DescribeModelInput": {
   "type": "structure",
   "members": {
    "ModelName": "ModelName"
   },
   "required": [
    "ModelName"
   ]
  },
  "DescribeModelOutput": {
   "type": "structure",
   "members": {
    "ModelName": "ModelName",
    "PrimaryContainer": "ContainerDefinition",
    "Containers": "ContainerDefinitionList",
    "InferenceExecutionConfig": "InferenceExecutionConfig",
    "ExecutionRoleArn": "RoleArn",
    "VpcConfig": "VpcConfig",
    "CreationTime": "Timestamp",
    "ModelArn": "ModelArn",
    "EnableNetworkIsolation": "Boolean",
    "DeploymentRecommendation": "DeploymentRecommendation"
   },
   "required": [
    "ModelName",
    "CreationTime",
    "ModelArn"
   ]
  },
  "DescribeProcessingJobRequest": {
   "type": "structure",
   "members": {
    "ProcessingJobName": "ProcessingJobName"
   },
   "required": [
    "ProcessingJobName"
   ]
  },
  "DescribeProcessingJobResponse": {
   "type": "structure",
   "members": {
    "ProcessingInputs": "ProcessingInputs",
    "ProcessingOutputConfig": "ProcessingOutputConfig",
    "ProcessingJobName": "ProcessingJobName",
    "ProcessingResources": "ProcessingResources",
    "StoppingCondition": "ProcessingStoppingCondition",
    "AppSpecification": "AppSpecification",
    "Environment": "ProcessingEnvironmentMap",
    "NetworkConfig": "NetworkConfig",
    "RoleArn": "RoleArn",
    "ExperimentConfig": "ExperimentConfig",
    "ProcessingJobArn": "ProcessingJobArn",
    "ProcessingJobStatus": "ProcessingJobStatus",
    "ExitMessage": "ExitMessage",
    "FailureReason": "FailureReason",
    "ProcessingEndTime": "Timestamp",
    "ProcessingStartTime": "Timestamp",
    "LastModifiedTime": "Timestamp",
    "CreationTime": "Timestamp",
    "MonitoringScheduleArn": "MonitoringScheduleArn",
    "AutoMLJobArn": "AutoMLJobArn",
    "TrainingJobArn": "TrainingJobArn"
   },
   "required": [
    "ProcessingJobName",
    "ProcessingResources",
    "AppSpecification",
    "ProcessingJobArn",
    "ProcessingJobStatus",
    "CreationTime"
   ]
  },
  "DescribeTrainingJobRequest": {
   "type": "structure",
   "members": {
    "TrainingJobName": "TrainingJobName"
   },
   "required": [
    "TrainingJobName"
   ]
  },
  "DescribeTrainingJobResponse": {
   "type": "structure",
   "members": {
    "TrainingJobName": "TrainingJobName",
    "TrainingJobArn": "TrainingJobArn",
    "TuningJobArn": "HyperParameterTuningJobArn",
    "LabelingJobArn": "LabelingJobArn",
    "AutoMLJobArn": "AutoMLJobArn",
    "ModelArtifacts": "ModelArtifacts",
    "TrainingJobStatus": "TrainingJobStatus",
    "SecondaryStatus": "SecondaryStatus",
    "FailureReason": "FailureReason",
    "HyperParameters": "HyperParameters",
    "AlgorithmSpecification": "AlgorithmSpecification",
    "RoleArn": "RoleArn",
    "InputDataConfig": "InputDataConfig",
    "OutputDataConfig": "OutputDataConfig",
    "ResourceConfig": "ResourceConfig",
    "WarmPoolStatus": "WarmPoolStatus",
    "VpcConfig": "VpcConfig",
    "StoppingCondition": "StoppingCondition",
    "CreationTime": "Timestamp",
    "TrainingStartTime": "Timestamp",
    "TrainingEndTime": "Timestamp",
    "LastModifiedTime": "Timestamp",
    "SecondaryStatusTransitions": "SecondaryStatusTransitions",
    "FinalMetricDataList": "FinalMetricDataList",
    "EnableNetworkIsolation": "Boolean",
    "EnableInterContainerTrafficEncryption": "Boolean",
    "EnableManagedSpotTraining": "Boolean",
    "CheckpointConfig": "CheckpointConfig",
    "TrainingTimeInSeconds": "TrainingTimeInSeconds",
    "BillableTimeInSeconds": "BillableTimeInSeconds",
    "BillableTokenCount": "BillableTokenCount",
    "DebugHookConfig": "DebugHookConfig",
    "ExperimentConfig": "ExperimentConfig",
    "DebugRuleConfigurations": "DebugRuleConfigurations",
    "TensorBoardOutputConfig": "TensorBoardOutputConfig",
    "DebugRuleEvaluationStatuses": "DebugRuleEvaluationStatuses",
    "ProfilerConfig": "ProfilerConfig",
    "ProfilerRuleConfigurations": "ProfilerRuleConfigurations",
    "ProfilerRuleEvaluationStatuses": "ProfilerRuleEvaluationStatuses",
    "ProfilingStatus": "ProfilingStatus",
    "Environment": "TrainingEnvironmentMap",
    "RetryStrategy": "RetryStrategy",
    "RemoteDebugConfig": "RemoteDebugConfig",
    "InfraCheckConfig": "InfraCheckConfig",
    "ServerlessJobConfig": "ServerlessJobConfig",
    "MlflowConfig": "MlflowConfig",
    "ModelPackageConfig": "ModelPackageConfig",
    "MlflowDetails": "MlflowDetails",
    "ProgressInfo": "TrainingProgressInfo",
    "OutputModelPackageArn": "ModelPackageArn"
   },
   "required": [
    "TrainingJobName",
    "TrainingJobArn",
    "ModelArtifacts",
    "TrainingJobStatus",
    "SecondaryStatus",
    "StoppingCondition",
    "CreationTime"
   ]
  },
  "DescribeTransformJobRequest": {
   "type": "structure",
   "members": {
    "TransformJobName": "TransformJobName"
   },
   "required": [
    "TransformJobName"
   ]
  },
  "DescribeTransformJobResponse": {
   "type": "structure",
   "members": {
    "TransformJobName": "TransformJobName",
    "TransformJobArn": "TransformJobArn",
    "TransformJobStatus": "TransformJobStatus",
    "FailureReason": "FailureReason",
    "ModelName": "ModelName",
    "MaxConcurrentTransforms": "MaxConcurrentTransforms",
    "ModelClientConfig": "ModelClientConfig",
    "MaxPayloadInMB": "MaxPayloadInMB",
    "BatchStrategy": "BatchStrategy",
    "Environment": "TransformEnvironmentMap",
    "TransformInput": "TransformInput",
    "TransformOutput": "TransformOutput",
    "DataCaptureConfig": "BatchDataCaptureConfig",
    "TransformResources": "TransformResources",
    "CreationTime": "Timestamp",
    "TransformStartTime": "Timestamp",
    "TransformEndTime": "Timestamp",
    "LabelingJobArn": "LabelingJobArn",
    "AutoMLJobArn": "AutoMLJobArn",
    "DataProcessing": "DataProcessing",
    "ExperimentConfig": "ExperimentConfig"
   },
   "required": [
    "TransformJobName",
    "TransformJobArn",
    "TransformJobStatus",
    "ModelName",
    "TransformInput",
    "TransformResources",
    "CreationTime"
   ]
  },
  "DestinationS3Uri": {
   "type": "string",
   "min": 0,
   "max": 512,
   "pattern": "(https|s3)://([^/])/?(.*)"
  },
  "DirectoryPath": {
   "type": "string",
   "min": 0,
   "max": 4096,
   "pattern": ".*"
  },
  "DisableProfiler": {
   "type": "boolean"
  },
  "Dollars": {
   "type": "integer",
   "min": 0,
   "max": 2
  },
  "Ec2CapacityReservation": {
   "type": "structure",
   "members": {
    "Ec2CapacityReservationId": "Ec2CapacityReservationId",
    "TotalInstanceCount": "TaskCount",
    "AvailableInstanceCount": "TaskCount",
    "UsedByCurrentEndpoint": "TaskCount"
   }
  },
  "Ec2CapacityReservationId": {
   "type": "string"
  },
  "Ec2CapacityReservationsList": {
   "type": "list",
   "member": "Ec2CapacityReservation"
  },
  "EnableCapture": {
   "type": "boolean"
  },
  "EnableEnhancedMetrics": {
   "type": "boolean"
  },
  "EnableInfraCheck": {
   "type": "boolean"
  },
  "EnableRemoteDebug": {
   "type": "boolean"
  },
  "EnableSessionTagChaining": {
   "type": "boolean"
  },
  "EndpointArn": {
   "type": "string",
   "min": 20,
   "max": 2048,
   "pattern": "arn:aws[a-z\\-]*:sagemaker:[a-z0-9\\-]*:[0-9]{12}:endpoint/.*"
  },
  "EndpointConfigArn": {
   "type": "string",
   "min": 20,
   "max": 2048,
   "pattern": "arn:aws[a-z\\-]*:sagemaker:[a-z0-9\\-]*:[0-9]{12}:endpoint-config/.*"
  },
  "EndpointConfigName": {
   "type": "string",
   "min": 0,
   "max": 63,
   "pattern": "[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}"
  },
  "EndpointConfigNameContains": {
   "type": "string",
   "min": 0,
   "max": 63,
   "pattern": "[a-zA-Z0-9-]+"
  },
  "EndpointConfigSortKey": {
   "type": "string",
   "enum": [
    "Name",
    "CreationTime"
   ]
  },
  "EndpointConfigSummary": {
   "type": "structure",
   "members": {
    "EndpointConfigName": "EndpointConfigName",
    "EndpointConfigArn": "EndpointConfigArn",
    "CreationTime": "Timestamp"
   },
   "required": [
    "EndpointConfigName",
    "EndpointConfigArn",
    "CreationTime"
   ]
  },
  "EndpointConfigSummaryList": {
   "type": "list",
   "member": "EndpointConfigSummary"
  },
  "EndpointName": {
   "type": "string",
   "min": 0,
   "max": 63,
   "pattern": "[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}"
  },
  "EndpointNameContains": {
   "type": "string",
   "min": 0,
   "max": 63,
   "pattern": "[a-zA-Z0-9-]+"
  },
  "EndpointSortKey": {
   "type": "string",
   "enum": [
    "Name",
    "CreationTime",
    "Status"
   ]
  },
  "EndpointStatus": {
   "type": "string",
   "enum": [
    "OutOfService",
    "Creating",
    "Updating",
    "SystemUpdating",
    "RollingBack",
    "InService",
    "Deleting",
    "Failed",
    "UpdateRollbackFailed"
   ]
  },
  "EndpointSummary": {
   "type": "structure",
   "members": {
    "EndpointName": "EndpointName",
    "EndpointArn": "EndpointArn",
    "CreationTime": "Timestamp",
    "LastModifiedTime": "Timestamp",
    "EndpointStatus": "EndpointStatus"
   },
   "required": [
    "EndpointName",
    "EndpointArn",
    "CreationTime",
    "LastModifiedTime",
    "EndpointStatus"
   ]
  },
  "EndpointSummaryList": {
   "type": "list",
   "member": "EndpointSummary"
  },
  "EnvironmentKey": {
   "type": "string",
   "min": 0,
   "max": 1024,
   "pattern": "[a-zA-Z_][a-zA-Z0-9_]*"
  },
  "EnvironmentMap": {
   "type": "map",
   "key": "EnvironmentKey",
   "value": "EnvironmentValue",
   "min": 0,
   "max": 100
  },
  "EnvironmentValue": {
   "type": "string",
   "min": 0,
   "max": 1024,
   "pattern": "[\\S\\s]*"
  },
  "EvaluationType": {
   "type": "string",
   "enum": [
    "LLMAJEvaluation",
    "CustomScorerEvaluation",
    "BenchmarkEvaluation"
   ]
  },
  "EvaluatorArn": {
   "type": "string",
   "pattern": ".*"
  },
  "ExitMessage": {
   "type": "string",
   "min": 0,
   "max": 1024,
   "pattern": "[\\S\\s]*"
  },
  "ExperimentConfig": {
   "type": "structure",
   "members": {
    "ExperimentName": "ExperimentEntityName",
    "TrialName": "ExperimentEntityName",
    "TrialComponentDisplayName": "ExperimentEntityName",
    "RunName": "ExperimentEntityName"
   }
  },
  "ExperimentEntityName": {
   "type": "string",
   "min": 1,
   "max": 120,
   "pattern": "[a-zA-Z0-9](-*[a-zA-Z0-9]){0,119}"
  },
  "ExplainerConfig": {
   "type": "structure",
   "members": {
    "ClarifyExplainerConfig": "ClarifyExplainerConfig"
   }
  },
  "FailureReason": {
   "type": "string",
   "min": 0,
   "max": 1024
  },
  "FeatureGroupName": {
   "type": "string",
   "min": 1,
   "max": 64,
   "pattern": "[a-zA-Z0-9]([_-]*[a-zA-Z0-9]){0,63}"
  },
  "FileSystemAccessMode": {
   "type": "string",
   "enum": [
    "rw",
    "ro"
   ]
  },
  "FileSystemDataSource": {
   "type": "structure",
   "members": {
    "FileSystemId": "FileSystemId",
    "FileSystemAccessMode": "FileSystemAccessMode",
    "FileSystemType": "FileSystemType",
    "DirectoryPath": "DirectoryPath"
   },
   "required": [
    "FileSystemId",
    "FileSystemAccessMode",
    "FileSystemType",
    "DirectoryPath"
   ]
  },
  "FileSystemId": {
   "type": "string",
   "min": 11,
   "max": 21,
   "pattern": "(fs-[0-9a-f]{8,})"
  },
  "FileSystemType": {
   "type": "string",
   "enum": [
    "EFS",
    "FSxLustre"
   ]
  },
  "FinalHyperParameterTuningJobObjectiveMetric": {
   "type": "structure",
   "members": {
    "Type": "HyperParameterTuningJobObjectiveType",
    "MetricName": "MetricName",
    "Value": "MetricValue"
   },
   "required": [
    "MetricName",
    "Value"
   ]
  },
  "FinalMetricDataList": {
   "type": "list",
   "member": "MetricData",
   "min": 0,
   "max": 40
  },
  "Float": {
   "type": "float"
  },
  "HookParameters": {
   "type": "map",
   "key": "ConfigKey",
   "value": "ConfigValue",
   "min": 0,
   "max": 20
  },
  "HubAccessConfig": {
   "type": "structure",
   "members": {
    "HubContentArn": "HubContentArn"
   },
   "required": [
    "HubContentArn"
   ]
  },
  "HubContentArn": {
   "type": "string",
   "min": 0,
   "max": 255,
   "pattern": ".*"
  },
  "HubDataSetArn": {
   "type": "string",
   "min": 0,
   "max": 2048,
   "pattern": "(arn:[a-z0-9-\\.]{1,63}:sagemaker:\\w+(?:-\\w+)+:(\\d{12}|aws):hub-content\\/)[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}\\/DataSet\\/[a-zA-Z0-9](-*[a-zA-Z0-9]){0,63}(\\/\\d{1,4}.\\d{1,4}.\\d{1,4})?"
  },
  "HumanTaskConfig": {
   "type": "structure",
   "members": {
    "WorkteamArn": "WorkteamArn",
    "UiConfig": "UiConfig",
    "PreHumanTaskLambdaArn": "LambdaFunctionArn",
    "TaskKeywords": "TaskKeywords",
    "TaskTitle": "TaskTitle",
    "TaskDescription": "TaskDescription",
    "NumberOfHumanWorkersPerDataObject": "NumberOfHumanWorkersPerDataObject",
    "TaskTimeLimitInSeconds": "TaskTimeLimitInSeconds",
    "TaskAvailabilityLifetimeInSeconds": "TaskAvailabilityLifetimeInSeconds",
    "MaxConcurrentTaskCount": "MaxConcurrentTaskCount",
    "AnnotationConsolidationConfig": "AnnotationConsolidationConfig",
    "PublicWorkforceTaskPrice": "PublicWorkforceTaskPrice"
   },
   "required": [
    "WorkteamArn",
    "UiConfig",
    "TaskTitle",
    "TaskDescription",
    "NumberOfHumanWorkersPerDataObject",
    "TaskTimeLimitInSeconds"
   ]
  },
  "HumanTaskUiArn": {
   "type": "string",
   "min": 0,
   "max": 1024,
   "pattern": "arn:aws[a-z\\-]*:sagemaker:[a-z0-9\\-]+:[0-9]{12}:human-task-ui/.*"
  },
  "HyperParameterAlgorithmSpecification": {
   "type": "structure",
   "members": {
    "TrainingImage": "AlgorithmImage",
    "TrainingInputMode": "TrainingInputMode",
    "AlgorithmName": "ArnOrName",
    "MetricDefinitions": "MetricDefinitionList"
   },
   "required": [
    "TrainingInputMode"
   ]
  },
  "HyperParameterKey": {
   "type": "string",
   "min": 0,
   "max": 256,
   "pattern": ".*"
  },
  "HyperParameterScalingType": {
   "type": "string",
   "enum": [
    "Auto",
    "Linear",
    "Logarithmic",
    "ReverseLogarithmic"
   ]
  },
  "HyperParameterTrainingJobDefinition": {
   "type": "structure",
   "members": {
    "DefinitionName": "HyperParameterTrainingJobDefinitionName",
    "TuningObjective": "HyperParameterTuningJobObjective",
    "HyperParameterRanges": "ParameterRanges",
    "StaticHyperParameters": "HyperParameters",
    "AlgorithmSpecification": "HyperParameterAlgorithmSpecification",
    "RoleArn": "RoleArn",
    "InputDataConfig": "InputDataConfig",
    "VpcConfig": "VpcConfig",
    "OutputDataConfig": "OutputDataConfig",
    "ResourceConfig": "ResourceConfig",
    "HyperParameterTuningResourceConfig": "HyperParameterTuningResourceConfig",
    "StoppingCondition": "StoppingCondition",
    "EnableNetworkIsolation": "Boolean",
    "EnableInterContainerTrafficEncryption": "Boolean",
    "EnableManagedSpotTraining": "Boolean",
    "CheckpointConfig": "CheckpointConfig",
    "RetryStrategy": "RetryStrategy",
    "Environment": "HyperParameterTrainingJobEnvironmentMap"
   },
   "required": [
    "AlgorithmSpecification",
    "RoleArn",
    "OutputDataConfig",
    "StoppingCondition"
   ]
  },
  "HyperParameterTrainingJobDefinitionName": {
   "type": "string",
   "min": 1,
   "max": 64,
   "pattern": "[a-zA-Z0-9](-*[a-zA-Z0-9]){0,63}"
  },
  "HyperParameterTrainingJobDefinitions": {
   "type": "list",
   "member": "HyperParameterTrainingJobDefinition",
   "min": 1,
   "max": 10
  },
  "HyperParameterTrainingJobEnvironmentKey": {
   "type": "string",
   "min": 0,
   "max": 512,
   "pattern": "[a-zA-Z_][a-zA-Z0-9_]*"
  },
  "HyperParameterTrainingJobEnvironmentMap": {
   "type": "map",
   "key": "HyperParameterTrainingJobEnvironmentKey",
   "value": "HyperParameterTrainingJobEnvironmentValue",
   "min": 0,
   "max": 48
  },
  "HyperParameterTrainingJobEnvironmentValue": {
   "type": "string",
   "min": 0,
   "max": 512,
   "pattern": "[\\S\\s]*"
  },
  "HyperParameterTrainingJobSummary": {
   "type": "structure",
   "members": {
    "TrainingJobDefinitionName": "HyperParameterTrainingJobDefinitionName",
    "TrainingJobName": "TrainingJobName",
    "TrainingJobArn": "TrainingJobArn",
    "TuningJobName": "HyperParameterTuningJobName",
    "CreationTime": "Timestamp",
    "TrainingStartTime": "Timestamp",
    "TrainingEndTime": "Timestamp",
    "TrainingJobStatus": "TrainingJobStatus",
    "TunedHyperParameters": "HyperParameters",
    "FailureReason": "FailureReason",
    "FinalHyperParameterTuningJobObjectiveMetric": "FinalHyperParameterTuningJobObjectiveMetric",
    "ObjectiveStatus": "ObjectiveStatus"
   },
   "required": [
    "TrainingJobName",
    "TrainingJobArn",
    "CreationTime",
    "TrainingJobStatus",
    "TunedHyperParameters"
   ]
  },
  "HyperParameterTuningAllocationStrategy": {
   "type": "string",
   "enum": [
    "Prioritized"
   ]
  },
  "HyperParameterTuningInstanceConfig": {
   "type": "structure",
   "members": {
    "InstanceType": "TrainingInstanceType",
    "InstanceCount": "TrainingInstanceCount",
    "VolumeSizeInGB": "VolumeSizeInGB"
   },
   "required": [
    "InstanceType",
    "InstanceCount",
    "VolumeSizeInGB"
   ]
  },
  "HyperParameterTuningInstanceConfigs": {
   "type": "list",
   "member": "HyperParameterTuningInstanceConfig",
   "min": 1,
   "max": 6
  },
  "HyperParameterTuningJobArn": {
   "type": "string",
   "min": 0,
   "max": 256,
   "pattern": "arn:aws[a-z\\-]*:sagemaker:[a-z0-9\\-]*:[0-9]{12}:hyper-parameter-tuning-job/.*"
  },
  "HyperParameterTuningJobCompletionDetails": {
   "type": "structure",
   "members": {
    "NumberOfTrainingJobsObjectiveNotImproving": "Integer",
    "ConvergenceDetectedTime": "Timestamp"
   }
  },
  "HyperParameterTuningJobConfig": {
   "type": "structure",
   "members": {
    "Strategy": "HyperParameterTuningJobStrategyType",
    "StrategyConfig": "HyperParameterTuningJobStrategyConfig",
    "HyperParameterTuningJobObjective": "HyperParameterTuningJobObjective",
    "ResourceLimits": "ResourceLimits",
    "ParameterRanges": "ParameterRanges",
    "TrainingJobEarlyStoppingType": "TrainingJobEarlyStoppingType",
    "TuningJobCompletionCriteria": "TuningJobCompletionCriteria",
    "RandomSeed": "RandomSeed"
   },
   "required": [
    "Strategy",
    "ResourceLimits"
   ]
  },
  "HyperParameterTuningJobConsumedResources": {
   "type": "structure",
   "members": {
    "RuntimeInSeconds": "Integer"
   }
  },
  "HyperParameterTuningJobName": {
   "type": "string",
   "min": 1,
   "max": 32,
   "pattern": "[a-zA-Z0-9](-*[a-zA-Z0-9]){0,31}"
  },
  "HyperParameterTuningJobObjective": {
   "type": "structure",
   "members": {
    "Type": "HyperParameterTuningJobObjectiveType",
    "MetricName": "MetricName"
   },
   "required": [
    "Type",
    "MetricName"
   ]
  },
  "HyperParameterTuningJobObjectiveType": {
   "type": "string",
   "enum": [
    "Maximize",
    "Minimize"
   ]
  },
  "HyperParameterTuningJobSortByOptions": {
   "type": "string",
   "enum": [
    "Name",
    "Status",
    "CreationTime"
   ]
  },
  "HyperParameterTuningJobStatus": {
   "type": "string",
   "enum": [
    "Completed",
    "InProgress",
    "Failed",
    "Stopped",
    "Stopping",
    "Deleting",
    "DeleteFailed"
   ]
  },
  "HyperParameterTuningJobStrategyConfig": {
   "type": "structure",
   "members": {
    "HyperbandStrategyConfig": "HyperbandStrategyConfig"
   }
  },
  "HyperParameterTuningJobStrategyType": {
   "type": "string",
   "enum": [
    "Bayesian",
    "Random",
    "Hyperband",
    "Grid"
   ]
  },
  "HyperParameterTuningJobSummaries": {
   "type": "list",
   "member": "HyperParameterTuningJobSummary"
  },
  "HyperParameterTuningJobSummary": {
   "type": "structure",
   "members": {
    "HyperParameterTuningJobName": "HyperParameterTuningJobName",
    "HyperParameterTuningJobArn": "HyperParameterTuningJobArn",
    "HyperParameterTuningJobStatus": "HyperParameterTuningJobStatus",
    "Strategy": "HyperParameterTuningJobStrategyType",
    "CreationTime": "Timestamp",
    "HyperParameterTuningEndTime": "Timestamp",
    "LastModifiedTime": "Timestamp",
    "TrainingJobStatusCounters": "TrainingJobStatusCounters",
    "ObjectiveStatusCounters": "ObjectiveStatusCounters",
    "ResourceLimits": "ResourceLimits"
   },
   "required": [
    "HyperParameterTuningJobName",
    "HyperParameterTuningJobArn",
    "HyperParameterTuningJobStatus",
    "Strategy",
    "CreationTime",
    "TrainingJobStatusCounters",
    "ObjectiveStatusCounters"
   ]
  },
  "HyperParameterTuningJobWarmStartConfig": {
   "type": "structure",
   "members": {
    "ParentHyperParameterTuningJobs": "ParentHyperParameterTuningJobs",
    "WarmStartType": "HyperParameterTuningJobWarmStartType"
   },
   "required": [
    "ParentHyperParameterTuningJobs",
    "WarmStartType"
   ]
  },
  "HyperParameterTuningJobWarmStartType": {
   "type": "string",
   "enum": [
    "IdenticalDataAndAlgorithm",
    "TransferLearning"
   ]
  },
  "HyperParameterTuningMaxRuntimeInSeconds": {
   "type": "integer",
   "min": 120,
   "max": 15768000
  },
  "HyperParameterTuningResourceConfig": {
   "type": "structure",
   "members": {
    "InstanceType": "TrainingInstanceType",
    "InstanceCount": "TrainingInstanceCount",
    "VolumeSizeInGB": "OptionalVolumeSizeInGB",
    "VolumeKmsKeyId": "KmsKeyId",
    "AllocationStrategy": "HyperParameterTuningAllocationStrategy",
    "InstanceConfigs": "HyperParameterTuningInstanceConfigs"
   }
  },
  "HyperParameterValue": {
   "type": "string",
   "min": 0,
   "max": 2500,
   "pattern": ".*"
  },
  "HyperParameters": {
   "type": "map",
   "key": "HyperParameterKey",
   "value": "HyperParameterValue",
   "min": 0,
   "max": 100
  },
  "HyperbandStrategyConfig": {
   "type": "structure",
   "members": {
    "MinResource": "HyperbandStrategyMinResource",
    "MaxResource": "HyperbandStrategyMaxResource"
   }
  },
  "HyperbandStrategyMaxResource": {
   "type": "integer",
   "min": 1
  },
  "HyperbandStrategyMinResource": {
   "type": "integer",
   "min": 1
  },
  "ImageConfig": {
   "type": "structure",
   "members": {
    "RepositoryAccessMode": "RepositoryAccessMode",
    "RepositoryAuthConfig": "RepositoryAuthConfig"
   },
   "required": [
    "RepositoryAccessMode"
   ]
  },
  "ImageUri": {
   "type": "string",
   "min": 0,
   "max": 255,
   "pattern": ".*"
  },
  "InferenceExecutionConfig": {
   "type": "structure",
   "members": {
    "Mode": "InferenceExecutionMode"
   },
   "required": [
    "Mode"
   ]
  },
  "InferenceExecutionMode": {
   "type": "string",
   "enum": [
    "Serial",
    "Direct"
   ]
  },
  "InferenceHubAccessConfig": {
   "type": "structure",
   "members": {
    "HubContentArn": "HubContentArn"
   },
   "required": [
    "HubContentArn"
   ]
  },
  "InferenceSpecificationName": {
   "type": "string",
   "min": 1,
   "max": 63,
   "pattern": "[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}"
  },
  "InfraCheckConfig": {
   "type": "structure",
   "members": {
    "EnableInfraCheck": "EnableInfraCheck"
   }
  },
  "InitialTaskCount": {
   "type": "integer",
   "min": 1
  },
  "InputDataConfig": {
   "type": "list",
   "member": "Channel",
   "min": 1,
   "max": 20
  },
  "InputMode": {
   "type": "string",
   "enum": [
    "Pipe",
    "File"
   ]
  },
  "InstanceGroup": {
   "type": "structure",
   "members": {
    "InstanceType": "TrainingInstanceType",
    "InstanceCount": "TrainingInstanceCount",
    "InstanceGroupName": "InstanceGroupName"
   },
   "required": [
    "InstanceType",
    "InstanceCount",
    "InstanceGroupName"
   ]
  },
  "InstanceGroupName": {
   "type": "string",
   "min": 1,
   "max": 64,
   "pattern": ".+"
  },
  "InstanceGroupNames": {
   "type": "list",
   "member": "InstanceGroupName",
   "min": 0,
   "max": 5
  },
  "InstanceGroups": {
   "type": "list",
   "member": "InstanceGroup",
   "min": 0,
   "max": 5
  },
  "InstancePlacementConfig": {
   "type": "structure",
   "members": {
    "EnableMultipleJobs": "Boolean",
    "PlacementSpecifications": "PlacementSpecifications"
   }
  },
  "InstancePool": {
   "type": "structure",
   "members": {
    "InstanceType": "ProductionVariantInstanceType",
    "ModelNameOverride": "ModelName",
    "Priority": "InstancePoolPriority"
   },
   "required": [
    "InstanceType",
    "Priority"
   ]
  },
  "InstancePoolList": {
   "type": "list",
   "member": "InstancePool",
   "min": 1,
   "max": 5
  },
  "InstancePoolPriority": {
   "type": "integer",
   "min": 1,
   "max": 5
  },
  "InstancePoolSummary": {
   "type": "structure",
   "members": {
    "InstanceType": "ProductionVariantInstanceType",
    "CurrentInstanceCount": "TaskCount"
   },
   "required": [
    "InstanceType",
    "CurrentInstanceCount"
   ]
  },
  "InstancePoolSummaryList": {
   "type": "list",
   "member": "InstancePoolSummary",
   "min": 1
  },
  "Integer": {
   "type": "integer"
  },
  "IntegerParameterRange": {
   "type": "structure",
   "members": {
    "Name": "ParameterKey",
    "MinValue": "ParameterValue",
    "MaxValue": "ParameterValue",
    "ScalingType": "HyperParameterScalingType"
   },
   "required": [
    "Name",
    "MinValue",
    "MaxValue"
   ]
  },
  "IntegerParameterRanges": {
   "type": "list",
   "member": "IntegerParameterRange",
   "min": 0,
   "max": 30
  },
  "InvocationsMaxRetries": {
   "type": "integer",
   "min": 0,
   "max": 3
  },
  "InvocationsTimeoutInSeconds": {
   "type": "integer",
   "min": 1,
   "max": 3600
  },
  "JobReferenceCode": {
   "type": "string",
   "min": 1,
   "pattern": ".+"
  },
  "JoinSource": {
   "type": "string",
   "enum": [
    "Input",
    "None"
   ]
  },
  "JsonContentType": {
   "type": "string",
   "min": 1,
   "max": 256,
   "pattern": "[a-zA-Z0-9](-*[a-zA-Z0-9])*\\/[a-zA-Z0-9](-*[a-zA-Z0-9.])*"
  },
  "JsonContentTypes": {
   "type": "list",
   "member": "JsonContentType",
   "min": 1,
   "max": 10
  },
  "JsonPath": {
   "type": "string",
   "min": 0,
   "max": 63
  },
  "KeepAlivePeriodInSeconds": {
   "type": "integer",
   "min": 0,
   "max": 21600
  },
  "KmsKeyId": {
   "type": "string",
   "min": 0,
   "max": 2048,
   "pattern": "[a-zA-Z0-9:/_-]*"
  },
  "LabelAttributeName": {
   "type": "string",
   "min": 1,
   "max": 127,
   "pattern": "[a-zA-Z0-9](-*[a-zA-Z0-9]){0,126}"
  },
  "LabelCounter": {
   "type": "integer",
   "min": 0
  },
  "LabelCounters": {
   "type": "structure",
   "members": {
    "TotalLabeled": "LabelCounter",
    "HumanLabeled": "LabelCounter",
    "MachineLabeled": "LabelCounter",
    "FailedNonRetryableError": "LabelCounter",
    "Unlabeled": "LabelCounter"
   }
  },
  "LabelingJobAlgorithmSpecificationArn": {
   "type": "string",
   "min": 0,
   "max": 2048,
   "pattern": "arn:.*"
  },
  "LabelingJobAlgorithmsConfig": {
   "type": "structure",
   "members": {
    "LabelingJobAlgorithmSpecificationArn": "LabelingJobAlgorithmSpecificationArn",
    "InitialActiveLearningModelArn": "ModelArn",
    "LabelingJobResourceConfig": "LabelingJobResourceConfig"
   },
   "required": [
    "LabelingJobAlgorithmSpecificationArn"
   ]
  },
  "LabelingJobArn": {
   "type": "string",
   "min": 0,
   "max": 2048,
   "pattern": "arn:aws[a-z\\-]*:sagemaker:[a-z0-9\\-]*:[0-9]{12}:labeling-job/.*"
  },
  "LabelingJobDataAttributes": {
   "type": "structure",
   "members": {
    "ContentClassifiers": "ContentClassifiers"
   }
  },
  "LabelingJobDataSource": {
   "type": "structure",
   "members": {
    "S3DataSource": "LabelingJobS3DataSource",
    "SnsDataSource": "LabelingJobSnsDataSource"
   }
  },
  "LabelingJobInputConfig": {
   "type": "structure",
   "members": {
    "DataSource": "LabelingJobDataSource",
    "DataAttributes": "LabelingJobDataAttributes"
   },
   "required": [
    "DataSource"
   ]
  },
  "LabelingJobName": {
   "type": "string",
   "min": 1,
   "max": 63,
   "pattern": "[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}"
  },
  "LabelingJobOutput": {
   "type": "structure",
   "members": {
    "OutputDatasetS3Uri": "S3Uri",
    "FinalActiveLearningModelArn": "ModelArn"
   },
   "required": [
    "OutputDatasetS3Uri"
   ]
  },
  "LabelingJobOutputConfig": {
   "type": "structure",
   "members": {
    "S3OutputPath": "S3Uri",
    "KmsKeyId": "KmsKeyId",
    "SnsTopicArn": "SnsTopicArn"
   },
   "required": [
    "S3OutputPath"
   ]
  },
  "LabelingJobResourceConfig": {
   "type": "structure",
   "members": {
    "VolumeKmsKeyId": "KmsKeyId",
    "VpcConfig": "VpcConfig"
   }
  },
  "LabelingJobS3DataSource": {
   "type": "structure",
   "members": {
    "ManifestS3Uri": "S3Uri"
   },
   "required": [
    "ManifestS3Uri"
   ]
  },
  "LabelingJobSnsDataSource": {
   "type": "structure",
   "members": {
    "SnsTopicArn": "SnsTopicArn"
   },
   "required": [
    "SnsTopicArn"
   ]
  },
  "LabelingJobStatus": {
   "type": "string",
   "enum": [
    "Initializing",
    "InProgress",
    "Completed",
    "Failed",
    "Stopping",
    "Stopped"
   ]
  },
  "LabelingJobStoppingConditions": {
   "type": "structure",
   "members": {
    "MaxHumanLabeledObjectCount": "MaxHumanLabeledObjectCount",
    "MaxPercentageOfInputDatasetLabeled": "MaxPercentageOfInputDatasetLabeled"
   }
  },
  "LabelingJobSummary": {
   "type": "structure",
   "members": {
    "LabelingJobName": "LabelingJobName",
    "LabelingJobArn": "LabelingJobArn",
    "CreationTime": "Timestamp",
    "LastModifiedTime": "Timestamp",
    "LabelingJobStatus": "LabelingJobStatus",
    "LabelCounters": "LabelCounters",
    "WorkteamArn": "WorkteamArn",
    "PreHumanTaskLambdaArn": "LambdaFunctionArn",
    "AnnotationConsolidationLambdaArn": "LambdaFunctionArn",
    "FailureReason": "FailureReason",
    "LabelingJobOutput": "LabelingJobOutput",
    "InputConfig": "LabelingJobInputConfig"
   },
   "required": [
    "LabelingJobName",
    "LabelingJobArn",
    "CreationTime",
    "LastModifiedTime",
    "LabelingJobStatus",
    "LabelCounters",
    "WorkteamArn"
   ]
  },
  "LabelingJobSummaryList": {
   "type": "list",
   "member": "LabelingJobSummary"
  },
  "LambdaFunctionArn": {
   "type": "string",
   "min": 0,
   "max": 2048,
   "pattern": "arn:aws[a-z\\-]*:lambda:[a-z0-9\\-]*:[0-9]{12}:function:.*"
  },
  "ListEndpointConfigsInput": {
   "type": "structure",
   "members": {
    "SortBy": "EndpointConfigSortKey",
    "SortOrder": "OrderKey",
    "NextToken": "PaginationToken",
    "MaxResults": "MaxResults",
    "NameContains": "EndpointConfigNameContains",
    "CreationTimeBefore": "Timestamp",
    "CreationTimeAfter": "Timestamp"
   }
  },
  "ListEndpointConfigsOutput": {
   "type": "structure",
   "members": {
    "EndpointConfigs": "EndpointConfigSummaryList",
    "NextToken": "PaginationToken"
   },
   "required": [
    "EndpointConfigs"
   ]
  },
  "ListEndpointsInput": {
   "type": "structure",
   "members": {
    "SortBy": "EndpointSortKey",
    "SortOrder": "OrderKey",
    "NextToken": "PaginationToken",
    "MaxResults": "MaxResults",
    "NameContains": "EndpointNameContains",
    "CreationTimeBefore": "Timestamp",
    "CreationTimeAfter": "Timestamp",
    "LastModifiedTimeBefore": "Timestamp",
    "LastModifiedTimeAfter": "Timestamp",
    "StatusEquals": "EndpointStatus"
   }
  },
  "ListEndpointsOutput": {
   "type": "structure",
   "members": {
    "Endpoints": "EndpointSummaryList",
    "NextToken": "PaginationToken"
   },
   "required": [
    "Endpoints"
   ]
  },
  "ListHyperParameterTuningJobsRequest": {
   "type": "structure",
   "members": {
    "NextToken": "NextToken",
    "MaxResults": "MaxResults",
    "SortBy": "HyperParameterTuningJobSortByOptions",
    "SortOrder": "SortOrder",
    "NameContains": "NameContains",
    "CreationTimeAfter": "Timestamp",
    "CreationTimeBefore": "Timestamp",
    "LastModifiedTimeAfter": "Timestamp",
    "LastModifiedTimeBefore": "Timestamp",
    "StatusEquals": "HyperParameterTuningJobStatus"
   }
  },
  "ListHyperParameterTuningJobsResponse": {
   "type": "structure",
   "members": {
    "HyperParameterTuningJobSummaries": "HyperParameterTuningJobSummaries",
    "NextToken": "NextToken"
   },
   "required": [
    "HyperParameterTuningJobSummaries"
   ]
  },
  "ListLabelingJobsRequest": {
   "type": "structure",
   "members": {
    "CreationTimeAfter": "Timestamp",
    "CreationTimeBefore": "Timestamp",
    "LastModifiedTimeAfter": "Timestamp",
    "LastModifiedTimeBefore": "Timestamp",
    "MaxResults": "MaxResults",
    "NextToken": "NextToken",
    "NameContains": "NameContains",
    "SortBy": "SortBy",
    "SortOrder": "SortOrder",
    "StatusEquals": "LabelingJobStatus"
   }
  },
  "ListLabelingJobsResponse": {
   "type": "structure",
   "members": {
    "LabelingJobSummaryList": "LabelingJobSummaryList",
    "NextToken": "NextToken"
   }
  },
  "ListModelsInput": {
   "type": "structure",
   "members": {
    "SortBy": "ModelSortKey",
    "SortOrder": "OrderKey",
    "NextToken": "PaginationToken",
    "MaxResults": "MaxResults",
    "NameContains": "ModelNameContains",
    "CreationTimeBefore": "Timestamp",
    "CreationTimeAfter": "Timestamp"
   }
  },
  "ListModelsOutput": {
   "type": "structure",
   "members": {
    "Models": "ModelSummaryList",
    "NextToken": "PaginationToken"
   },
   "required": [
    "Models"
   ]
  },
  "ListProcessingJobsRequest": {
   "type": "structure",
   "members": {
    "CreationTimeAfter": "Timestamp",
    "CreationTimeBefore": "Timestamp",
    "LastModifiedTimeAfter": "Timestamp",
    "LastModifiedTimeBefore": "Timestamp",
    "NameContains": "String",
    "StatusEquals": "ProcessingJobStatus",
    "SortBy": "SortBy",
    "SortOrder": "SortOrder",
    "NextToken": "NextToken",
    "MaxResults": "MaxResults"
   }
  },
  "ListProcessingJobsResponse": {
   "type": "structure",
   "members": {
    "ProcessingJobSummaries": "ProcessingJobSummaries",
    "NextToken": "NextToken"
   },
   "required": [
    "ProcessingJobSummaries"
   ]
  },
  "ListTagsInput": {
   "type": "structure",
   "members": {
    "ResourceArn": "ResourceArn",
    "NextToken": "NextToken",
    "MaxResults": "ListTagsMaxResults"
   },
   "required": [
    "ResourceArn"
   ]
  },
  "ListTagsMaxResults": {
   "type": "integer",
   "min": 50
  },
  "ListTagsOutput": {
   "type": "structure",
   "members": {
    "Tags": "TagList",
    "NextToken": "NextToken"
   }
  },
  "ListTrainingJobsRequest": {
   "type": "structure",
   "members": {
    "NextToken": "NextToken",
    "MaxResults": "MaxResults",
    "CreationTimeAfter": "Timestamp",
    "CreationTimeBefore": "Timestamp",
    "LastModifiedTimeAfter": "Timestamp",
    "LastModifiedTimeBefore": "Timestamp",
    "NameContains": "NameContains",
    "StatusEquals": "TrainingJobStatus",
    "SortBy": "SortBy",
    "SortOrder": "SortOrder",
    "WarmPoolStatusEquals": "WarmPoolResourceStatus",
    "TrainingPlanArnEquals": "TrainingPlanArn"
   }
  },
  "ListTrainingJobsResponse": {
   "type": "structure",
   "members": {
    "TrainingJobSummaries": "TrainingJobSummaries",
    "NextToken": "NextToken"
   },
   "required": [
    "TrainingJobSummaries"
   ]
  },
  "ListTransformJobsRequest": {
   "type": "structure",
   "members": {
    "CreationTimeAfter": "Timestamp",
    "CreationTimeBefore": "Timestamp",
    "LastModifiedTimeAfter": "Timestamp",
    "LastModifiedTimeBefore": "Timestamp",
    "NameContains": "NameContains",
    "StatusEquals": "TransformJobStatus",
    "SortBy": "SortBy",
    "SortOrder": "SortOrder",
    "NextToken": "NextToken",
    "MaxResults": "MaxResults"
   }
  },
  "ListTransformJobsResponse": {
   "type": "structure",
   "members": {
    "TransformJobSummaries": "TransformJobSummaries",
    "NextToken": "NextToken"
   },
   "required": [
    "TransformJobSummaries"
   ]
  },
  "ManagedInstanceScalingCooldownInMinutes": {
   "type": "integer",
   "min": 5,
   "max": 1440
  },
  "ManagedInstanceScalingMaxInstanceCount": {
   "type": "integer",
   "min": 1
  },
  "ManagedInstanceScalingMaximumStepSize": {
   "type": "integer",
   "min": 1,
   "max": 100
  },
  "ManagedInstanceScalingMinInstanceCount": {
   "type": "integer",
   "min": 0
  },
  "ManagedInstanceScalingScaleInStrategy": {
   "type": "string",
   "enum": [
    "IDLE_RELEASE",
    "CONSOLIDATION"
   ]
  },
  "ManagedInstanceScalingStatus": {
   "type": "string",
   "enum": [
    "ENABLED",
    "DISABLED"
   ]
  },
  "MaxConcurrentInvocationsPerInstance": {
   "type": "integer",
   "min": 1,
   "max": 1000
  },
  "MaxConcurrentTaskCount": {
   "type": "integer",
   "min": 1,
   "max": 5000
  },
  "MaxConcurrentTransforms": {
   "type": "integer",
   "min": 0
  },
  "MaxHumanLabeledObjectCount": {
   "type": "integer",
   "min": 1
  },
  "MaxNumberOfTrainingJobs": {
   "type": "integer",
   "min": 1
  },
  "MaxNumberOfTrainingJobsNotImproving": {
   "type": "integer",
   "min": 3
  },
  "MaxParallelTrainingJobs": {
   "type": "integer",
   "min": 1
  },
  "MaxPayloadInMB": {
   "type": "integer",
   "min": 0
  },
  "MaxPendingTimeInSeconds": {
   "type": "integer",
   "min": 7200,
   "max": 2419200
  },
  "MaxPercentageOfInputDatasetLabeled": {
   "type": "integer",
   "min": 1,
   "max": 100
  },
  "MaxResults": {
   "type": "integer",
   "min": 1,
   "max": 100
  },
  "MaxRuntimeInSeconds": {
   "type": "integer",
   "min": 1
  },
  "MaxWaitTimeInSeconds": {
   "type": "integer",
   "min": 1
  },
  "MaximumExecutionTimeoutInSeconds": {
   "type": "integer",
   "min": 600,
   "max": 28800
  },
  "MaximumRetryAttempts": {
   "type": "integer",
   "min": 1,
   "max": 30
  },
  "MetricData": {
   "type": "structure",
   "members": {
    "MetricName": "MetricName",
    "Value": "Float",
    "Timestamp": "Timestamp"
   }
  },
  "MetricDefinition": {
   "type": "structure",
   "members": {
    "Name": "MetricName",
    "Regex": "MetricRegex"
   },
   "required": [
    "Name",
    "Regex"
   ]
  },
  "MetricDefinitionList": {
   "type": "list",
   "member": "MetricDefinition",
   "min": 0,
   "max": 40
  },
  "MetricName": {
   "type": "string",
   "min": 1,
   "max": 255,
   "pattern": ".+"
  },
  "MetricPublishFrequencyInSeconds": {
   "type": "integer"
  },
  "MetricRegex": {
   "type": "string",
   "min": 1,
   "max": 500,
   "pattern": ".+"
  },
  "MetricValue": {
   "type": "float"
  },
  "MetricsConfig": {
   "type": "structure",
   "members": {
    "EnableEnhancedMetrics": "EnableEnhancedMetrics",
    "MetricPublishFrequencyInSeconds": "MetricPublishFrequencyInSeconds"
   }
  },
  "MlFlowResourceArn": {
   "type": "string",
   "min": 0,
   "max": 2048,
   "pattern": "arn:aws[a-z\\-]*:sagemaker:[a-z0-9\\-]*:[0-9]{12}:mlflow-[a-zA-Z-]*/.*"
  },
  "MlReservationArn": {
   "type": "string",
   "min": 20,
   "max": 258,
   "pattern": "arn:aws[a-z\\-]*:sagemaker:[a-z0-9\\-]*:[0-9]{12}:[a-z0-9\\-]{1,14}/.*"
  },
  "MlflowConfig": {
   "type": "structure",
   "members": {
    "MlflowResourceArn": "MlFlowResourceArn",
    "MlflowExperimentName": "MlflowExperimentName",
    "MlflowRunName": "MlflowRunName"
   },
   "required": [
    "MlflowResourceArn"
   ]
  },
  "MlflowDetails": {
   "type": "structure",
   "members": {
    "MlflowExperimentId": "MlflowExperimentId",
    "MlflowRunId": "MlflowRunId"
   }
  },
  "MlflowExperimentId": {
   "type": "string",
   "min": 1,
   "max": 256,
   "pattern": ".*"
  },
  "MlflowExperimentName": {
   "type": "string",
   "min": 1,
   "max": 256,
   "pattern": ".*"
  },
  "MlflowRunId": {
   "type": "string",
   "min": 1,
   "max": 256,
   "pattern": ".*"
  },
  "MlflowRunName": {
   "type": "string",
   "min": 1,
   "max": 256,
   "pattern": ".*"
  },
  "ModelAccessConfig": {
   "type": "structure",
   "members": {
    "AcceptEula": "AcceptEula"
   },
   "required": [
    "AcceptEula"
   ]
  },
  "ModelArn": {
   "type": "string",
   "min": 20,
   "max": 2048,
   "pattern": "arn:aws[a-z\\-]*:sagemaker:[a-z0-9\\-]*:[0-9]{12}:model/.*"
  },
  "ModelArtifacts": {
   "type": "structure",
   "members": {
    "S3ModelArtifacts": "S3Uri"
   },
   "required": [
    "S3ModelArtifacts"
   ]
  },
  "ModelCacheSetting": {
   "type": "string",
   "enum": [
    "Enabled",
    "Disabled"
   ]
  },
  "ModelClientConfig": {
   "type": "structure",
   "members": {
    "InvocationsTimeoutInSeconds": "InvocationsTimeoutInSeconds",
    "InvocationsMaxRetries": "InvocationsMaxRetries"
   }
  },
  "ModelCompressionType": {
   "type": "string",
   "enum": [
    "None",
    "Gzip"
   ]
  },
  "ModelDataSource": {
   "type": "structure",
   "members": {
    "S3DataSource": "S3ModelDataSource"
   }
  },
  "ModelName": {
   "type": "string",
   "min": 0,
   "max": 63,
   "pattern": "[a-zA-Z0-9]([\\-a-zA-Z0-9]*[a-zA-Z0-9])?"
  },
  "ModelNameContains": {
   "type": "string",
   "min": 0,
   "max": 63,
   "pattern": "[a-zA-Z0-9-]+"
  },
  "ModelPackageArn": {
   "type": "string",
   "min": 1,
   "max": 2048,
   "pattern": "arn:aws[a-z\\-]*:sagemaker:[a-z0-9\\-]{9,16}:[0-9]{12}:model-package/[\\S]{1,2048}"
  },
  "ModelPackageConfig": {
   "type": "structure",
   "members": {
    "ModelPackageGroupArn": "ModelPackageGroupArn",
    "SourceModelPackageArn": "ModelPackageArn"
   },
   "required": [
    "ModelPackageGroupArn"
   ]
  },
  "ModelPackageGroupArn": {
   "type": "string",
   "min": 1,
   "max": 2048,
   "pattern": "arn:aws[a-z\\-]*:sagemaker:[a-z0-9\\-]{9,16}:[0-9]{12}:model-package-group/[\\S]{1,2048}"
  },
  "ModelSortKey": {
   "type": "string",
   "enum": [
    "Name",
    "CreationTime"
   ]
  },
  "ModelSummary": {
   "type": "structure",
   "members": {
    "ModelName": "ModelName",
    "ModelArn": "ModelArn",
    "CreationTime": "Timestamp"
   },
   "required": [
    "ModelName",
    "ModelArn",
    "CreationTime"
   ]
  },
  "ModelSummaryList": {
   "type": "list",
   "member": "ModelSummary"
  },
  "MonitoringScheduleArn": {
   "type": "string",
   "min": 0,
   "max": 256,
   "pattern": ".*"
  },
  "MultiModelConfig": {
   "type": "structure",
   "members": {
    "ModelCacheSetting": "ModelCacheSetting"
   }
  },
  "NameContains": {
   "type": "string",
   "min": 0,
   "max": 63,
   "pattern": "[a-zA-Z0-9\\-]+"
  },
  "NetworkConfig": {
   "type": "structure",
   "members": {
    "EnableInterContainerTrafficEncryption": "Boolean",
    "EnableNetworkIsolation": "Boolean",
    "VpcConfig": "VpcConfig"
   }
  },
  "NextToken": {
   "type": "string",
   "min": 0,
   "max": 8192,
   "pattern": ".*"
  },
  "NumberOfHumanWorkersPerDataObject": {
   "type": "integer",
   "min": 1,
   "max": 9
  },
  "ObjectiveStatus": {
   "type": "string",
   "enum": [
    "Succeeded",
    "Pending",
    "Failed"
   ]
  },
  "ObjectiveStatusCounter": {
   "type": "integer",
   "min": 0
  },
  "ObjectiveStatusCounters": {
   "type": "structure",
   "members": {
    "Succeeded": "ObjectiveStatusCounter",
    "Pending": "ObjectiveStatusCounter",
    "Failed": "ObjectiveStatusCounter"
   }
  },
  "OptionalVolumeSizeInGB": {
   "type": "integer",
   "min": 0
  },
  "OrderKey": {
   "type": "string",
   "enum": [
    "Ascending",
    "Descending"
   ]
  },
  "OutputCompressionType": {
   "type": "string",
   "enum": [
    "GZIP",
    "NONE"
   ]
  },
  "OutputDataConfig": {
   "type": "structure",
   "members": {
    "KmsKeyId": "KmsKeyId",
    "S3OutputPath": "S3Uri",
    "CompressionType": "OutputCompressionType"
   },
   "required": [
    "S3OutputPath"
   ]
  },
  "PaginationToken": {
   "type": "string",
   "min": 0,
   "max": 8192,
   "pattern": ".*"
  },
  "ParameterKey": {
   "type": "string",
   "min": 0,
   "max": 256,
   "pattern": ".*"
  },
  "ParameterRanges": {
   "type": "structure",
   "members": {
    "IntegerParameterRanges": "IntegerParameterRanges",
    "ContinuousParameterRanges": "ContinuousParameterRanges",
    "CategoricalParameterRanges": "CategoricalParameterRanges",
    "AutoParameters": "AutoParameters"
   }
  },
  "ParameterValue": {
   "type": "string",
   "min": 0,
   "max": 256,
   "pattern": ".*"
  },
  "ParameterValues": {
   "type": "list",
   "member": "ParameterValue",
   "min": 1,
   "max": 30
  },
  "ParentHyperParameterTuningJob": {
   "type": "structure",
   "members": {
    "HyperParameterTuningJobName": "HyperParameterTuningJobName"
   }
  },
  "ParentHyperParameterTuningJobs": {
   "type": "list",
   "member": "ParentHyperParameterTuningJob",
   "min": 1,
   "max": 5
  },
  "Peft": {
   "type": "string",
   "enum": [
    "LORA"
   ]
  },
  "PendingDeploymentSummary": {
   "type": "structure",
   "members": {
    "EndpointConfigName": "EndpointConfigName",
    "ProductionVariants": "PendingProductionVariantSummaryList",
    "StartTime": "Timestamp",
    "ShadowProductionVariants": "PendingProductionVariantSummaryList"
   },
   "required": [
    "EndpointConfigName"
   ]
  },
  "PendingProductionVariantSummary": {
   "type": "structure",
   "members": {
    "VariantName": "VariantName",
    "DeployedImages": "DeployedImages",
    "CurrentWeight": "VariantWeight",
    "DesiredWeight": "VariantWeight",
    "CurrentInstanceCount": "TaskCount",
    "DesiredInstanceCount": "TaskCount",
    "InstanceType": "ProductionVariantInstanceType",
    "InstancePools": "InstancePoolSummaryList",
    "AcceleratorType": "ProductionVariantAcceleratorType",
    "VariantStatus": "ProductionVariantStatusList",
    "CurrentServerlessConfig": "ProductionVariantServerlessConfig",
    "DesiredServerlessConfig": "ProductionVariantServerlessConfig",
    "ManagedInstanceScaling": "ProductionVariantManagedInstanceScaling",
    "RoutingConfig": "ProductionVariantRoutingConfig"
   },
   "required": [
    "VariantName"
   ]
  },
  "PendingProductionVariantSummaryList": {
   "type": "list",
   "member": "PendingProductionVariantSummary",
   "min": 1
  },
  "PlacementSpecification": {
   "type": "structure",
   "members": {
    "UltraServerId": "String256",
    "InstanceCount": "TrainingInstanceCount"
   },
   "required": [
    "InstanceCount"
   ]
  },
  "PlacementSpecifications": {
   "type": "list",
   "member": "PlacementSpecification",
   "min": 0,
   "max": 10
  },
  "ProcessingClusterConfig": {
   "type": "structure",
   "members": {
    "InstanceCount": "ProcessingInstanceCount",
    "InstanceType": "ProcessingInstanceType",
    "VolumeSizeInGB": "ProcessingVolumeSizeInGB",
    "VolumeKmsKeyId": "KmsKeyId"
   },
   "required": [
    "InstanceCount",
    "InstanceType",
    "VolumeSizeInGB"
   ]
  },
  "ProcessingEnvironmentKey": {
   "type": "string",
   "min": 0,
   "max": 256,
   "pattern": "[a-zA-Z_][a-zA-Z0-9_]*"
  },
  "ProcessingEnvironmentMap": {
   "type": "map",
   "key": "ProcessingEnvironmentKey",
   "value": "ProcessingEnvironmentValue",
   "min": 0,
   "max": 100
  },
  "ProcessingEnvironmentValue": {
   "type": "string",
   "min": 0,
   "max": 256,
   "pattern": "[\\S\\s]*"
  },
  "ProcessingFeatureStoreOutput": {
   "type": "structure",
   "members": {
    "FeatureGroupName": "FeatureGroupName"
   },
   "required": [
    "FeatureGroupName"
   ]
  },
  "ProcessingInput": {
   "type": "structure",
   "members": {
    "InputName": "String",
    "AppManaged": "AppManaged",
    "S3Input": "ProcessingS3Input",
    "DatasetDefinition": "DatasetDefinition"
   },
   "required": [
    "InputName"
   ]
  },
  "ProcessingInputs": {
   "type": "list",
   "member": "ProcessingInput",
   "min": 0,
   "max": 10
  },
  "ProcessingInstanceCount": {
   "type": "integer",
   "min": 1,
   "max": 100
  },
  "ProcessingInstanceType": {
   "type": "string",
   "enum": [
    "ml.t3.medium",
    "ml.t3.large",
    "ml.t3.xlarge",
    "ml.t3.2xlarge",
    "ml.m4.xlarge",
    "ml.m4.2xlarge",
    "ml.m4.4xlarge",
    "ml.m4.10xlarge",
    "ml.m4.16xlarge",
    "ml.c4.xlarge",
    "ml.c4.2xlarge",
    "ml.c4.4xlarge",
    "ml.c4.8xlarge",
    "ml.p2.xlarge",
    "ml.p2.8xlarge",
    "ml.p2.16xlarge",
    "ml.p3.2xlarge",
    "ml.p3.8xlarge",
    "ml.p3.16xlarge",
    "ml.c5.xlarge",
    "ml.c5.2xlarge",
    "ml.c5.4xlarge",
    "ml.c5.9xlarge",
    "ml.c5.18xlarge",
    "ml.m5.large",
    "ml.m5.xlarge",
    "ml.m5.2xlarge",
    "ml.m5.4xlarge",
    "ml.m5.12xlarge",
    "ml.m5.24xlarge",
    "ml.r5.large",
    "ml.r5.xlarge",
    "ml.r5.2xlarge",
    "ml.r5.4xlarge",
    "ml.r5.8xlarge",
    "ml.r5.12xlarge",
    "ml.r5.16xlarge",
    "ml.r5.24xlarge",
    "ml.g4dn.xlarge",
    "ml.g4dn.2xlarge",
    "ml.g4dn.4xlarge",
    "ml.g4dn.8xlarge",
    "ml.g4dn.12xlarge",
    "ml.g4dn.16xlarge",
    "ml.g5.xlarge",
    "ml.g5.2xlarge",
    "ml.g5.4xlarge",
    "ml.g5.8xlarge",
    "ml.g5.16xlarge",
    "ml.g5.12xlarge",
    "ml.g5.24xlarge",
    "ml.g5.48xlarge",
    "ml.r5d.large",
    "ml.r5d.xlarge",
    "ml.r5d.2xlarge",
    "ml.r5d.4xlarge",
    "ml.r5d.8xlarge",
    "ml.r5d.12xlarge",
    "ml.r5d.16xlarge",
    "ml.r5d.24xlarge",
    "ml.g6.xlarge",
    "ml.g6.2xlarge",
    "ml.g6.4xlarge",
    "ml.g6.8xlarge",
    "ml.g6.12xlarge",
    "ml.g6.16xlarge",
    "ml.g6.24xlarge",
    "ml.g6.48xlarge",
    "ml.g6e.xlarge",
    "ml.g6e.2xlarge",
    "ml.g6e.4xlarge",
    "ml.g6e.8xlarge",
    "ml.g6e.12xlarge",
    "ml.g6e.16xlarge",
    "ml.g6e.24xlarge",
    "ml.g6e.48xlarge",
    "ml.m6i.large",
    "ml.m6i.xlarge",
    "ml.m6i.2xlarge",
    "ml.m6i.4xlarge",
    "ml.m6i.8xlarge",
    "ml.m6i.12xlarge",
    "ml.m6i.16xlarge",
    "ml.m6i.24xlarge",
    "ml.m6i.32xlarge",
    "ml.c6i.xlarge",
    "ml.c6i.2xlarge",
    "ml.c6i.4xlarge",
    "ml.c6i.8xlarge",
    "ml.c6i.12xlarge",
    "ml.c6i.16xlarge",
    "ml.c6i.24xlarge",
    "ml.c6i.32xlarge",
    "ml.m7i.large",
    "ml.m7i.xlarge",
    "ml.m7i.2xlarge",
    "ml.m7i.4xlarge",
    "ml.m7i.8xlarge",
    "ml.m7i.12xlarge",
    "ml.m7i.16xlarge",
    "ml.m7i.24xlarge",
    "ml.m7i.48xlarge",
    "ml.c7i.large",
    "ml.c7i.xlarge",
    "ml.c7i.2xlarge",
    "ml.c7i.4xlarge",
    "ml.c7i.8xlarge",
    "ml.c7i.12xlarge",
    "ml.c7i.16xlarge",
    "ml.c7i.24xlarge",
    "ml.c7i.48xlarge",
    "ml.r7i.large",
    "ml.r7i.xlarge",
    "ml.r7i.2xlarge",
    "ml.r7i.4xlarge",
    "ml.r7i.8xlarge",
    "ml.r7i.12xlarge",
    "ml.r7i.16xlarge",
    "ml.r7i.24xlarge",
    "ml.r7i.48xlarge",
    "ml.p5.4xlarge",
    "ml.g7e.2xlarge",
    "ml.g7e.4xlarge",
    "ml.g7e.8xlarge",
    "ml.g7e.12xlarge",
    "ml.g7e.24xlarge",
    "ml.g7e.48xlarge"
   ]
  },
  "ProcessingJobArn": {
   "type": "string",
   "min": 0,
   "max": 256,
   "pattern": "arn:aws[a-z\\-]*:sagemaker:[a-z0-9\\-]*:[0-9]{12}:processing-job/[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}"
  },
  "ProcessingJobName": {
   "type": "string",
   "min": 1,
   "max": 63,
   "pattern": "[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}"
  },
  "ProcessingJobStatus": {
   "type": "string",
   "enum": [
    "InProgress",
    "Completed",
    "Failed",
    "Stopping",
    "Stopped"
   ]
  },
  "ProcessingJobSummaries": {
   "type": "list",
   "member": "ProcessingJobSummary"
  },
  "ProcessingJobSummary": {
   "type": "structure",
   "members": {
    "ProcessingJobName": "ProcessingJobName",
    "ProcessingJobArn": "ProcessingJobArn",
    "CreationTime": "Timestamp",
    "ProcessingEndTime": "Timestamp",
    "LastModifiedTime": "Timestamp",
    "ProcessingJobStatus": "ProcessingJobStatus",
    "FailureReason": "FailureReason",
    "ExitMessage": "ExitMessage"
   },
   "required": [
    "ProcessingJobName",
    "ProcessingJobArn",
    "CreationTime",
    "ProcessingJobStatus"
   ]
  },
  "ProcessingLocalPath": {
   "type": "string",
   "min": 0,
   "max": 256,
   "pattern": ".*"
  },
  "ProcessingMaxRuntimeInSeconds": {
   "type": "integer",
   "min": 1,
   "max": 777600
  },
  "ProcessingOutput": {
   "type": "structure",
   "members": {
    "OutputName": "String",
    "S3Output": "ProcessingS3Output",
    "FeatureStoreOutput": "ProcessingFeatureStoreOutput",
    "AppManaged": "AppManaged"
   },
   "required": [
    "OutputName"
   ]
  },
  "ProcessingOutputConfig": {
   "type": "structure",
   "members": {
    "Outputs": "ProcessingOutputs",
    "KmsKeyId": "KmsKeyId"
   },
   "required": [
    "Outputs"
   ]
  },
  "ProcessingOutputs": {
   "type": "list",
   "member": "ProcessingOutput",
   "min": 0,
   "max": 10
  },
  "ProcessingResources": {
   "type": "structure",
   "members": {
    "ClusterConfig": "ProcessingClusterConfig"
   },
   "required": [
    "ClusterConfig"
   ]
  },
  "ProcessingS3CompressionType": {
   "type": "string",
   "enum": [
    "None",
    "Gzip"
   ]
  },
  "ProcessingS3DataDistributionType": {
   "type": "string",
   "enum": [
    "FullyReplicated",
    "ShardedByS3Key"
   ]
  },
  "ProcessingS3DataType": {
   "type": "string",
   "enum": [
    "ManifestFile",
    "S3Prefix"
   ]
  },
  "ProcessingS3Input": {
   "type": "structure",
   "members": {
    "S3Uri": "S3Uri",
    "LocalPath": "ProcessingLocalPath",
    "S3DataType": "ProcessingS3DataType",
    "S3InputMode": "ProcessingS3InputMode",
    "S3DataDistributionType": "ProcessingS3DataDistributionType",
    "S3CompressionType": "ProcessingS3CompressionType"
   },
   "required": [
    "S3Uri",
    "S3DataType"
   ]
  },
  "ProcessingS3InputMode": {
   "type": "string",
   "enum": [
    "Pipe",
    "File"
   ]
  },
  "ProcessingS3Output": {
   "type": "structure",
   "members": {
    "S3Uri": "S3Uri",
    "LocalPath": "ProcessingLocalPath",
    "S3UploadMode": "ProcessingS3UploadMode"
   },
   "required": [
    "S3Uri",
    "S3UploadMode"
   ]
  },
  "ProcessingS3UploadMode": {
   "type": "string",
   "enum": [
    "Continuous",
    "EndOfJob"
   ]
  },
  "ProcessingStoppingCondition": {
   "type": "structure",
   "members": {
    "MaxRuntimeInSeconds": "ProcessingMaxRuntimeInSeconds"
   },
   "required": [
    "MaxRuntimeInSeconds"
   ]
  },
  "ProcessingVolumeSizeInGB": {
   "type": "integer",
   "min": 1,
   "max": 16384
  },
  "ProductionVariant": {
   "type": "structure",
   "members": {
    "VariantName": "VariantName",
    "ModelName": "ModelName",
    "InitialInstanceCount": "InitialTaskCount",
    "InstanceType": "ProductionVariantInstanceType",
    "InstancePools": "InstancePoolList",
    "VariantInstanceProvisionTimeoutInSeconds": "VariantInstanceProvisionTimeoutInSeconds",
    "InitialVariantWeight": "VariantWeight",
    "AcceleratorType": "ProductionVariantAcceleratorType",
    "CoreDumpConfig": "ProductionVariantCoreDumpConfig",
    "ServerlessConfig": "ProductionVariantServerlessConfig",
    "VolumeSizeInGB": "ProductionVariantVolumeSizeInGB",
    "ModelDataDownloadTimeoutInSeconds": "ProductionVariantModelDataDownloadTimeoutInSeconds",
    "ContainerStartupHealthCheckTimeoutInSeconds": "ProductionVariantContainerStartupHealthCheckTimeoutInSeconds",
    "EnableSSMAccess": "ProductionVariantSSMAccess",
    "ManagedInstanceScaling": "ProductionVariantManagedInstanceScaling",
    "RoutingConfig": "ProductionVariantRoutingConfig",
    "InferenceAmiVersion": "ProductionVariantInferenceAmiVersion",
    "CapacityReservationConfig": "ProductionVariantCapacityReservationConfig"
   },
   "required": [
    "VariantName"
   ]
  },
  "ProductionVariantAcceleratorType": {
   "type": "string",
   "enum": [
    "ml.eia1.medium",
    "ml.eia1.large",
    "ml.eia1.xlarge",
    "ml.eia2.medium",
    "ml.eia2.large",
    "ml.eia2.xlarge"
   ]
  },
  "ProductionVariantCapacityReservationConfig": {
   "type": "structure",
   "members": {
    "CapacityReservationPreference": "CapacityReservationPreference",
    "MlReservationArn": "MlReservationArn"
   }
  },
  "ProductionVariantCapacityReservationSummary": {
   "type": "structure",
   "members": {
    "MlReservationArn": "MlReservationArn",
    "CapacityReservationPreference": "CapacityReservationPreference",
    "TotalInstanceCount": "TaskCount",
    "AvailableInstanceCount": "TaskCount",
    "UsedByCurrentEndpoint": "TaskCount",
    "Ec2CapacityReservations": "Ec2CapacityReservationsList"
   }
  },
  "ProductionVariantContainerStartupHealthCheckTimeoutInSeconds": {
   "type": "integer",
   "min": 60,
   "max": 3600
  },
  "ProductionVariantCoreDumpConfig": {
   "type": "structure",
   "members": {
    "DestinationS3Uri": "DestinationS3Uri",
    "KmsKeyId": "KmsKeyId"
   },
   "required": [
    "DestinationS3Uri"
   ]
  },
  "ProductionVariantInferenceAmiVersion": {
   "type": "string",
   "enum": [
    "al2-ami-sagemaker-inference-gpu-2",
    "al2-ami-sagemaker-inference-gpu-2-1",
    "al2-ami-sagemaker-inference-gpu-3-1",
    "al2-ami-sagemaker-inference-neuron-2",
    "al2023-ami-sagemaker-inference-gpu-4-1"
   ]
  },
  "ProductionVariantInstanceType": {
   "type": "string",
   "enum": [
    "ml.t2.medium",
    "ml.t2.large",
    "ml.t2.xlarge",
    "ml.t2.2xlarge",
    "ml.m4.xlarge",
    "ml.m4.2xlarge",
    "ml.m4.4xlarge",
    "ml.m4.10xlarge",
    "ml.m4.16xlarge",
    "ml.m5.large",
    "ml.m5.xlarge",
    "ml.m5.2xlarge",
    "ml.m5.4xlarge",
    "ml.m5.12xlarge",
    "ml.m5.24xlarge",
    "ml.m5d.large",
    "ml.m5d.xlarge",
    "ml.m5d.2xlarge",
    "ml.m5d.4xlarge",
    "ml.m5d.12xlarge",
    "ml.m5d.24xlarge",
    "ml.c4.large",
    "ml.c4.xlarge",
    "ml.c4.2xlarge",
    "ml.c4.4xlarge",
    "ml.c4.8xlarge",
    "ml.p2.xlarge",
    "ml.p2.8xlarge",
    "ml.p2.16xlarge",
    "ml.p3.2xlarge",
    "ml.p3.8xlarge",
    "ml.p3.16xlarge",
    "ml.c5.large",
    "ml.c5.xlarge",
    "ml.c5.2xlarge",
    "ml.c5.4xlarge",
    "ml.c5.9xlarge",
    "ml.c5.18xlarge",
    "ml.c5d.large",
    "ml.c5d.xlarge",
    "ml.c5d.2xlarge",
    "ml.c5d.4xlarge",
    "ml.c5d.9xlarge",
    "ml.c5d.18xlarge",
    "ml.g4dn.xlarge",
    "ml.g4dn.2xlarge",
    "ml.g4dn.4xlarge",
    "ml.g4dn.8xlarge",
    "ml.g4dn.12xlarge",
    "ml.g4dn.16xlarge",
    "ml.r5.large",
    "ml.r5.xlarge",
    "ml.r5.2xlarge",
    "ml.r5.4xlarge",
    "ml.r5.12xlarge",
    "ml.r5.24xlarge",
    "ml.r5d.large",
    "ml.r5d.xlarge",
    "ml.r5d.2xlarge",
    "ml.r5d.4xlarge",
    "ml.r5d.12xlarge",
    "ml.r5d.24xlarge",
    "ml.inf1.xlarge",
    "ml.inf1.2xlarge",
    "ml.inf1.6xlarge",
    "ml.inf1.24xlarge",
    "ml.dl1.24xlarge",
    "ml.c6i.large",
    "ml.c6i.xlarge",
    "ml.c6i.2xlarge",
    "ml.c6i.4xlarge",
    "ml.c6i.8xlarge",
    "ml.c6i.12xlarge",
    "ml.c6i.16xlarge",
    "ml.c6i.24xlarge",
    "ml.c6i.32xlarge",
    "ml.m6i.large",
    "ml.m6i.xlarge",
    "ml.m6i.2xlarge",
    "ml.m6i.4xlarge",
    "ml.m6i.8xlarge",
    "ml.m6i.12xlarge",
    "ml.m6i.16xlarge",
    "ml.m6i.24xlarge",
    "ml.m6i.32xlarge",
    "ml.r6i.large",
    "ml.r6i.xlarge",
    "ml.r6i.2xlarge",
    "ml.r6i.4xlarge",
    "ml.r6i.8xlarge",
    "ml.r6i.12xlarge",
    "ml.r6i.16xlarge",
    "ml.r6i.24xlarge",
    "ml.r6i.32xlarge",
    "ml.g5.xlarge",
    "ml.g5.2xlarge",
    "ml.g5.4xlarge",
    "ml.g5.8xlarge",
    "ml.g5.12xlarge",
    "ml.g5.16xlarge",
    "ml.g5.24xlarge",
    "ml.g5.48xlarge",
    "ml.g6.xlarge",
    "ml.g6.2xlarge",
    "ml.g6.4xlarge",
    "ml.g6.8xlarge",
    "ml.g6.12xlarge",
    "ml.g6.16xlarge",
    "ml.g6.24xlarge",
    "ml.g6.48xlarge",
    "ml.r8g.medium",
    "ml.r8g.large",
    "ml.r8g.xlarge",
    "ml.r8g.2xlarge",
    "ml.r8g.4xlarge",
    "ml.r8g.8xlarge",
    "ml.r8g.12xlarge",
    "ml.r8g.16xlarge",
    "ml.r8g.24xlarge",
    "ml.r8g.48xlarge",
    "ml.g6e.xlarge",
    "ml.g6e.2xlarge",
    "ml.g6e.4xlarge",
    "ml.g6e.8xlarge",
    "ml.g6e.12xlarge",
    "ml.g6e.16xlarge",
    "ml.g6e.24xlarge",
    "ml.g6e.48xlarge",
    "ml.g7e.2xlarge",
    "ml.g7e.4xlarge",
    "ml.g7e.8xlarge",
    "ml.g7e.12xlarge",
    "ml.g7e.24xlarge",
    "ml.g7e.48xlarge",
    "ml.p4d.24xlarge",
    "ml.c7g.large",
    "ml.c7g.xlarge",
    "ml.c7g.2xlarge",
    "ml.c7g.4xlarge",
    "ml.c7g.8xlarge",
    "ml.c7g.12xlarge",
    "ml.c7g.16xlarge",
    "ml.m6g.large",
    "ml.m6g.xlarge",
    "ml.m6g.2xlarge",
    "ml.m6g.4xlarge",
    "ml.m6g.8xlarge",
    "ml.m6g.12xlarge",
    "ml.m6g.16xlarge",
    "ml.m6gd.large",
    "ml.m6gd.xlarge",
    "ml.m6gd.2xlarge",
    "ml.m6gd.4xlarge",
    "ml.m6gd.8xlarge",
    "ml.m6gd.12xlarge",
    "ml.m6gd.16xlarge",
    "ml.c6g.large",
    "ml.c6g.xlarge",
    "ml.c6g.2xlarge",
    "ml.c6g.4xlarge",
    "ml.c6g.8xlarge",
    "ml.c6g.12xlarge",
    "ml.c6g.16xlarge",
    "ml.c6gd.large",
    "ml.c6gd.xlarge",
    "ml.c6gd.2xlarge",
    "ml.c6gd.4xlarge",
    "ml.c6gd.8xlarge",
    "ml.c6gd.12xlarge",
    "ml.c6gd.16xlarge",
    "ml.c6gn.large",
    "ml.c6gn.xlarge",
    "ml.c6gn.2xlarge",
    "ml.c6gn.4xlarge",
    "ml.c6gn.8xlarge",
    "ml.c6gn.12xlarge",
    "ml.c6gn.16xlarge",
    "ml.r6g.large",
    "ml.r6g.xlarge",
    "ml.r6g.2xlarge",
    "ml.r6g.4xlarge",
    "ml.r6g.8xlarge",
    "ml.r6g.12xlarge",
    "ml.r6g.16xlarge",
    "ml.r6gd.large",
    "ml.r6gd.xlarge",
    "ml.r6gd.2xlarge",
    "ml.r6gd.4xlarge",
    "ml.r6gd.8xlarge",
    "ml.r6gd.12xlarge",
    "ml.r6gd.16xlarge",
    "ml.p4de.24xlarge",
    "ml.trn1.2xlarge",
    "ml.trn1.32xlarge",
    "ml.trn1n.32xlarge",
    "ml.trn2.48xlarge",
    "ml.inf2.xlarge",
    "ml.inf2.8xlarge",
    "ml.inf2.24xlarge",
    "ml.inf2.48xlarge",
    "ml.p5.48xlarge",
    "ml.p5e.48xlarge",
    "ml.p5en.48xlarge",
    "ml.m7i.large",
    "ml.m7i.xlarge",
    "ml.m7i.2xlarge",
    "ml.m7i.4xlarge",
    "ml.m7i.8xlarge",
    "ml.m7i.12xlarge",
    "ml.m7i.16xlarge",
    "ml.m7i.24xlarge",
    "ml.m7i.48xlarge",
    "ml.c7i.large",
    "ml.c7i.xlarge",
    "ml.c7i.2xlarge",
    "ml.c7i.4xlarge",
    "ml.c7i.8xlarge",
    "ml.c7i.12xlarge",
    "ml.c7i.16xlarge",
    "ml.c7i.24xlarge",
    "ml.c7i.48xlarge",
    "ml.r7i.large",
    "ml.r7i.xlarge",
    "ml.r7i.2xlarge",
    "ml.r7i.4xlarge",
    "ml.r7i.8xlarge",
    "ml.r7i.12xlarge",
    "ml.r7i.16xlarge",
    "ml.r7i.24xlarge",
    "ml.r7i.48xlarge",
    "ml.c8g.medium",
    "ml.c8g.large",
    "ml.c8g.xlarge",
    "ml.c8g.2xlarge",
    "ml.c8g.4xlarge",
    "ml.c8g.8xlarge",
    "ml.c8g.12xlarge",
    "ml.c8g.16xlarge",
    "ml.c8g.24xlarge",
    "ml.c8g.48xlarge",
    "ml.r7gd.medium",
    "ml.r7gd.large",
    "ml.r7gd.xlarge",
    "ml.r7gd.2xlarge",
    "ml.r7gd.4xlarge",
    "ml.r7gd.8xlarge",
    "ml.r7gd.12xlarge",
    "ml.r7gd.16xlarge",
    "ml.m8g.medium",
    "ml.m8g.large",
    "ml.m8g.xlarge",
    "ml.m8g.2xlarge",
    "ml.m8g.4xlarge",
    "ml.m8g.8xlarge",
    "ml.m8g.12xlarge",
    "ml.m8g.16xlarge",
    "ml.m8g.24xlarge",
    "ml.m8g.48xlarge",
    "ml.c6in.large",
    "ml.c6in.xlarge",
    "ml.c6in.2xlarge",
    "ml.c6in.4xlarge",
    "ml.c6in.8xlarge",
    "ml.c6in.12xlarge",
    "ml.c6in.16xlarge",
    "ml.c6in.24xlarge",
    "ml.c6in.32xlarge",
    "ml.p6-b200.48xlarge",
    "ml.p6-b300.48xlarge",
    "ml.p6e-gb200.36xlarge",
    "ml.p5.4xlarge"
   ]
  },
  "ProductionVariantList": {
   "type": "list",
   "member": "ProductionVariant",
   "min": 1,
   "max": 10
  },
  "ProductionVariantManagedInstanceScaling": {
   "type": "structure",
   "members": {
    "Status": "ManagedInstanceScalingStatus",
    "MinInstanceCount": "ManagedInstanceScalingMinInstanceCount",
    "MaxInstanceCount": "ManagedInstanceScalingMaxInstanceCount",
    "ScaleInPolicy": "ProductionVariantManagedInstanceScalingScaleInPolicy"
   }
  },
  "ProductionVariantManagedInstanceScalingScaleInPolicy": {
   "type": "structure",
   "members": {
    "Strategy": "ManagedInstanceScalingScaleInStrategy",
    "MaximumStepSize": "ManagedInstanceScalingMaximumStepSize",
    "CooldownInMinutes": "ManagedInstanceScalingCooldownInMinutes"
   },
   "required": [
    "Strategy"
   ]
  },
  "ProductionVariantModelDataDownloadTimeoutInSeconds": {
   "type": "integer",
   "min": 60,
   "max": 3600
  },
  "ProductionVariantRoutingConfig": {
   "type": "structure",
   "members": {
    "RoutingStrategy": "RoutingStrategy"
   },
   "required": [
    "RoutingStrategy"
   ]
  },
  "ProductionVariantSSMAccess": {
   "type": "boolean"
  },
  "ProductionVariantServerlessConfig": {
   "type": "structure",
   "members": {
    "MemorySizeInMB": "ServerlessMemorySizeInMB",
    "MaxConcurrency": "ServerlessMaxConcurrency",
    "ProvisionedConcurrency": "ServerlessProvisionedConcurrency"
   },
   "required": [
    "MemorySizeInMB",
    "MaxConcurrency"
   ]
  },
  "ProductionVariantStatus": {
   "type": "structure",
   "members": {
    "Status": "VariantStatus",
    "StatusMessage": "VariantStatusMessage",
    "StartTime": "Timestamp"
   },
   "required": [
    "Status"
   ]
  },
  "ProductionVariantStatusList": {
   "type": "list",
   "member": "ProductionVariantStatus",
   "min": 0,
   "max": 5
  },
  "ProductionVariantSummary": {
   "type": "structure",
   "members": {
    "VariantName": "VariantName",
    "DeployedImages": "DeployedImages",
    "CurrentWeight": "VariantWeight",
    "DesiredWeight": "VariantWeight",
    "CurrentInstanceCount": "TaskCount",
    "DesiredInstanceCount": "TaskCount",
    "InstancePools": "InstancePoolSummaryList",
    "VariantStatus": "ProductionVariantStatusList",
    "CurrentServerlessConfig": "ProductionVariantServerlessConfig",
    "DesiredServerlessConfig": "ProductionVariantServerlessConfig",
    "ManagedInstanceScaling": "ProductionVariantManagedInstanceScaling",
    "RoutingConfig": "ProductionVariantRoutingConfig",
    "CapacityReservationConfig": "ProductionVariantCapacityReservationSummary"
   },
   "required": [
    "VariantName"
   ]
  },
  "ProductionVariantSummaryList": {
   "type": "list",
   "member": "ProductionVariantSummary",
   "min": 1
  },
  "ProductionVariantVolumeSizeInGB": {
   "type": "integer",
   "min": 1,
   "max": 512
  },
  "ProfilerConfig": {
   "type": "structure",
   "members": {
    "S3OutputPath": "S3Uri",
    "ProfilingIntervalInMilliseconds": "ProfilingIntervalInMilliseconds",
    "ProfilingParameters": "ProfilingParameters",
    "DisableProfiler": "DisableProfiler"
   }
  },
  "ProfilerRuleConfiguration": {
   "type": "structure",
   "members": {
    "RuleConfigurationName": "RuleConfigurationName",
    "LocalPath": "DirectoryPath",
    "S3OutputPath": "S3Uri",
    "RuleEvaluatorImage": "AlgorithmImage",
    "InstanceType": "ProcessingInstanceType",
    "VolumeSizeInGB": "OptionalVolumeSizeInGB",
    "RuleParameters": "RuleParameters"
   },
   "required": [
    "RuleConfigurationName",
    "RuleEvaluatorImage"
   ]
  },
  "ProfilerRuleConfigurations": {
   "type": "list",
   "member": "ProfilerRuleConfiguration",
   "min": 0,
   "max": 20
  },
  "ProfilerRuleEvaluationStatus": {
   "type": "structure",
   "members": {
    "RuleConfigurationName": "RuleConfigurationName",
    "RuleEvaluationJobArn": "ProcessingJobArn",
    "RuleEvaluationStatus": "RuleEvaluationStatus",
    "StatusDetails": "StatusDetails",
    "LastModifiedTime": "Timestamp"
   }
  },
  "ProfilerRuleEvaluationStatuses": {
   "type": "list",
   "member": "ProfilerRuleEvaluationStatus",
   "min": 0,
   "max": 20
  },
  "ProfilingIntervalInMilliseconds": {
   "type": "long"
  },
  "ProfilingParameters": {
   "type": "map",
   "key": "ConfigKey",
   "value": "ConfigValue",
   "min": 0,
   "max": 20
  },
  "ProfilingStatus": {
   "type": "string",
   "enum": [
    "Enabled",
    "Disabled"
   ]
  },
  "PublicWorkforceTaskPrice": {
   "type": "structure",
   "members": {
    "AmountInUsd": "USD"
   }
  },
  "RandomSeed": {
   "type": "integer",
   "min": 0
  },
  "RealTimeInferenceRecommendation": {
   "type": "structure",
   "members": {
    "RecommendationId": "String",
    "InstanceType": "ProductionVariantInstanceType",
    "Environment": "EnvironmentMap"
   },
   "required": [
    "RecommendationId",
    "InstanceType"
   ]
  },
  "RealTimeInferenceRecommendations": {
   "type": "list",
   "member": "RealTimeInferenceRecommendation",
   "min": 0,
   "max": 3
  },
  "RecommendationStatus": {
   "type": "string",
   "enum": [
    "IN_PROGRESS",
    "COMPLETED",
    "FAILED",
    "NOT_APPLICABLE"
   ]
  },
  "RecordWrapper": {
   "type": "string",
   "enum": [
    "None",
    "RecordIO"
   ]
  },
  "RedshiftClusterId": {
   "type": "string",
   "min": 1,
   "max": 63,
   "pattern": ".*"
  },
  "RedshiftDatabase": {
   "type": "string",
   "min": 1,
   "max": 64,
   "pattern": ".*"
  },
  "RedshiftDatasetDefinition": {
   "type": "structure",
   "members": {
    "ClusterId": "RedshiftClusterId",
    "Database": "RedshiftDatabase",
    "DbUser": "RedshiftUserName",
    "QueryString": "RedshiftQueryString",
    "ClusterRoleArn": "RoleArn",
    "OutputS3Uri": "S3Uri",
    "KmsKeyId": "KmsKeyId",
    "OutputFormat": "RedshiftResultFormat",
    "OutputCompression": "RedshiftResultCompressionType"
   },
   "required": [
    "ClusterId",
    "Database",
    "DbUser",
    "QueryString",
    "ClusterRoleArn",
    "OutputS3Uri",
    "OutputFormat"
   ]
  },
  "RedshiftQueryString": {
   "type": "string",
   "min": 1,
   "max": 4096,
   "pattern": "[\\s\\S]+"
  },
  "RedshiftResultCompressionType": {
   "type": "string",
   "enum": [
    "None",
    "GZIP",
    "BZIP2",
    "ZSTD",
    "SNAPPY"
   ]
  },
  "RedshiftResultFormat": {
   "type": "string",
   "enum": [
    "PARQUET",
    "CSV"
   ]
  },
  "RedshiftUserName": {
   "type": "string",
   "min": 1,
   "max": 128,
   "pattern": ".*"
  },
  "RemoteDebugConfig": {
   "type": "structure",
   "members": {
    "EnableRemoteDebug": "EnableRemoteDebug"
   }
  },
  "RepositoryAccessMode": {
   "type": "string",
   "enum": [
    "Platform",
    "Vpc"
   ]
  },
  "RepositoryAuthConfig": {
   "type": "structure",
   "members": {
    "RepositoryCredentialsProviderArn": "RepositoryCredentialsProviderArn"
   },
   "required": [
    "RepositoryCredentialsProviderArn"
   ]
  },
  "RepositoryCredentialsProviderArn": {
   "type": "string",
   "min": 1,
   "max": 2048,
   "pattern": ".*"
  },
  "ResourceArn": {
   "type": "string",
   "min": 0,
   "max": 256,
   "pattern": "arn:aws[a-z-]*:sagemaker:[a-z0-9-]*:[0-9]{12}:.+"
  },
  "ResourceConfig": {
   "type": "structure",
   "members": {
    "InstanceType": "TrainingInstanceType",
    "InstanceCount": "TrainingInstanceCount",
    "VolumeSizeInGB": "OptionalVolumeSizeInGB",
    "VolumeKmsKeyId": "KmsKeyId",
    "KeepAlivePeriodInSeconds": "KeepAlivePeriodInSeconds",
    "InstanceGroups": "InstanceGroups",
    "TrainingPlanArn": "TrainingPlanArn",
    "InstancePlacementConfig": "InstancePlacementConfig"
   }
  },
  "ResourceLimits": {
   "type": "structure",
   "members": {
    "MaxNumberOfTrainingJobs": "MaxNumberOfTrainingJobs",
    "MaxParallelTrainingJobs": "MaxParallelTrainingJobs",
    "MaxRuntimeInSeconds": "HyperParameterTuningMaxRuntimeInSeconds"
   },
   "required": [
    "MaxParallelTrainingJobs"
   ]
  },
  "ResourceRetainedBillableTimeInSeconds": {
   "type": "integer",
   "min": 0
  },
  "RetryStrategy": {
   "type": "structure",
   "members": {
    "MaximumRetryAttempts": "MaximumRetryAttempts"
   },
   "required": [
    "MaximumRetryAttempts"
   ]
  },
  "RoleArn": {
   "type": "string",
   "min": 20,
   "max": 2048,
   "pattern": "arn:aws[a-z\\-]*:iam::\\d{12}:role/?[a-zA-Z_0-9+=,.@\\-_/]+"
  },
  "RollingUpdatePolicy": {
   "type": "structure",
   "members": {
    "MaximumBatchSize": "CapacitySize",
    "WaitIntervalInSeconds": "WaitIntervalInSeconds",
    "MaximumExecutionTimeoutInSeconds": "MaximumExecutionTimeoutInSeconds",
    "RollbackMaximumBatchSize": "CapacitySize"
   },
   "required": [
    "MaximumBatchSize",
    "WaitIntervalInSeconds"
   ]
  },
  "RoutingStrategy": {
   "type": "string",
   "enum": [
    "LEAST_OUTSTANDING_REQUESTS",
    "RANDOM"
   ]
  },
  "RuleConfigurationName": {
   "type": "string",
   "min": 1,
   "max": 256,
   "pattern": ".*"
  },
  "RuleEvaluationStatus": {
   "type": "string",
   "enum": [
    "InProgress",
    "NoIssuesFound",
    "IssuesFound",
    "Error",
    "Stopping",
    "Stopped"
   ]
  },
  "RuleParameters": {
   "type": "map",
   "key": "ConfigKey",
   "value": "ConfigValue",
   "min": 0,
   "max": 100
  },
  "S3DataDistribution": {
   "type": "string",
   "enum": [
    "FullyReplicated",
    "ShardedByS3Key"
   ]
  },
  "S3DataSource": {
   "type": "structure",
   "members": {
    "S3DataType": "S3DataType",
    "S3Uri": "S3Uri",
    "S3DataDistributionType": "S3DataDistribution",
    "AttributeNames": "AttributeNames",
    "InstanceGroupNames": "InstanceGroupNames",
    "ModelAccessConfig": "ModelAccessConfig",
    "HubAccessConfig": "HubAccessConfig"
   },
   "required": [
    "S3DataType",
    "S3Uri"
   ]
  },
  "S3DataType": {
   "type": "string",
   "enum": [
    "ManifestFile",
    "S3Prefix",
    "AugmentedManifestFile",
    "Converse"
   ]
  },
  "S3ModelDataSource": {
   "type": "structure",
   "members": {
    "S3Uri": "S3ModelUri",
    "S3DataType": "S3ModelDataType",
    "CompressionType": "ModelCompressionType",
    "ModelAccessConfig": "ModelAccessConfig",
    "HubAccessConfig": "InferenceHubAccessConfig",
    "ManifestS3Uri": "S3ModelUri",
    "ETag": "String",
    "ManifestEtag": "String"
   },
   "required": [
    "S3Uri",
    "S3DataType",
    "CompressionType"
   ]
  },
  "S3ModelDataType": {
   "type": "string",
   "enum": [
    "S3Prefix",
    "S3Object"
   ]
  },
  "S3ModelUri": {
   "type": "string",
   "min": 0,
   "max": 1024,
   "pattern": "(https|s3)://([^/]+)/?(.*)"
  },
  "S3Uri": {
   "type": "string",
   "min": 0,
   "max": 1024,
   "pattern": "(https|s3)://([^/]+)/?(.*)"
  },
  "SamplingPercentage": {
   "type": "integer",
   "min": 0,
   "max": 100
  },
  "SecondaryStatus": {
   "type": "string",
   "enum": [
    "Starting",
    "LaunchingMLInstances",
    "PreparingTrainingStack",
    "Downloading",
    "DownloadingTrainingImage",
    "Training",
    "Uploading",
    "Stopping",
    "Stopped",
    "MaxRuntimeExceeded",
    "Completed",
    "Failed",
    "Interrupted",
    "MaxWaitTimeExceeded",
    "Updating",
    "Restarting",
    "Pending"
   ]
  },
  "SecondaryStatusTransition": {
   "type": "structure",
   "members": {
    "Status": "SecondaryStatus",
    "StartTime": "Timestamp",
    "EndTime": "Timestamp",
    "StatusMessage": "StatusMessage"
   },
   "required": [
    "Status",
    "StartTime"
   ]
  },
  "SecondaryStatusTransitions": {
   "type": "list",
   "member": "SecondaryStatusTransition"
  },
  "SecurityGroupId": {
   "type": "string",
   "min": 0,
   "max": 32,
   "pattern": "[-0-9a-zA-Z]+"
  },
  "Seed": {
   "type": "long"
  },
  "ServerlessJobBaseModelArn": {
   "type": "string",
   "min": 1,
   "max": 2048,
   "pattern": "(arn:[a-z0-9-\\.]{1,63}:sagemaker:\\w+(?:-\\w+)+:(\\d{12}|aws):hub-content\\/)[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}\\/Model\\/[a-zA-Z0-9](-*[a-zA-Z0-9]){0,63}(\\/\\d{1,4}.\\d{1,4}.\\d{1,4})?"
  },
  "ServerlessJobConfig": {
   "type": "structure",
   "members": {
    "BaseModelArn": "ServerlessJobBaseModelArn",
    "AcceptEula": "AcceptEula",
    "JobType": "ServerlessJobType",
    "CustomizationTechnique": "CustomizationTechnique",
    "Peft": "Peft",
    "EvaluationType": "EvaluationType",
    "EvaluatorArn": "EvaluatorArn"
   },
   "required": [
    "BaseModelArn",
    "JobType"
   ]
  },
  "ServerlessJobType": {
   "type": "string",
   "enum": [
    "FineTuning",
    "Evaluation"
   ]
  },
  "ServerlessMaxConcurrency": {
   "type": "integer",
   "min": 1,
   "max": 200
  },
  "ServerlessMemorySizeInMB": {
   "type": "integer",
   "min": 1024,
   "max": 6144
  },
  "ServerlessProvisionedConcurrency": {
   "type": "integer",
   "min": 1,
   "max": 200
  },
  "SessionChainingConfig": {
   "type": "structure",
   "members": {
    "EnableSessionTagChaining": "EnableSessionTagChaining"
   }
  },
  "ShuffleConfig": {
   "type": "structure",
   "members": {
    "Seed": "Seed"
   },
   "required": [
    "Seed"
   ]
  },
  "SnsTopicArn": {
   "type": "string",
   "min": 0,
   "max": 2048,
   "pattern": "arn:aws[a-z\\-]*:sns:[a-z0-9\\-]*:[0-9]{12}:[a-zA-Z0-9_.-]+"
  },
  "SortBy": {
   "type": "string",
   "enum": [
    "Name",
    "CreationTime",
    "Status"
   ]
  },
  "SortOrder": {
   "type": "string",
   "enum": [
    "Ascending",
    "Descending"
   ]
  },
  "SplitType": {
   "type": "string",
   "enum": [
    "None",
    "Line",
    "RecordIO",
    "TFRecord"
   ]
  },
  "StatusDetails": {
   "type": "string",
   "min": 0,
   "max": 1024,
   "pattern": ".*"
  },
  "StatusMessage": {
   "type": "string"
  },
  "StopHyperParameterTuningJobRequest": {
   "type": "structure",
   "members": {
    "HyperParameterTuningJobName": "HyperParameterTuningJobName"
   },
   "required": [
    "HyperParameterTuningJobName"
   ]
  },
  "StopLabelingJobRequest": {
   "type": "structure",
   "members": {
    "LabelingJobName": "LabelingJobName"
   },
   "required": [
    "LabelingJobName"
   ]
  },
  "StopProcessingJobRequest": {
   "type": "structure",
   "members": {
    "ProcessingJobName": "ProcessingJobName"
   },
   "required": [
    "ProcessingJobName"
   ]
  },
  "StopTrainingJobRequest": {
   "type": "structure",
   "members": {
    "TrainingJobName": "TrainingJobName"
   },
   "required": [
    "TrainingJobName"
   ]
  },
  "StopTransformJobRequest": {
   "type": "structure",
   "members": {
    "TransformJobName": "TransformJobName"
   },
   "required": [
    "TransformJobName"
   ]
  },
  "StoppingCondition": {
   "type": "structure",
   "members": {
    "MaxRuntimeInSeconds": "MaxRuntimeInSeconds",
    "MaxWaitTimeInSeconds": "MaxWaitTimeInSeconds",
    "MaxPendingTimeInSeconds": "MaxPendingTimeInSeconds"
   }
  },
  "String": {
   "type": "string"
  },
  "String256": {
   "type": "string",
   "min": 0,
   "max": 256
  },
  "SubnetId": {
   "type": "string",
   "min": 0,
   "max": 32,
   "pattern": "[-0-9a-zA-Z]+"
  },
  "Subnets": {
   "type": "list",
   "member": "SubnetId",
   "min": 1,
   "max": 16
  },
  "Tag": {
   "type": "structure",
   "members": {
    "Key": "TagKey",
    "Value": "TagValue"
   },
   "required": [
    "Key",
    "Value"
   ]
  },
  "TagKey": {
   "type": "string",
   "min": 1,
   "max": 128,
   "pattern": "([\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*)"
  },
  "TagList": {
   "type": "list",
   "member": "Tag",
   "min": 0,
   "max": 50
  },
  "TagValue": {
   "type": "string",
   "min": 0,
   "max": 256,
   "pattern": "([\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*)"
  },
  "TargetObjectiveMetricValue": {
   "type": "float"
  },
  "TaskAvailabilityLifetimeInSeconds": {
   "type": "integer",
   "min": 60
  },
  "TaskCount": {
   "type": "integer",
   "min": 0
  },
  "TaskDescription": {
   "type": "string",
   "min": 1,
   "max": 255,
   "pattern": ".+"
  },
  "TaskKeyword": {
   "type": "string",
   "min": 1,
   "max": 30,
   "pattern": "[A-Za-z0-9]+( [A-Za-z0-9]+)*"
  },
  "TaskKeywords": {
   "type": "list",
   "member": "TaskKeyword",
   "min": 1,
   "max": 5
  },
  "TaskTimeLimitInSeconds": {
   "type": "integer",
   "min": 30
  },
  "TaskTitle": {
   "type": "string",
   "min": 1,
   "max": 128,
   "pattern": "[\\t\\n\\r -\\uD7FF\\uE000-\\uFFFD]*"
  },
  "TensorBoardOutputConfig": {
   "type": "structure",
   "members": {
    "LocalPath": "DirectoryPath",
    "S3OutputPath": "S3Uri"
   },
   "required": [
    "S3OutputPath"
   ]
  },
  "TenthFractionsOfACent": {
   "type": "integer",
   "min": 0,
   "max": 9
  },
  "TerminationWaitInSeconds": {
   "type": "integer",
   "min": 0,
   "max": 3600
  },
  "Timestamp": {
   "type": "timestamp"
  },
  "TotalStepCountPerEpoch": {
   "type": "long",
   "min": 0
  },
  "TrafficRoutingConfig": {
   "type": "structure",
   "members": {
    "Type": "TrafficRoutingConfigType",
    "WaitIntervalInSeconds": "WaitIntervalInSeconds",
    "CanarySize": "CapacitySize",
    "LinearStepSize": "CapacitySize"
   },
   "required": [
    "Type",
    "WaitIntervalInSeconds"
   ]
  },
  "TrafficRoutingConfigType": {
   "type": "string",
   "enum": [
    "ALL_AT_ONCE",
    "CANARY",
    "LINEAR"
   ]
  },
  "TrainingContainerArgument": {
   "type": "string",
   "min": 0,
   "max": 256,
   "pattern": ".*"
  },
  "TrainingContainerArguments": {
   "type": "list",
   "member": "TrainingContainerArgument",
   "min": 1,
   "max": 100
  },
  "TrainingContainerEntrypoint": {
   "type": "list",
   "member": "TrainingContainerEntrypointString",
   "min": 1,
   "max": 100
  },
  "TrainingContainerEntrypointString": {
   "type": "string",
   "min": 0,
   "max": 256,
   "pattern": ".*"
  },
  "TrainingEnvironmentKey": {
   "type": "string",
   "min": 0,
   "max": 512,
   "pattern": "[a-zA-Z_][a-zA-Z0-9_]*"
  },
  "TrainingEnvironmentMap": {
   "type": "map",
   "key": "TrainingEnvironmentKey",
   "value": "TrainingEnvironmentValue",
   "min": 0,
   "max": 100
  },
  "TrainingEnvironmentValue": {
   "type": "string",
   "min": 0,
   "max": 512,
   "pattern": "[\\S\\s]*"
  },
  "TrainingEpochCount": {
   "type": "long",
   "min": 0
  },
  "TrainingEpochIndex": {
   "type": "long",
   "min": 0
  },
  "TrainingImageConfig": {
   "type": "structure",
   "members": {
    "TrainingRepositoryAccessMode": "TrainingRepositoryAccessMode",
    "TrainingRepositoryAuthConfig": "TrainingRepositoryAuthConfig"
   },
   "required": [
    "TrainingRepositoryAccessMode"
   ]
  },
  "TrainingInputMode": {
   "type": "string",
   "enum": [
    "Pipe",
    "File",
    "FastFile"
   ]
  },
  "TrainingInstanceCount": {
   "type": "integer",
   "min": 0
  },
  "TrainingInstanceType": {
   "type": "string",
   "enum": [
    "ml.m4.xlarge",
    "ml.m4.2xlarge",
    "ml.m4.4xlarge",
    "ml.m4.10xlarge",
    "ml.m4.16xlarge",
    "ml.g4dn.xlarge",
    "ml.g4dn.2xlarge",
    "ml.g4dn.4xlarge",
    "ml.g4dn.8xlarge",
    "ml.g4dn.12xlarge",
    "ml.g4dn.16xlarge",
    "ml.m5.large",
    "ml.m5.xlarge",
    "ml.m5.2xlarge",
    "ml.m5.4xlarge",
    "ml.m5.12xlarge",
    "ml.m5.24xlarge",
    "ml.c4.xlarge",
    "ml.c4.2xlarge",
    "ml.c4.4xlarge",
    "ml.c4.8xlarge",
    "ml.p2.xlarge",
    "ml.p2.8xlarge",
    "ml.p2.16xlarge",
    "ml.p3.2xlarge",
    "ml.p3.8xlarge",
    "ml.p3.16xlarge",
    "ml.p3dn.24xlarge",
    "ml.p4d.24xlarge",
    "ml.p4de.24xlarge",
    "ml.p5.48xlarge",
    "ml.p5e.48xlarge",
    "ml.p5en.48xlarge",
    "ml.c5.xlarge",
    "ml.c5.2xlarge",
    "ml.c5.4xlarge",
    "ml.c5.9xlarge",
    "ml.c5.18xlarge",
    "ml.c5n.xlarge",
    "ml.c5n.2xlarge",
    "ml.c5n.4xlarge",
    "ml.c5n.9xlarge",
    "ml.c5n.18xlarge",
    "ml.g5.xlarge",
    "ml.g5.2xlarge",
    "ml.g5.4xlarge",
    "ml.g5.8xlarge",
    "ml.g5.16xlarge",
    "ml.g5.12xlarge",
    "ml.g5.24xlarge",
    "ml.g5.48xlarge",
    "ml.g6.xlarge",
    "ml.g6.2xlarge",
    "ml.g6.4xlarge",
    "ml.g6.8xlarge",
    "ml.g6.16xlarge",
    "ml.g6.12xlarge",
    "ml.g6.24xlarge",
    "ml.g6.48xlarge",
    "ml.g6e.xlarge",
    "ml.g6e.2xlarge",
    "ml.g6e.4xlarge",
    "ml.g6e.8xlarge",
    "ml.g6e.16xlarge",
    "ml.g6e.12xlarge",
    "ml.g6e.24xlarge",
    "ml.g6e.48xlarge",
    "ml.trn1.2xlarge",
    "ml.trn1.32xlarge",
    "ml.trn1n.32xlarge",
    "ml.trn2.48xlarge",
    "ml.m6i.large",
    "ml.m6i.xlarge",
    "ml.m6i.2xlarge",
    "ml.m6i.4xlarge",
    "ml.m6i.8xlarge",
    "ml.m6i.12xlarge",
    "ml.m6i.16xlarge",
    "ml.m6i.24xlarge",
    "ml.m6i.32xlarge",
    "ml.c6i.xlarge",
    "ml.c6i.2xlarge",
    "ml.c6i.8xlarge",
    "ml.c6i.4xlarge",
    "ml.c6i.12xlarge",
    "ml.c6i.16xlarge",
    "ml.c6i.24xlarge",
    "ml.c6i.32xlarge",
    "ml.r5d.large",
    "ml.r5d.xlarge",
    "ml.r5d.2xlarge",
    "ml.r5d.4xlarge",
    "ml.r5d.8xlarge",
    "ml.r5d.12xlarge",
    "ml.r5d.16xlarge",
    "ml.r5d.24xlarge",
    "ml.t3.medium",
    "ml.t3.large",
    "ml.t3.xlarge",
    "ml.t3.2xlarge",
    "ml.r5.large",
    "ml.r5.xlarge",
    "ml.r5.2xlarge",
    "ml.r5.4xlarge",
    "ml.r5.8xlarge",
    "ml.r5.12xlarge",
    "ml.r5.16xlarge",
    "ml.r5.24xlarge",
    "ml.p6-b200.48xlarge",
    "ml.m7i.large",
    "ml.m7i.xlarge",
    "ml.m7i.2xlarge",
    "ml.m7i.4xlarge",
    "ml.m7i.8xlarge",
    "ml.m7i.12xlarge",
    "ml.m7i.16xlarge",
    "ml.m7i.24xlarge",
    "ml.m7i.48xlarge",
    "ml.c7i.large",
    "ml.c7i.xlarge",
    "ml.c7i.2xlarge",
    "ml.c7i.4xlarge",
    "ml.c7i.8xlarge",
    "ml.c7i.12xlarge",
    "ml.c7i.16xlarge",
    "ml.c7i.24xlarge",
    "ml.c7i.48xlarge",
    "ml.r7i.large",
    "ml.r7i.xlarge",
    "ml.r7i.2xlarge",
    "ml.r7i.4xlarge",
    "ml.r7i.8xlarge",
    "ml.r7i.12xlarge",
    "ml.r7i.16xlarge",
    "ml.r7i.24xlarge",
    "ml.r7i.48xlarge",
    "ml.p6e-gb200.36xlarge",
    "ml.p5.4xlarge",
    "ml.p6-b300.48xlarge",
    "ml.g7e.2xlarge",
    "ml.g7e.4xlarge",
    "ml.g7e.8xlarge",
    "ml.g7e.12xlarge",
    "ml.g7e.24xlarge",
    "ml.g7e.48xlarge"
   ]
  },
  "TrainingJobArn": {
   "type": "string",
   "min": 0,
   "max": 256,
   "pattern": "arn:aws[a-z\\-]*:sagemaker:[a-z0-9\\-]*:[0-9]{12}:training-job/[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}"
  },
  "TrainingJobEarlyStoppingType": {
   "type": "string",
   "enum": [
    "Off",
    "Auto"
   ]
  },
  "TrainingJobName": {
   "type": "string",
   "min": 1,
   "max": 63,
   "pattern": "[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}"
  },
  "TrainingJobStatus": {
   "type": "string",
   "enum": [
    "InProgress",
    "Completed",
    "Failed",
    "Stopping",
    "Stopped",
    "Deleting"
   ]
  },
  "TrainingJobStatusCounter": {
   "type": "integer",
   "min": 0
  },
  "TrainingJobStatusCounters": {
   "type": "structure",
   "members": {
    "Completed": "TrainingJobStatusCounter",
    "InProgress": "TrainingJobStatusCounter",
    "RetryableError": "TrainingJobStatusCounter",
    "NonRetryableError": "TrainingJobStatusCounter",
    "Stopped": "TrainingJobStatusCounter"
   }
  },
  "TrainingJobSummaries": {
   "type": "list",
   "member": "TrainingJobSummary"
  },
  "TrainingJobSummary": {
   "type": "structure",
   "members": {
    "TrainingJobName": "TrainingJobName",
    "TrainingJobArn": "TrainingJobArn",
    "CreationTime": "Timestamp",
    "TrainingEndTime": "Timestamp",
    "LastModifiedTime": "Timestamp",
    "TrainingJobStatus": "TrainingJobStatus",
    "SecondaryStatus": "SecondaryStatus",
    "WarmPoolStatus": "WarmPoolStatus",
    "TrainingPlanArn": "TrainingPlanArn"
   },
   "required": [
    "TrainingJobName",
    "TrainingJobArn",
    "CreationTime",
    "TrainingJobStatus"
   ]
  },
  "TrainingPlanArn": {
   "type": "string",
   "min": 50,
   "max": 2048,
   "pattern": "arn:aws[a-z\\-]*:sagemaker:[a-z0-9\\-]*:[0-9]{12}:training-plan/.*"
  },
  "TrainingProgressInfo": {
   "type": "structure",
   "members": {
    "TotalStepCountPerEpoch": "TotalStepCountPerEpoch",
    "CurrentStep": "TrainingStepIndex",
    "CurrentEpoch": "TrainingEpochIndex",
    "MaxEpoch": "TrainingEpochCount"
   }
  },
  "TrainingRepositoryAccessMode": {
   "type": "string",
   "enum": [
    "Platform",
    "Vpc"
   ]
  },
  "TrainingRepositoryAuthConfig": {
   "type": "structure",
   "members": {
    "TrainingRepositoryCredentialsProviderArn": "TrainingRepositoryCredentialsProviderArn"
   },
   "required": [
    "TrainingRepositoryCredentialsProviderArn"
   ]
  },
  "TrainingRepositoryCredentialsProviderArn": {
   "type": "string",
   "min": 1,
   "max": 2048,
   "pattern": "arn:[a-zA-Z0-9\\-]+:lambda:[a-zA-Z0-9\\-]+:[0-9]{12}:function:.*"
  },
  "TrainingStepIndex": {
   "type": "long",
   "min": 0
  },
  "TrainingTimeInSeconds": {
   "type": "integer",
   "min": 1
  },
  "TransformAmiVersion": {
   "type": "string",
   "min": 1,
   "max": 63,
   "pattern": "[a-zA-Z0-9]+(-[a-zA-Z0-9]+)*"
  },
  "TransformDataSource": {
   "type": "structure",
   "members": {
    "S3DataSource": "TransformS3DataSource"
   },
   "required": [
    "S3DataSource"
   ]
  },
  "TransformEnvironmentKey": {
   "type": "string",
   "min": 0,
   "max": 1024,
   "pattern": "[a-zA-Z_][a-zA-Z0-9_]{0,1023}"
  },
  "TransformEnvironmentMap": {
   "type": "map",
   "key": "TransformEnvironmentKey",
   "value": "TransformEnvironmentValue",
   "min": 0,
   "max": 16
  },
  "TransformEnvironmentValue": {
   "type": "string",
   "min": 0,
   "max": 10240,
   "pattern": "[\\S\\s]*"
  },
  "TransformInput": {
   "type": "structure",
   "members": {
    "DataSource": "TransformDataSource",
    "ContentType": "ContentType",
    "CompressionType": "CompressionType",
    "SplitType": "SplitType"
   },
   "required": [
    "DataSource"
   ]
  },
  "TransformInstanceCount": {
   "type": "integer",
   "min": 1
  },
  "TransformInstanceType": {
   "type": "string",
   "enum": [
    "ml.m4.xlarge",
    "ml.m4.2xlarge",
    "ml.m4.4xlarge",
    "ml.m4.10xlarge",
    "ml.m4.16xlarge",
    "ml.c4.xlarge",
    "ml.c4.2xlarge",
    "ml.c4.4xlarge",
    "ml.c4.8xlarge",
    "ml.p2.xlarge",
    "ml.p2.8xlarge",
    "ml.p2.16xlarge",
    "ml.p3.2xlarge",
    "ml.p3.8xlarge",
    "ml.p3.16xlarge",
    "ml.c5.xlarge",
    "ml.c5.2xlarge",
    "ml.c5.4xlarge",
    "ml.c5.9xlarge",
    "ml.c5.18xlarge",
    "ml.m5.large",
    "ml.m5.xlarge",
    "ml.m5.2xlarge",
    "ml.m5.4xlarge",
    "ml.m5.12xlarge",
    "ml.m5.24xlarge",
    "ml.m6i.large",
    "ml.m6i.xlarge",
    "ml.m6i.2xlarge",
    "ml.m6i.4xlarge",
    "ml.m6i.8xlarge",
    "ml.m6i.12xlarge",
    "ml.m6i.16xlarge",
    "ml.m6i.24xlarge",
    "ml.m6i.32xlarge",
    "ml.c6i.large",
    "ml.c6i.xlarge",
    "ml.c6i.2xlarge",
    "ml.c6i.4xlarge",
    "ml.c6i.8xlarge",
    "ml.c6i.12xlarge",
    "ml.c6i.16xlarge",
    "ml.c6i.24xlarge",
    "ml.c6i.32xlarge",
    "ml.r6i.large",
    "ml.r6i.xlarge",
    "ml.r6i.2xlarge",
    "ml.r6i.4xlarge",
    "ml.r6i.8xlarge",
    "ml.r6i.12xlarge",
    "ml.r6i.16xlarge",
    "ml.r6i.24xlarge",
    "ml.r6i.32xlarge",
    "ml.m7i.large",
    "ml.m7i.xlarge",
    "ml.m7i.2xlarge",
    "ml.m7i.4xlarge",
    "ml.m7i.8xlarge",
    "ml.m7i.12xlarge",
    "ml.m7i.16xlarge",
    "ml.m7i.24xlarge",
    "ml.m7i.48xlarge",
    "ml.c7i.large",
    "ml.c7i.xlarge",
    "ml.c7i.2xlarge",
    "ml.c7i.4xlarge",
    "ml.c7i.8xlarge",
    "ml.c7i.12xlarge",
    "ml.c7i.16xlarge",
    "ml.c7i.24xlarge",
    "ml.c7i.48xlarge",
    "ml.r7i.large",
    "ml.r7i.xlarge",
    "ml.r7i.2xlarge",
    "ml.r7i.4xlarge",
    "ml.r7i.8xlarge",
    "ml.r7i.12xlarge",
    "ml.r7i.16xlarge",
    "ml.r7i.24xlarge",
    "ml.r7i.48xlarge",
    "ml.g4dn.xlarge",
    "ml.g4dn.2xlarge",
    "ml.g4dn.4xlarge",
    "ml.g4dn.8xlarge",
    "ml.g4dn.12xlarge",
    "ml.g4dn.16xlarge",
    "ml.g5.xlarge",
    "ml.g5.2xlarge",
    "ml.g5.4xlarge",
    "ml.g5.8xlarge",
    "ml.g5.12xlarge",
    "ml.g5.16xlarge",
    "ml.g5.24xlarge",
    "ml.g5.48xlarge",
    "ml.trn1.2xlarge",
    "ml.trn1.32xlarge",
    "ml.inf2.xlarge",
    "ml.inf2.8xlarge",
    "ml.inf2.24xlarge",
    "ml.inf2.48xlarge",
    "ml.g6.xlarge",
    "ml.g6.2xlarge",
    "ml.g6.4xlarge",
    "ml.g6.8xlarge",
    "ml.g6.12xlarge",
    "ml.g6.16xlarge",
    "ml.g6.24xlarge",
    "ml.g6.48xlarge"
   ]
  },
  "TransformJobArn": {
   "type": "string",
   "min": 0,
   "max": 256,
   "pattern": "arn:aws[a-z\\-]*:sagemaker:[a-z0-9\\-]*:[0-9]{12}:transform-job/.*"
  },
  "TransformJobName": {
   "type": "string",
   "min": 1,
   "max": 63,
   "pattern": "[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}"
  },
  "TransformJobStatus": {
   "type": "string",
   "enum": [
    "InProgress",
    "Completed",
    "Failed",
    "Stopping",
    "Stopped"
   ]
  },
  "TransformJobSummaries": {
   "type": "list",
   "member": "TransformJobSummary"
  },
  "TransformJobSummary": {
   "type": "structure",
   "members": {
    "TransformJobName": "TransformJobName",
    "TransformJobArn": "TransformJobArn",
    "CreationTime": "Timestamp",
    "TransformEndTime": "Timestamp",
    "LastModifiedTime": "Timestamp",
    "TransformJobStatus": "TransformJobStatus",
    "FailureReason": "FailureReason"
   },
   "required": [
    "TransformJobName",
    "TransformJobArn",
    "CreationTime",
    "TransformJobStatus"
   ]
  },
  "TransformOutput": {
   "type": "structure",
   "members": {
    "S3OutputPath": "S3Uri",
    "Accept": "Accept",
    "AssembleWith": "AssemblyType",
    "KmsKeyId": "KmsKeyId"
   },
   "required": [
    "S3OutputPath"
   ]
  },
  "TransformResources": {
   "type": "structure",
   "members": {
    "InstanceType": "TransformInstanceType",
    "InstanceCount": "TransformInstanceCount",
    "VolumeKmsKeyId": "KmsKeyId",
    "TransformAmiVersion": "TransformAmiVersion"
   },
   "required": [
    "InstanceType",
    "InstanceCount"
   ]
  },
  "TransformS3DataSource": {
   "type": "structure",
   "members": {
    "S3DataType": "S3DataType",
    "S3Uri": "S3Uri"
   },
   "required": [
    "S3DataType",
    "S3Uri"
   ]
  },
  "TuningJobCompletionCriteria": {
   "type": "structure",
   "members": {
    "TargetObjectiveMetricValue": "TargetObjectiveMetricValue",
    "BestObjectiveNotImproving": "BestObjectiveNotImproving",
    "ConvergenceDetected": "ConvergenceDetected"
   }
  },
  "USD": {
   "type": "structure",
   "members": {
    "Dollars": "Dollars",
    "Cents": "Cents",
    "TenthFractionsOfACent": "TenthFractionsOfACent"
   }
  },
  "UiConfig": {
   "type": "structure",
   "members": {
    "UiTemplateS3Uri": "S3Uri",
    "HumanTaskUiArn": "HumanTaskUiArn"
   }
  },
  "UpdateEndpointInput": {
   "type": "structure",
   "members": {
    "EndpointName": "EndpointName",
    "EndpointConfigName": "EndpointConfigName",
    "RetainAllVariantProperties": "Boolean",
    "ExcludeRetainedVariantProperties": "VariantPropertyList",
    "DeploymentConfig": "DeploymentConfig",
    "RetainDeploymentConfig": "Boolean"
   },
   "required": [
    "EndpointName",
    "EndpointConfigName"
   ]
  },
  "UpdateEndpointOutput": {
   "type": "structure",
   "members": {
    "EndpointArn": "EndpointArn"
   },
   "required": [
    "EndpointArn"
   ]
  },
  "Url": {
   "type": "string",
   "min": 0,
   "max": 1024,
   "pattern": "(https|s3)://([^/]+)/?(.*)"
  },
  "VariantInstanceProvisionTimeoutInSeconds": {
   "type": "integer",
   "min": 300,
   "max": 3600
  },
  "VariantName": {
   "type": "string",
   "min": 0,
   "max": 63,
   "pattern": "[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}"
  },
  "VariantProperty": {
   "type": "structure",
   "members": {
    "VariantPropertyType": "VariantPropertyType"
   },
   "required": [
    "VariantPropertyType"
   ]
  },
  "VariantPropertyList": {
   "type": "list",
   "member": "VariantProperty",
   "min": 0,
   "max": 3
  },
  "VariantPropertyType": {
   "type": "string",
   "enum": [
    "DesiredInstanceCount",
    "DesiredWeight",
    "DataCaptureConfig"
   ]
  },
  "VariantStatus": {
   "type": "string",
   "enum": [
    "Creating",
    "Updating",
    "Deleting",
    "ActivatingTraffic",
    "Baking"
   ]
  },
  "VariantStatusMessage": {
   "type": "string",
   "min": 0,
   "max": 1024
  },
  "VariantWeight": {
   "type": "float",
   "min": 0
  },
  "VersionedArnOrName": {
   "type": "string",
   "min": 1,
   "max": 176,
   "pattern": "(arn:aws[a-z\\-]*:sagemaker:[a-z0-9\\-]*:[0-9]{12}:[a-z\\-]*\\/)?([a-zA-Z0-9]([a-zA-Z0-9-]){0,62})(?<!-)(\\/[0-9]{1,9})?"
  },
  "VolumeSizeInGB": {
   "type": "integer",
   "min": 1
  },
  "VpcConfig": {
   "type": "structure",
   "members": {
    "SecurityGroupIds": "VpcSecurityGroupIds",
    "Subnets": "Subnets"
   },
   "required": [
    "SecurityGroupIds",
    "Subnets"
   ]
  },
  "VpcSecurityGroupIds": {
   "type": "list",
   "member": "SecurityGroupId",
   "min": 1,
   "max": 5
  },
  "WaitIntervalInSeconds": {
   "type": "integer",
   "min": 0,
   "max": 3600
  },
  "WarmPoolResourceStatus": {
   "type": "string",
   "enum": [
    "Available",
    "Terminated",
    "Reused",
    "InUse"
   ]
  },
  "WarmPoolStatus": {
   "type": "structure",
   "members": {
    "Status": "WarmPoolResourceStatus",
    "ResourceRetainedBillableTimeInSeconds": "ResourceRetainedBillableTimeInSeconds",
    "ReusedByJob": "TrainingJobName"
   },
   "required": [
    "Status"
   ]
  },
  "WorkteamArn": {
   "type": "string",
   "min": 0,
   "max": 256,
   "pattern": "arn:aws[a-z\\-]*:sagemaker:[a-z0-9\\-]*:[0-9]{12}:workteam/.*"
  }
 }
};
