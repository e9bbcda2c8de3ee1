// Generated from rules/catalogue.yaml by `pnpm generate`. Do not edit.
import type { CatalogueData } from './types.js';

export const catalogueData: CatalogueData = {
  "revision": 4,
  "sources": {
    "service-keys": {
      "title": "NVCF documentation, Service Keys",
      "url": "https://docs.nvidia.com/nvcf/service-keys"
    },
    "nvcf-operations": {
      "title": "NVCF API reference and the open-source NVCF control plane (NVIDIA/nvcf)",
      "url": "https://docs.nvidia.com/cloud-functions/user-guide/latest/cloud-function/api.html"
    }
  },
  "scopes": [
    {
      "name": "Invoke Function",
      "description": "Allows access to invoke a cloud function.",
      "identifier": "invoke_function",
      "source": {
        "ref": "service-keys",
        "section": "Available Scopes"
      }
    },
    {
      "name": "List Functions",
      "description": "Allows access to list cloud functions.",
      "identifier": "list_functions",
      "source": {
        "ref": "service-keys",
        "section": "Available Scopes"
      }
    },
    {
      "name": "List Function Details",
      "description": "Allows access to list details for a cloud function.",
      "identifier": "list_functions_details",
      "source": {
        "ref": "service-keys",
        "section": "Available Scopes"
      }
    },
    {
      "name": "Queue Details",
      "description": "Allows access to get details of the queues associated with functions.",
      "identifier": "queue_details",
      "source": {
        "ref": "service-keys",
        "section": "Available Scopes"
      }
    },
    {
      "name": "Register Function",
      "description": "Allows access to register a cloud function.",
      "identifier": "register_function",
      "source": {
        "ref": "service-keys",
        "section": "Available Scopes"
      }
    },
    {
      "name": "Deploy Function",
      "description": "Allows access to deploy a cloud function.",
      "identifier": "deploy_function",
      "source": {
        "ref": "service-keys",
        "section": "Available Scopes"
      }
    },
    {
      "name": "Update Function",
      "description": "Allows access to update a cloud function.",
      "identifier": "update_function",
      "source": {
        "ref": "service-keys",
        "section": "Available Scopes"
      }
    },
    {
      "name": "Delete Function",
      "description": "Allows access to delete a cloud function.",
      "identifier": "delete_function",
      "source": {
        "ref": "service-keys",
        "section": "Available Scopes"
      }
    },
    {
      "name": "Authorize Clients",
      "description": "Allows sharing or removing access to a cloud function.",
      "identifier": "authorize_clients",
      "onlyResourceTypes": [
        "All Functions"
      ],
      "source": {
        "ref": "service-keys",
        "section": "Troubleshooting",
        "note": "Authorize Clients used with a non-All Functions resource type"
      }
    },
    {
      "name": "Update Function Secrets",
      "description": "Allows access to update a cloud function's secrets.",
      "identifier": "update_secrets",
      "source": {
        "ref": "service-keys",
        "section": "Available Scopes"
      }
    },
    {
      "name": "Manage Registry Credentials",
      "description": "Allows access to manage cloud function registry credentials.",
      "identifier": "manage_registry_credentials",
      "onlyResourceTypes": [
        "All Entity"
      ],
      "source": {
        "ref": "service-keys",
        "section": "Resource Types",
        "note": "scopes that only work with All Entity"
      }
    },
    {
      "name": "Manage Telemetries",
      "description": "Allows access to manage cloud function telemetries.",
      "identifier": "manage_telemetries",
      "onlyResourceTypes": [
        "All Entity"
      ],
      "source": {
        "ref": "service-keys",
        "section": "Resource Types",
        "note": "scopes that only work with All Entity"
      }
    },
    {
      "name": "List Clusters",
      "description": "Allows access to list clusters.",
      "source": {
        "ref": "service-keys",
        "section": "Available Scopes"
      }
    },
    {
      "name": "Read GPU Quota Rule",
      "description": "Allows access to read GPU quota rules.",
      "onlyResourceTypes": [
        "All Entity"
      ],
      "source": {
        "ref": "service-keys",
        "section": "Resource Types",
        "note": "scopes that only work with All Entity"
      }
    },
    {
      "name": "GPU Capacity",
      "description": "Allows access to read GPU availability, capacity, and instance types.",
      "onlyResourceTypes": [
        "All Entity"
      ],
      "source": {
        "ref": "service-keys",
        "section": "Resource Types",
        "note": "scopes that only work with All Entity"
      }
    }
  ],
  "resourceTypes": [
    {
      "name": "All Functions",
      "description": "Grants access to all functions in the account. Supported by most function-related scopes.",
      "functionList": "none",
      "narrower": [
        "Function"
      ],
      "source": {
        "ref": "service-keys",
        "section": "Resource Types"
      }
    },
    {
      "name": "Function",
      "description": "Grants access to a specific function and all its versions. Use this to restrict a key to a single function (e.g. a key used only to deploy or invoke one particular function).",
      "functionList": "function-ids",
      "narrower": [
        "Function Versions"
      ],
      "source": {
        "ref": "service-keys",
        "section": "Resource Types"
      }
    },
    {
      "name": "Function Versions",
      "description": "Grants access to specific versions of a function.",
      "functionList": "function-versions",
      "undocumentedNarrowingOf": "Function",
      "source": {
        "ref": "service-keys",
        "section": "Resource Types"
      }
    },
    {
      "name": "All Clusters",
      "description": "Grants access to all clusters in the account. Used with cluster management scopes.",
      "functionList": "none",
      "source": {
        "ref": "service-keys",
        "section": "Resource Types"
      }
    },
    {
      "name": "All Entity",
      "description": "Grants access to all resource types, scoped to your organization. This is the broadest resource type. Some scopes — such as registry credentials, telemetry, GPU quota, and GPU capacity — **only** support this resource type.",
      "functionList": "none",
      "narrower": [
        "All Functions",
        "All Clusters"
      ],
      "source": {
        "ref": "service-keys",
        "section": "Resource Types"
      }
    }
  ],
  "cli": {
    "program": "ngc",
    "roots": [
      "cloud-function",
      "cf"
    ],
    "aliases": {
      "fn": "function",
      "ls": "list",
      "rm": "remove",
      "delete": "remove",
      "auth": "authorization"
    },
    "keyEnv": [
      "NGC_CLI_API_KEY",
      "NGC_API_KEY",
      "NGC_APP_KEY"
    ],
    "source": {
      "ref": "nvcf-operations",
      "section": "Credentials"
    }
  },
  "http": {
    "hosts": [
      "api.nvcf.nvidia.com",
      "api.ngc.nvidia.com"
    ],
    "invocationHostSuffix": ".invocation.api.nvcf.nvidia.com",
    "grpcHost": "grpc.nvcf.nvidia.com",
    "grpcMetadata": {
      "authorization": "authorization",
      "functionId": "function-id",
      "versionId": "function-version-id"
    },
    "source": {
      "ref": "nvcf-operations",
      "section": "Hosts and path forms"
    }
  },
  "actions": [
    {
      "id": "create-function",
      "title": "Create Function",
      "matrixRow": "Create Function",
      "requiredScopes": [
        "Register Function"
      ],
      "supportedResourceTypes": [
        "All Functions",
        "All Entity"
      ],
      "http": [
        {
          "method": "POST",
          "path": "/functions"
        },
        {
          "method": "POST",
          "path": "/functions/{functionId}/versions"
        }
      ],
      "cli": [
        [
          "function",
          "create"
        ]
      ],
      "source": {
        "ref": "service-keys",
        "section": "Scope Requirements"
      }
    },
    {
      "id": "deploy-function",
      "title": "Deploy Function",
      "matrixRow": "Deploy Function",
      "requiredScopes": [
        "Deploy Function",
        "List Functions"
      ],
      "supportedResourceTypes": [
        "All Functions",
        "Function",
        "All Entity"
      ],
      "http": [
        {
          "method": [
            "POST",
            "PUT",
            "DELETE",
            "GET"
          ],
          "path": "/deployments/functions/{functionId}/versions/{versionId}"
        },
        {
          "method": "GET",
          "path": "/deployments/{deploymentId}"
        }
      ],
      "cli": [
        [
          "function",
          "deploy",
          "create"
        ],
        [
          "function",
          "deploy",
          "update"
        ],
        [
          "function",
          "deploy",
          "remove"
        ],
        [
          "function",
          "deploy",
          "info"
        ],
        [
          "function",
          "deploy",
          "restart"
        ]
      ],
      "source": {
        "ref": "service-keys",
        "section": "Scope Requirements"
      }
    },
    {
      "id": "invoke-function",
      "title": "Invoke Function",
      "matrixRow": "Invoke Function",
      "requiredScopes": [
        "Invoke Function"
      ],
      "supportedResourceTypes": [
        "All Functions",
        "Function"
      ],
      "http": [
        {
          "method": "POST",
          "path": "/pexec/functions/{functionId}"
        },
        {
          "method": "POST",
          "path": "/pexec/functions/{functionId}/versions/{versionId}"
        },
        {
          "method": "GET",
          "path": "/pexec/status/{requestId}"
        },
        {
          "method": "POST",
          "path": "/exec/functions/{functionId}"
        },
        {
          "method": "POST",
          "path": "/exec/functions/{functionId}/versions/{versionId}"
        },
        {
          "method": "GET",
          "path": "/exec/status/{requestId}"
        },
        {
          "method": [
            "GET",
            "POST",
            "DELETE"
          ],
          "path": "/assets"
        },
        {
          "method": [
            "GET",
            "DELETE"
          ],
          "path": "/assets/{assetId}"
        },
        {
          "method": "POST",
          "path": "/tokens/functions"
        },
        {
          "method": "POST",
          "path": "/tokens/functions/{functionId}"
        },
        {
          "method": "POST",
          "path": "/tokens/functions/{functionId}/versions/{versionId}"
        }
      ],
      "invocationHost": true,
      "grpc": true,
      "cli": [],
      "source": {
        "ref": "service-keys",
        "section": "Scope Requirements"
      }
    },
    {
      "id": "list-functions",
      "title": "List Functions",
      "matrixRow": "Get / List Functions",
      "requiredScopes": [
        "List Functions",
        "List Function Details"
      ],
      "supportedResourceTypes": [
        "All Functions",
        "Function",
        "All Entity"
      ],
      "http": [
        {
          "method": "GET",
          "path": "/functions"
        },
        {
          "method": "GET",
          "path": "/functions/ids"
        },
        {
          "method": "GET",
          "path": "/functions/{functionId}/versions"
        }
      ],
      "cli": [
        [
          "function",
          "list"
        ]
      ],
      "source": {
        "ref": "service-keys",
        "section": "Scope Requirements"
      }
    },
    {
      "id": "get-function",
      "title": "Get Function",
      "matrixRow": "Get / List Functions",
      "requiredScopes": [
        "List Functions",
        "List Function Details"
      ],
      "supportedResourceTypes": [
        "All Functions",
        "Function",
        "All Entity"
      ],
      "http": [
        {
          "method": "GET",
          "path": "/functions/{functionId}/versions/{versionId}"
        }
      ],
      "cli": [
        [
          "function",
          "info"
        ]
      ],
      "source": {
        "ref": "service-keys",
        "section": "Scope Requirements"
      }
    },
    {
      "id": "update-function",
      "title": "Update Function",
      "matrixRow": "Update Function",
      "requiredScopes": [
        "Update Function"
      ],
      "supportedResourceTypes": [
        "All Functions",
        "Function",
        "All Entity"
      ],
      "http": [
        {
          "method": "PUT",
          "path": "/functions/{functionId}/versions/{versionId}"
        },
        {
          "method": "PUT",
          "path": "/metadata/functions/{functionId}/versions/{versionId}"
        },
        {
          "method": [
            "PUT",
            "DELETE"
          ],
          "path": "/ratelimit/functions/{functionId}/versions/{versionId}"
        }
      ],
      "cli": [
        [
          "function",
          "update"
        ],
        [
          "function",
          "update-rate-limit"
        ],
        [
          "function",
          "remove-rate-limit"
        ],
        [
          "update-rate-limit"
        ]
      ],
      "source": {
        "ref": "service-keys",
        "section": "Scope Requirements"
      }
    },
    {
      "id": "delete-function",
      "title": "Delete Function",
      "matrixRow": "Delete Function",
      "requiredScopes": [
        "Delete Function"
      ],
      "supportedResourceTypes": [
        "All Functions",
        "Function",
        "All Entity"
      ],
      "http": [
        {
          "method": "DELETE",
          "path": "/functions/{functionId}/versions/{versionId}"
        }
      ],
      "cli": [
        [
          "function",
          "remove"
        ]
      ],
      "source": {
        "ref": "service-keys",
        "section": "Scope Requirements"
      }
    },
    {
      "id": "update-function-secrets",
      "title": "Update Function Secrets",
      "matrixRow": "Update Function Secrets",
      "requiredScopes": [
        "Update Function Secrets"
      ],
      "supportedResourceTypes": [
        "All Functions",
        "Function",
        "All Entity"
      ],
      "http": [
        {
          "method": "PUT",
          "path": "/secrets/functions/{functionId}/versions/{versionId}"
        }
      ],
      "cli": [
        [
          "function",
          "update-secret"
        ],
        [
          "update-secret"
        ]
      ],
      "source": {
        "ref": "service-keys",
        "section": "Scope Requirements"
      }
    },
    {
      "id": "authorize-clients",
      "title": "Authorize Clients",
      "matrixRow": "Authorize Clients (share access)",
      "requiredScopes": [
        "Authorize Clients"
      ],
      "supportedResourceTypes": [
        "All Functions"
      ],
      "http": [
        {
          "method": [
            "POST",
            "GET",
            "DELETE"
          ],
          "path": "/authorizations/functions/{functionId}"
        },
        {
          "method": [
            "POST",
            "GET",
            "DELETE"
          ],
          "path": "/authorizations/functions/{functionId}/versions/{versionId}"
        },
        {
          "method": "PATCH",
          "path": "/authorizations/functions/{functionId}/add"
        },
        {
          "method": "PATCH",
          "path": "/authorizations/functions/{functionId}/remove"
        },
        {
          "method": "PATCH",
          "path": "/authorizations/functions/{functionId}/versions/{versionId}/add"
        },
        {
          "method": "PATCH",
          "path": "/authorizations/functions/{functionId}/versions/{versionId}/remove"
        }
      ],
      "cli": [
        [
          "function",
          "authorization",
          "add"
        ],
        [
          "function",
          "authorization",
          "remove"
        ],
        [
          "function",
          "authorization",
          "info"
        ],
        [
          "function",
          "authorization",
          "clear"
        ]
      ],
      "source": {
        "ref": "service-keys",
        "section": "Scope Requirements"
      }
    },
    {
      "id": "list-clusters",
      "title": "List Clusters",
      "matrixRow": "List Clusters",
      "requiredScopes": [
        "List Clusters"
      ],
      "supportedResourceTypes": [
        "All Clusters",
        "All Entity"
      ],
      "http": [
        {
          "method": "GET",
          "absolutePath": "/v2/orgs/{org}/sis/clusters"
        }
      ],
      "cli": [
        [
          "cluster",
          "list"
        ],
        [
          "cluster",
          "info"
        ]
      ],
      "source": {
        "ref": "service-keys",
        "section": "Scope Requirements"
      }
    },
    {
      "id": "manage-registry-credentials",
      "title": "Manage Registry Credentials",
      "matrixRow": "Manage Registry Credentials",
      "requiredScopes": [
        "Manage Registry Credentials"
      ],
      "supportedResourceTypes": [
        "All Entity"
      ],
      "http": [
        {
          "method": [
            "GET",
            "POST",
            "PUT",
            "PATCH",
            "DELETE"
          ],
          "path": "/registry-credentials"
        },
        {
          "method": [
            "GET",
            "POST",
            "PUT",
            "PATCH",
            "DELETE"
          ],
          "path": "/registry-credentials/{credentialId}"
        },
        {
          "method": "GET",
          "path": "/recognized-registries"
        }
      ],
      "cli": [
        [
          "registry-credential"
        ]
      ],
      "source": {
        "ref": "service-keys",
        "section": "Scope Requirements"
      }
    },
    {
      "id": "manage-telemetry-endpoints",
      "title": "Manage Telemetry Endpoints",
      "matrixRow": "Manage Telemetry Endpoints",
      "requiredScopes": [
        "Manage Telemetries"
      ],
      "supportedResourceTypes": [
        "All Entity"
      ],
      "http": [
        {
          "method": [
            "GET",
            "POST",
            "PUT",
            "PATCH",
            "DELETE"
          ],
          "path": "/telemetries"
        },
        {
          "method": [
            "GET",
            "POST",
            "PUT",
            "PATCH",
            "DELETE"
          ],
          "path": "/telemetries/{telemetryId}"
        }
      ],
      "cli": [
        [
          "telemetry-endpoint"
        ]
      ],
      "source": {
        "ref": "service-keys",
        "section": "Scope Requirements"
      }
    },
    {
      "id": "read-gpu-quota",
      "title": "GPU Quota",
      "matrixRow": "GPU Quota",
      "requiredScopes": [
        "Read GPU Quota Rule"
      ],
      "supportedResourceTypes": [
        "All Entity"
      ],
      "http": [
        {
          "method": "GET",
          "absolutePath": "/v2/orgs/{org}/ngc/nvcf/gpu/quota/rules"
        }
      ],
      "cli": [
        [
          "gpu",
          "quota"
        ]
      ],
      "source": {
        "ref": "service-keys",
        "section": "Scope Requirements"
      }
    },
    {
      "id": "read-gpu-capacity",
      "title": "GPU Instance Types / Capacity",
      "matrixRow": "GPU Instance Types / Capacity",
      "requiredScopes": [
        "GPU Capacity"
      ],
      "supportedResourceTypes": [
        "All Entity"
      ],
      "http": [
        {
          "method": "GET",
          "absolutePath": "/v3/orgs/{org}/ngc/nvcf/deployments/available/instanceTypes"
        },
        {
          "method": "GET",
          "absolutePath": "/v3/orgs/{org}/ngc/nvcf/deployments/instanceTypes"
        }
      ],
      "cli": [
        [
          "gpu",
          "list"
        ],
        [
          "gpu",
          "info"
        ],
        [
          "gpu",
          "capacity"
        ]
      ],
      "source": {
        "ref": "service-keys",
        "section": "Scope Requirements"
      }
    },
    {
      "id": "get-queue-details",
      "title": "Queue Details",
      "matrixRow": null,
      "requiredScopes": [
        "Queue Details"
      ],
      "supportedResourceTypes": null,
      "http": [
        {
          "method": "GET",
          "path": "/queues/functions/{functionId}"
        },
        {
          "method": "GET",
          "path": "/queues/functions/{functionId}/versions/{versionId}"
        },
        {
          "method": "GET",
          "path": "/queues/{requestId}/position"
        }
      ],
      "cli": [],
      "source": {
        "ref": "service-keys",
        "section": "Available Scopes",
        "note": "the Queue Details scope; the matrix has no row for it"
      }
    }
  ]
};
