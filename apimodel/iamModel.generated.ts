// GENERATED FILE: do not edit. Regenerate with `npm run gen:model -- <service-2.json[.gz]>`.
// Derived by scripts/gen-model.ts from the IAM API model service-2.json.gz
// (IAM 2010-05-08, uid iam-2010-05-08, sha256 89d263dc65f96655e9db83c9a5070f2f0eba4db0960941d40a5e64f9bd659ee7),
// botocore JSON, Apache-2.0. Operations `serve` answers and every shape they reach.
import type { ApiModel } from './shape.js';

export const IAM_MODEL: ApiModel = {
 "xmlNamespace": "https://iam.amazonaws.com/doc/2010-05-08/",
 "operations": {
  "CreateRole": {
   "input": "CreateRoleRequest",
   "output": "CreateRoleResponse",
   "errors": [
    "LimitExceededException",
    "InvalidInputException",
    "EntityAlreadyExistsException",
    "MalformedPolicyDocumentException",
    "ConcurrentModificationException",
    "ServiceFailureException"
   ]
  },
  "GetRole": {
   "input": "GetRoleRequest",
   "output": "GetRoleResponse",
   "errors": [
    "NoSuchEntityException",
    "ServiceFailureException"
   ]
  },
  "DeleteRole": {
   "input": "DeleteRoleRequest",
   "errors": [
    "NoSuchEntityException",
    "DeleteConflictException",
    "LimitExceededException",
    "UnmodifiableEntityException",
    "ConcurrentModificationException",
    "ServiceFailureException"
   ]
  },
  "ListRoles": {
   "input": "ListRolesRequest",
   "output": "ListRolesResponse",
   "errors": [
    "ServiceFailureException"
   ]
  },
  "TagRole": {
   "input": "TagRoleRequest",
   "errors": [
    "NoSuchEntityException",
    "LimitExceededException",
    "InvalidInputException",
    "ConcurrentModificationException",
    "ServiceFailureException"
   ]
  },
  "UntagRole": {
   "input": "UntagRoleRequest",
   "errors": [
    "NoSuchEntityException",
    "ConcurrentModificationException",
    "ServiceFailureException"
   ]
  },
  "ListRoleTags": {
   "input": "ListRoleTagsRequest",
   "output": "ListRoleTagsResponse",
   "errors": [
    "NoSuchEntityException",
    "ServiceFailureException"
   ]
  },
  "PutRolePolicy": {
   "input": "PutRolePolicyRequest",
   "errors": [
    "LimitExceededException",
    "MalformedPolicyDocumentException",
    "NoSuchEntityException",
    "UnmodifiableEntityException",
    "ServiceFailureException"
   ]
  },
  "GetRolePolicy": {
   "input": "GetRolePolicyRequest",
   "output": "GetRolePolicyResponse",
   "errors": [
    "NoSuchEntityException",
    "ServiceFailureException"
   ]
  },
  "DeleteRolePolicy": {
   "input": "DeleteRolePolicyRequest",
   "errors": [
    "NoSuchEntityException",
    "LimitExceededException",
    "UnmodifiableEntityException",
    "ServiceFailureException"
   ]
  },
  "ListRolePolicies": {
   "input": "ListRolePoliciesRequest",
   "output": "ListRolePoliciesResponse",
   "errors": [
    "NoSuchEntityException",
    "ServiceFailureException"
   ]
  },
  "CreatePolicy": {
   "input": "CreatePolicyRequest",
   "output": "CreatePolicyResponse",
   "errors": [
    "InvalidInputException",
    "LimitExceededException",
    "EntityAlreadyExistsException",
    "MalformedPolicyDocumentException",
    "ConcurrentModificationException",
    "ServiceFailureException"
   ]
  },
  "GetPolicy": {
   "input": "GetPolicyRequest",
   "output": "GetPolicyResponse",
   "errors": [
    "NoSuchEntityException",
    "InvalidInputException",
    "ServiceFailureException"
   ]
  },
  "DeletePolicy": {
   "input": "DeletePolicyRequest",
   "errors": [
    "NoSuchEntityException",
    "LimitExceededException",
    "InvalidInputException",
    "DeleteConflictException",
    "ServiceFailureException"
   ]
  },
  "AttachRolePolicy": {
   "input": "AttachRolePolicyRequest",
   "errors": [
    "NoSuchEntityException",
    "LimitExceededException",
    "InvalidInputException",
    "UnmodifiableEntityException",
    "PolicyNotAttachableException",
    "ServiceFailureException"
   ]
  },
  "DetachRolePolicy": {
   "input": "DetachRolePolicyRequest",
   "errors": [
    "NoSuchEntityException",
    "LimitExceededException",
    "InvalidInputException",
    "UnmodifiableEntityException",
    "ServiceFailureException"
   ]
  },
  "ListAttachedRolePolicies": {
   "input": "ListAttachedRolePoliciesRequest",
   "output": "ListAttachedRolePoliciesResponse",
   "errors": [
    "NoSuchEntityException",
    "InvalidInputException",
    "ServiceFailureException"
   ]
  }
 },
 "shapes": {
  "AttachRolePolicyRequest": {
   "type": "structure",
   "members": {
    "RoleName": "roleNameType",
    "PolicyArn": "arnType"
   },
   "required": [
    "RoleName",
    "PolicyArn"
   ]
  },
  "AttachedPermissionsBoundary": {
   "type": "structure",
   "members": {
    "PermissionsBoundaryType": "PermissionsBoundaryAttachmentType",
    "PermissionsBoundaryArn": "arnType"
   }
  },
  "AttachedPolicy": {
   "type": "structure",
   "members": {
    "PolicyName": "policyNameType",
    "PolicyArn": "arnType"
   }
  },
  "CreatePolicyRequest": {
   "type": "structure",
   "members": {
    "PolicyName": "policyNameType",
    "Path": "policyPathType",
    "PolicyDocument": "policyDocumentType",
    "Description": "policyDescriptionType",
    "Tags": "tagListType"
   },
   "required": [
    "PolicyName",
    "PolicyDocument"
   ]
  },
  "CreatePolicyResponse": {
   "type": "structure",
   "members": {
    "Policy": "Policy"
   }
  },
  "CreateRoleRequest": {
   "type": "structure",
   "members": {
    "Path": "pathType",
    "RoleName": "roleNameType",
    "AssumeRolePolicyDocument": "policyDocumentType",
    "Description": "roleDescriptionType",
    "MaxSessionDuration": "roleMaxSessionDurationType",
    "PermissionsBoundary": "arnType",
    "Tags": "tagListType"
   },
   "required": [
    "RoleName",
    "AssumeRolePolicyDocument"
   ]
  },
  "CreateRoleResponse": {
   "type": "structure",
   "members": {
    "Role": "Role"
   },
   "required": [
    "Role"
   ]
  },
  "DeletePolicyRequest": {
   "type": "structure",
   "members": {
    "PolicyArn": "arnType"
   },
   "required": [
    "PolicyArn"
   ]
  },
  "DeleteRolePolicyRequest": {
   "type": "structure",
   "members": {
    "RoleName": "roleNameType",
    "PolicyName": "policyNameType"
   },
   "required": [
    "RoleName",
    "PolicyName"
   ]
  },
  "DeleteRoleRequest": {
   "type": "structure",
   "members": {
    "RoleName": "roleNameType"
   },
   "required": [
    "RoleName"
   ]
  },
  "DetachRolePolicyRequest": {
   "type": "structure",
   "members": {
    "RoleName": "roleNameType",
    "PolicyArn": "arnType"
   },
   "required": [
    "RoleName",
    "PolicyArn"
   ]
  },
  "GetPolicyRequest": {
   "type": "structure",
   "members": {
    "PolicyArn": "arnType"
   },
   "required": [
    "PolicyArn"
   ]
  },
  "GetPolicyResponse": {
   "type": "structure",
   "members": {
    "Policy": "Policy"
   }
  },
  "GetRolePolicyRequest": {
   "type": "structure",
   "members": {
    "RoleName": "roleNameType",
    "PolicyName": "policyNameType"
   },
   "required": [
    "RoleName",
    "PolicyName"
   ]
  },
  "GetRolePolicyResponse": {
   "type": "structure",
   "members": {
    "RoleName": "roleNameType",
    "PolicyName": "policyNameType",
    "PolicyDocument": "policyDocumentType"
   },
   "required": [
    "RoleName",
    "PolicyName",
    "PolicyDocument"
   ]
  },
  "GetRoleRequest": {
   "type": "structure",
   "members": {
    "RoleName": "roleNameType"
   },
   "required": [
    "RoleName"
   ]
  },
  "GetRoleResponse": {
   "type": "structure",
   "members": {
    "Role": "Role"
   },
   "required": [
    "Role"
   ]
  },
  "ListAttachedRolePoliciesRequest": {
   "type": "structure",
   "members": {
    "RoleName": "roleNameType",
    "PathPrefix": "policyPathType",
    "Marker": "markerType",
    "MaxItems": "maxItemsType"
   },
   "required": [
    "RoleName"
   ]
  },
  "ListAttachedRolePoliciesResponse": {
   "type": "structure",
   "members": {
    "AttachedPolicies": "attachedPoliciesListType",
    "IsTruncated": "booleanType",
    "Marker": "responseMarkerType"
   }
  },
  "ListRolePoliciesRequest": {
   "type": "structure",
   "members": {
    "RoleName": "roleNameType",
    "Marker": "markerType",
    "MaxItems": "maxItemsType"
   },
   "required": [
    "RoleName"
   ]
  },
  "ListRolePoliciesResponse": {
   "type": "structure",
   "members": {
    "PolicyNames": "policyNameListType",
    "IsTruncated": "booleanType",
    "Marker": "responseMarkerType"
   },
   "required": [
    "PolicyNames"
   ]
  },
  "ListRoleTagsRequest": {
   "type": "structure",
   "members": {
    "RoleName": "roleNameType",
    "Marker": "markerType",
    "MaxItems": "maxItemsType"
   },
   "required": [
    "RoleName"
   ]
  },
  "ListRoleTagsResponse": {
   "type": "structure",
   "members": {
    "Tags": "tagListType",
    "IsTruncated": "booleanType",
    "Marker": "responseMarkerType"
   },
   "required": [
    "Tags"
   ]
  },
  "ListRolesRequest": {
   "type": "structure",
   "members": {
    "PathPrefix": "pathPrefixType",
    "Marker": "markerType",
    "MaxItems": "maxItemsType"
   }
  },
  "ListRolesResponse": {
   "type": "structure",
   "members": {
    "Roles": "roleListType",
    "IsTruncated": "booleanType",
    "Marker": "responseMarkerType"
   },
   "required": [
    "Roles"
   ]
  },
  "PermissionsBoundaryAttachmentType": {
   "type": "string",
   "enum": [
    "PermissionsBoundaryPolicy"
   ]
  },
  "Policy": {
   "type": "structure",
   "members": {
    "PolicyName": "policyNameType",
    "PolicyId": "idType",
    "Arn": "arnType",
    "Path": "policyPathType",
    "DefaultVersionId": "policyVersionIdType",
    "AttachmentCount": "attachmentCountType",
    "PermissionsBoundaryUsageCount": "attachmentCountType",
    "IsAttachable": "booleanType",
    "Description": "policyDescriptionType",
    "CreateDate": "dateType",
    "UpdateDate": "dateType",
    "Tags": "tagListType"
   }
  },
  "PutRolePolicyRequest": {
   "type": "structure",
   "members": {
    "RoleName": "roleNameType",
    "PolicyName": "policyNameType",
    "PolicyDocument": "policyDocumentType"
   },
   "required": [
    "RoleName",
    "PolicyName",
    "PolicyDocument"
   ]
  },
  "Role": {
   "type": "structure",
   "members": {
    "Path": "pathType",
    "RoleName": "roleNameType",
    "RoleId": "idType",
    "Arn": "arnType",
    "CreateDate": "dateType",
    "AssumeRolePolicyDocument": "policyDocumentType",
    "Description": "roleDescriptionType",
    "MaxSessionDuration": "roleMaxSessionDurationType",
    "PermissionsBoundary": "AttachedPermissionsBoundary",
    "Tags": "tagListType",
    "RoleLastUsed": "RoleLastUsed"
   },
   "required": [
    "Path",
    "RoleName",
    "RoleId",
    "Arn",
    "CreateDate"
   ]
  },
  "RoleLastUsed": {
   "type": "structure",
   "members": {
    "LastUsedDate": "dateType",
    "Region": "stringType"
   }
  },
  "Tag": {
   "type": "structure",
   "members": {
    "Key": "tagKeyType",
    "Value": "tagValueType"
   },
   "required": [
    "Key",
    "Value"
   ]
  },
  "TagRoleRequest": {
   "type": "structure",
   "members": {
    "RoleName": "roleNameType",
    "Tags": "tagListType"
   },
   "required": [
    "RoleName",
    "Tags"
   ]
  },
  "UntagRoleRequest": {
   "type": "structure",
   "members": {
    "RoleName": "roleNameType",
    "TagKeys": "tagKeyListType"
   },
   "required": [
    "RoleName",
    "TagKeys"
   ]
  },
  "arnType": {
   "type": "string",
   "min": 20,
   "max": 2048
  },
  "attachedPoliciesListType": {
   "type": "list",
   "member": "AttachedPolicy"
  },
  "attachmentCountType": {
   "type": "integer"
  },
  "booleanType": {
   "type": "boolean"
  },
  "dateType": {
   "type": "timestamp"
  },
  "idType": {
   "type": "string",
   "min": 16,
   "max": 128,
   "pattern": "[\\w]+"
  },
  "markerType": {
   "type": "string",
   "min": 1,
   "max": 320,
   "pattern": "[\\u0020-\\u00FF]+"
  },
  "maxItemsType": {
   "type": "integer",
   "min": 1,
   "max": 1000
  },
  "pathPrefixType": {
   "type": "string",
   "min": 1,
   "max": 512,
   "pattern": "\\u002F[\\u0021-\\u007F]*"
  },
  "pathType": {
   "type": "string",
   "min": 1,
   "max": 512,
   "pattern": "(\\u002F)|(\\u002F[\\u0021-\\u007E]+\\u002F)"
  },
  "policyDescriptionType": {
   "type": "string",
   "max": 1000
  },
  "policyDocumentType": {
   "type": "string",
   "min": 1,
   "max": 131072,
   "pattern": "[\\u0009\\u000A\\u000D\\u0020-\\u00FF]+"
  },
  "policyNameListType": {
   "type": "list",
   "member": "policyNameType"
  },
  "policyNameType": {
   "type": "string",
   "min": 1,
   "max": 128,
   "pattern": "[\\w+=,.@-]+"
  },
  "policyPathType": {
   "type": "string",
   "min": 1,
   "max": 512,
   "pattern": "((/[A-Za-z0-9\\.,\\+@=_-]+)*)/"
  },
  "policyVersionIdType": {
   "type": "string",
   "pattern": "v[1-9][0-9]*(\\.[A-Za-z0-9-]*)?"
  },
  "responseMarkerType": {
   "type": "string"
  },
  "roleDescriptionType": {
   "type": "string",
   "max": 1000,
   "pattern": "[\\u0009\\u000A\\u000D\\u0020-\\u007E\\u00A1-\\u00FF]*"
  },
  "roleListType": {
   "type": "list",
   "member": "Role"
  },
  "roleMaxSessionDurationType": {
   "type": "integer",
   "min": 3600,
   "max": 43200
  },
  "roleNameType": {
   "type": "string",
   "min": 1,
   "max": 64,
   "pattern": "[\\w+=,.@-]+"
  },
  "stringType": {
   "type": "string"
  },
  "tagKeyListType": {
   "type": "list",
   "member": "tagKeyType",
   "max": 50
  },
  "tagKeyType": {
   "type": "string",
   "min": 1,
   "max": 128,
   "pattern": "[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]+"
  },
  "tagListType": {
   "type": "list",
   "member": "Tag",
   "max": 50
  },
  "tagValueType": {
   "type": "string",
   "min": 0,
   "max": 256,
   "pattern": "[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*"
  }
 },
 "errors": {
  "ConcurrentModificationException": {
   "code": "ConcurrentModification",
   "status": 409,
   "fault": "Sender"
  },
  "DeleteConflictException": {
   "code": "DeleteConflict",
   "status": 409,
   "fault": "Sender"
  },
  "EntityAlreadyExistsException": {
   "code": "EntityAlreadyExists",
   "status": 409,
   "fault": "Sender"
  },
  "InvalidInputException": {
   "code": "InvalidInput",
   "status": 400,
   "fault": "Sender"
  },
  "LimitExceededException": {
   "code": "LimitExceeded",
   "status": 409,
   "fault": "Sender"
  },
  "MalformedPolicyDocumentException": {
   "code": "MalformedPolicyDocument",
   "status": 400,
   "fault": "Sender"
  },
  "NoSuchEntityException": {
   "code": "NoSuchEntity",
   "status": 404,
   "fault": "Sender"
  },
  "PolicyNotAttachableException": {
   "code": "PolicyNotAttachable",
   "status": 400,
   "fault": "Sender"
  },
  "ServiceFailureException": {
   "code": "ServiceFailure",
   "status": 500,
   "fault": "Receiver"
  },
  "UnmodifiableEntityException": {
   "code": "UnmodifiableEntity",
   "status": 400,
   "fault": "Sender"
  }
 }
};
