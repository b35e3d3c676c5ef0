/**
 * Secrets sync (`/sys/sync/...`, Vault Enterprise): destinations Vault pushes
 * secrets to (AWS Secrets Manager, Azure Key Vault, GCP Secret Manager,
 * GitHub, Vercel, and Vault's in-memory test store), the associations of
 * secrets with them, the sync system's config and custom GitHub apps.
 * Each destination type has its own create and update; read, delete and the
 * associations are shared.
 *
 * @module
 */
import * as t from "../t.ts";
import { AnyObject, type Codec } from "../codecs.ts";
import {
  type Check,
  duration,
  isBoolean,
  nonEmptyString,
  nonEmptyStrings,
  oneOf,
  optional,
  required,
  secretText,
  someSetting,
  stringList,
  stringRecord,
  wholeNumber,
} from "../checks.ts";
import type { CatalogRoute, Description, Endpoint } from "../description.ts";
import { call, callFixed, data, type Declaration, endpointOf, keys, none } from "../operation.ts";
import type { SecretInput } from "../secret.ts";
import { secretBody } from "./_secrets.ts";

const DOCS = "system/secrets-sync";
const DESTINATIONS = "/sys/sync/destinations";

/**
 * Destination types Vault 2.1 serves (`in-mem` is its in-memory test store).
 *
 * @example
 * ```ts
 * import type { SyncDestinationType } from "@vaultkit/sys";
 *
 * const t: SyncDestinationType = "aws-sm";
 * ```
 */
export type SyncDestinationType =
  | "aws-sm"
  | "azure-kv"
  | "gcp-sm"
  | "gh"
  | "in-mem"
  | "vercel-project";

const TYPES: readonly SyncDestinationType[] = [
  "aws-sm",
  "azure-kv",
  "gcp-sm",
  "gh",
  "in-mem",
  "vercel-project",
];

/** One fixed path per destination type, as Vault's OpenAPI document lists them. */
function perType(method: CatalogRoute["method"]): CatalogRoute[] {
  return TYPES.map((type) => ({ method, path: `${DESTINATIONS}/${type}/{name}` }));
}

/**
 * A destination as Vault answers a read, create or update; secret connection
 * details come back masked (`*****`).
 *
 * @example
 * ```ts
 * import type { SyncDestination } from "@vaultkit/sys";
 *
 * const deleting = (d: SyncDestination) => d.purge_initiated_at !== undefined;
 * ```
 */
export interface SyncDestination {
  /** The destination's name. */
  readonly name: string;
  /** Its type (`aws-sm`, `gh`...). */
  readonly type: string;
  /** How Vault connects to it; fields depend on the type. */
  readonly connection_details: { readonly [key: string]: unknown };
  /** Sync options (`granularity_level`, `secret_name_template`, `custom_tags`...). */
  readonly options?: { readonly [key: string]: unknown };
  /** When a purge (a delete with `purge`) started. */
  readonly purge_initiated_at?: string;
  /** Why the purge failed, if it did. */
  readonly purge_error?: string;
}

const SyncDestinationCodec: Codec<SyncDestination> = /* @__PURE__ */ t.intersection([
  /* @__PURE__ */ t.type({ name: t.string, type: t.string, connection_details: AnyObject }),
  /* @__PURE__ */ t.partial({
    options: AnyObject,
    purge_initiated_at: t.string,
    purge_error: t.string,
  }),
]);

/**
 * `listSyncDestinations`'s result: types with destinations, and their names.
 *
 * @example
 * ```ts
 * import type { SyncDestinationList } from "@vaultkit/sys";
 *
 * const l: SyncDestinationList = { keys: ["aws-sm/"], key_info: { "aws-sm/": ["prod"] } };
 * ```
 */
export interface SyncDestinationList {
  /** Types with at least one destination, each ending in `/` (Vault 1.16+). */
  readonly keys: readonly string[];
  /** Type → names of its destinations. */
  readonly key_info?: { readonly [type: string]: readonly string[] };
  /** How many destinations there are. */
  readonly total_destinations?: number;
}

const names = /* @__PURE__ */ t.readonlyArray(t.string);
const SyncDestinationListCodec: Codec<SyncDestinationList> = /* @__PURE__ */ t.intersection([
  /* @__PURE__ */ t.type({ keys: names }),
  /* @__PURE__ */ t.partial({
    key_info: /* @__PURE__ */ t.record(t.string, names),
    total_destinations: t.number,
  }),
]);

/**
 * One secret synced to a destination, with its last sync status.
 *
 * @example
 * ```ts
 * import type { SyncAssociation } from "@vaultkit/sys";
 *
 * const failed = (a: SyncAssociation) => a.sync_status !== "SYNCED";
 * ```
 */
export interface SyncAssociation {
  /** Accessor of the secret's mount. */
  readonly accessor: string;
  /** The secret's path in its mount. */
  readonly secret_name: string;
  /** `SYNCED`, `SYNCING`, `UNSYNCED`, `PENDING`, or an error naming the cause. */
  readonly sync_status: string;
  /** When the status last changed (RFC 3339). */
  readonly updated_at: string;
  /** The key of the secret this entry syncs (granularity `secret-key`). */
  readonly sub_key?: string;
}

/**
 * A destination's associations, as read, set or removed.
 *
 * @example
 * ```ts
 * import type { SyncAssociations } from "@vaultkit/sys";
 *
 * const count = (a: SyncAssociations) => Object.keys(a.associated_secrets).length;
 * ```
 */
export interface SyncAssociations {
  /** `{accessor}/{secret_name}` (and `/{sub_key}`) → association. */
  readonly associated_secrets: { readonly [key: string]: SyncAssociation };
  /** The destination's name. */
  readonly store_name?: string;
  /** The destination's type. */
  readonly store_type?: string;
}

const SyncAssociationsCodec: Codec<SyncAssociations> = /* @__PURE__ */ t.intersection([
  /* @__PURE__ */ t.type({
    associated_secrets: /* @__PURE__ */ t.record(
      t.string,
      /* @__PURE__ */ t.intersection([
        /* @__PURE__ */ t.type({
          accessor: t.string,
          secret_name: t.string,
          sync_status: t.string,
          updated_at: t.string,
        }),
        /* @__PURE__ */ t.partial({ sub_key: t.string }),
      ]),
    ),
  }),
  /* @__PURE__ */ t.partial({ store_name: t.string, store_type: t.string }),
]);

/**
 * `listSyncAssociations`'s result: secrets associated with at least one destination.
 *
 * @example
 * ```ts
 * import type { SyncAssociationList } from "@vaultkit/sys";
 *
 * const l: SyncAssociationList = { keys: ["kv/app"], total_associations: 2, total_secrets: 1 };
 * ```
 */
export interface SyncAssociationList {
  /** `{mount}/{secret}` of each synced secret. */
  readonly keys: readonly string[];
  /** Key → the mount and path it names. */
  readonly key_info?: {
    readonly [key: string]: readonly { readonly mount: string; readonly secret_path: string }[];
  };
  /** Associations across all destinations. */
  readonly total_associations?: number;
  /** Distinct secrets synced. */
  readonly total_secrets?: number;
}

const SyncAssociationListCodec: Codec<SyncAssociationList> = /* @__PURE__ */ t.intersection([
  /* @__PURE__ */ t.type({ keys: names }),
  /* @__PURE__ */ t.partial({
    key_info: /* @__PURE__ */ t.record(
      t.string,
      /* @__PURE__ */ t.readonlyArray(
        /* @__PURE__ */ t.type({ mount: t.string, secret_path: t.string }),
      ),
    ),
    total_associations: t.number,
    total_secrets: t.number,
  }),
]);

/**
 * The destinations one secret is synced to.
 *
 * @example
 * ```ts
 * import type { SecretSyncDestinations } from "@vaultkit/sys";
 *
 * const where = (s: SecretSyncDestinations) => Object.keys(s.associated_destinations);
 * ```
 */
export interface SecretSyncDestinations {
  /** `{type}/{name}` → the destination and the secret's status there. */
  readonly associated_destinations: {
    readonly [key: string]: {
      readonly type: string;
      readonly name: string;
      readonly sync_status: string;
      readonly updated_at: string;
    };
  };
}

const SecretSyncDestinationsCodec: Codec<SecretSyncDestinations> = /* @__PURE__ */ t.type({
  associated_destinations: /* @__PURE__ */ t.record(
    t.string,
    /* @__PURE__ */ t.type({
      type: t.string,
      name: t.string,
      sync_status: t.string,
      updated_at: t.string,
    }),
  ),
});

/**
 * The sync system's config.
 *
 * @example
 * ```ts
 * import type { SyncConfig } from "@vaultkit/sys";
 *
 * const c: SyncConfig = { disabled: false, queue_capacity: 1000000 };
 * ```
 */
export interface SyncConfig {
  /** Whether syncing is paused (operations queue as `PENDING`). */
  readonly disabled: boolean;
  /** Most pending sync operations the queue holds (Vault 1.16+). */
  readonly queue_capacity?: number;
}

const SyncConfigCodec: Codec<SyncConfig> = /* @__PURE__ */ t.intersection([
  /* @__PURE__ */ t.type({ disabled: t.boolean }),
  /* @__PURE__ */ t.partial({ queue_capacity: t.number }),
]);

/**
 * A custom GitHub app as Vault answers it (the private key masked).
 *
 * @example
 * ```ts
 * import type { SyncGithubApp } from "@vaultkit/sys";
 *
 * const id = (a: SyncGithubApp) => a.app_id;
 * ```
 */
export interface SyncGithubApp {
  /** The app's name in Vault. */
  readonly name: string;
  /** GitHub's id of the app. */
  readonly app_id: number;
  /** Fingerprint of the private key. */
  readonly fingerprint?: string;
  /** The private key, masked (`*****`). */
  readonly private_key?: string;
}

const SyncGithubAppCodec: Codec<SyncGithubApp> = /* @__PURE__ */ t.intersection([
  /* @__PURE__ */ t.type({ name: t.string, app_id: t.number }),
  /* @__PURE__ */ t.partial({ fingerprint: t.string, private_key: t.string }),
]);

// ---------------------------------------------------------------------------
// Params

/**
 * A destination, by type and name.
 *
 * @example
 * ```ts
 * import type { SyncDestinationRef } from "@vaultkit/sys";
 *
 * const r: SyncDestinationRef = { type: "aws-sm", name: "prod" };
 * ```
 */
export interface SyncDestinationRef {
  /** The destination's type. */
  readonly type: SyncDestinationType | (string & Record<never, never>);
  /** The destination's name. */
  readonly name: string;
}

/**
 * Params of {@linkcode deleteSyncDestination}.
 *
 * @example
 * ```ts
 * import type { DeleteSyncDestinationParams } from "@vaultkit/sys";
 *
 * const p: DeleteSyncDestinationParams = { type: "gh", name: "ci", purge: true };
 * ```
 */
export interface DeleteSyncDestinationParams extends SyncDestinationRef {
  /** Unsync every secret and drop the associations first (asynchronously). */
  readonly purge?: boolean;
  /** Delete even when secrets cannot be unsynced (they stay at the destination). */
  readonly force_delete?: boolean;
}

/**
 * A secret to associate with a destination (or to dissociate).
 *
 * @example
 * ```ts
 * import type { SyncAssociationParams } from "@vaultkit/sys";
 *
 * const p: SyncAssociationParams = { type: "aws-sm", name: "prod", mount: "kv", secret_name: "app/db" };
 * ```
 */
export interface SyncAssociationParams extends SyncDestinationRef {
  /** Mount path of the secret's engine (KV v2, or a database for static roles). */
  readonly mount: string;
  /** The secret's path in that mount (`static-roles/<role>` for databases). */
  readonly secret_name: string;
}

/**
 * A secret, by mount and path.
 *
 * @example
 * ```ts
 * import type { SyncedSecretParams } from "@vaultkit/sys";
 *
 * const p: SyncedSecretParams = { mount: "kv", secret_name: "app/db" };
 * ```
 */
export interface SyncedSecretParams {
  /** Mount path of the secret's engine. */
  readonly mount: string;
  /** The secret's path in that mount. */
  readonly secret_name: string;
}

/**
 * Settings every destination type takes.
 *
 * @example
 * ```ts
 * import type { SyncDestinationOptions } from "@vaultkit/sys";
 *
 * const o: SyncDestinationOptions = { name: "test", granularity: "secret-key", allowed_ports: ["443"] };
 * ```
 */
export interface SyncDestinationOptions {
  /** The destination's name. */
  readonly name: string;
  /** Sync a secret as one entry (`secret-path`) or one per key (`secret-key`). */
  readonly granularity?: "secret-path" | "secret-key";
  /** Go template naming the secrets at the destination. */
  readonly secret_name_template?: string;
  /** IPv4 CIDRs Vault may connect to when syncing. */
  readonly allowed_ipv4_addresses?: readonly string[];
  /** IPv6 CIDRs Vault may connect to when syncing. */
  readonly allowed_ipv6_addresses?: readonly string[];
  /** Ports Vault may connect through when syncing. */
  readonly allowed_ports?: readonly string[];
  /** Allow any address and port (turns the SSRF guard off). */
  readonly disable_strict_networking?: boolean;
}

/**
 * Tags and workload identity federation (AWS, Azure, GCP destinations).
 *
 * @example
 * ```ts
 * import type { CloudSyncOptions } from "@vaultkit/sys";
 *
 * const o: CloudSyncOptions = { custom_tags: { team: "ops" }, identity_token_ttl: "1h" };
 * ```
 */
export interface CloudSyncOptions {
  /** Tags set on the synced secrets, merged with Vault's. */
  readonly custom_tags?: { readonly [tag: string]: string };
  /** Custom tags to remove (updates; Vault ignores it on create). */
  readonly tags_to_remove?: readonly string[];
  /** Audience of the identity tokens for WIF. */
  readonly identity_token_audience?: string;
  /** Named key signing the identity tokens. */
  readonly identity_token_key?: string;
  /** Lifetime of the identity tokens (seconds or `"1h"`). */
  readonly identity_token_ttl?: string | number;
}

/**
 * Params of {@linkcode createAwsSyncDestination} (`aws-sm`).
 *
 * @example
 * ```ts
 * import type { AwsSyncDestinationParams } from "@vaultkit/sys";
 *
 * const p: AwsSyncDestinationParams = { name: "prod", region: "us-west-1" };
 * ```
 */
export interface AwsSyncDestinationParams extends SyncDestinationOptions, CloudSyncOptions {
  /** Access key id (else the AWS credentials chain). */
  readonly access_key_id?: string;
  /** Secret access key; sent, never logged. */
  readonly secret_access_key?: SecretInput;
  /** AWS region of the secrets. */
  readonly region?: string;
  /** IAM role Vault assumes. */
  readonly role_arn?: string;
  /** External id the role's trust policy asks for. */
  readonly external_id?: string;
  /** KMS key encrypting the secrets. */
  readonly kms_key_id?: string;
  /** Replica region → KMS key (`""` for the AWS-managed key). */
  readonly replica_regions?: { readonly [region: string]: string };
}

/**
 * Params of {@linkcode createAzureSyncDestination} (`azure-kv`).
 *
 * @example
 * ```ts
 * import type { AzureSyncDestinationParams } from "@vaultkit/sys";
 *
 * const p: AzureSyncDestinationParams = { name: "kv", key_vault_uri: "https://kv1.vault.azure.net", client_id: "c", tenant_id: "t" };
 * ```
 */
export interface AzureSyncDestinationParams extends SyncDestinationOptions, CloudSyncOptions {
  /** URI of the Azure Key Vault. */
  readonly key_vault_uri: string;
  /** Client id of the Azure app registration. */
  readonly client_id: string;
  /** Azure tenant id. */
  readonly tenant_id: string;
  /** Client secret (else WIF or managed identity); sent, never logged. */
  readonly client_secret?: SecretInput;
  /** Azure cloud (Vault's default: the public cloud). */
  readonly cloud?: string;
}

/**
 * Params of {@linkcode createGcpSyncDestination} (`gcp-sm`).
 *
 * @example
 * ```ts
 * import type { GcpSyncDestinationParams } from "@vaultkit/sys";
 *
 * const p: GcpSyncDestinationParams = { name: "gcp", project_id: "my-project" };
 * ```
 */
export interface GcpSyncDestinationParams extends SyncDestinationOptions, CloudSyncOptions {
  /** Service account JSON (else WIF or default credentials); sent, never logged. */
  readonly credentials?: SecretInput;
  /** Project to manage secrets in. */
  readonly project_id?: string;
  /** Service account to impersonate with WIF. */
  readonly service_account_email?: string;
  /** Global KMS key (automatic replication). */
  readonly kms_key_id?: string;
  /** Location → KMS key (user-managed replication). */
  readonly replica_regions?: { readonly [location: string]: string };
  /** Deprecated: use `kms_key_id`. */
  readonly global_kms_key?: string;
  /** Deprecated: use `replica_regions`. */
  readonly locational_kms_keys?: { readonly [location: string]: string };
  /** Deprecated: use `replica_regions`. */
  readonly replication_locations?: readonly string[];
}

/**
 * Params of {@linkcode createGithubSyncDestination} (`gh`).
 *
 * @example
 * ```ts
 * import type { GithubSyncDestinationParams } from "@vaultkit/sys";
 *
 * const p: GithubSyncDestinationParams = { name: "ci", access_token: "github_pat_1", repository_owner: "acme", repository_name: "app" };
 * ```
 */
export interface GithubSyncDestinationParams extends SyncDestinationOptions {
  /** Access token (or `app_name` and `installation_id`); sent, never logged. */
  readonly access_token?: SecretInput;
  /** Custom GitHub app configured in Vault. */
  readonly app_name?: string;
  /** The app's installation id. */
  readonly installation_id?: number;
  /** GitHub Enterprise Server URL. */
  readonly enterprise_url?: string;
  /** Sync to a `repository` (Vault's default) or an `organization`. */
  readonly secrets_location?: "repository" | "organization";
  /** Owner of the repository. */
  readonly repository_owner?: string;
  /** The repository's name. */
  readonly repository_name?: string;
  /** Repository environment to sync to. */
  readonly environment_name?: string;
  /** Organization to sync to. */
  readonly organization_name?: string;
  /** Repositories that see organization secrets. */
  readonly organization_visibility?: "all" | "private" | "selected";
  /** Repositories that see them with `selected`. */
  readonly selected_repository_names?: readonly string[];
}

/**
 * Params of {@linkcode createVercelSyncDestination} (`vercel-project`).
 *
 * @example
 * ```ts
 * import type { VercelSyncDestinationParams } from "@vaultkit/sys";
 *
 * const p: VercelSyncDestinationParams = { name: "web", access_token: "t", project_id: "prj_1", deployment_environments: ["production"] };
 * ```
 */
export interface VercelSyncDestinationParams extends SyncDestinationOptions {
  /** Vercel API token; sent, never logged. */
  readonly access_token: SecretInput;
  /** The project's id. */
  readonly project_id: string;
  /** The project's team. */
  readonly team_id?: string;
  /** Where the variables apply. */
  readonly deployment_environments: readonly ("development" | "preview" | "production")[];
}

/**
 * Params of an update: the name, and only the settings to change.
 *
 * @example
 * ```ts
 * import type { AwsSyncDestinationParams, SyncDestinationUpdate } from "@vaultkit/sys";
 *
 * const p: SyncDestinationUpdate<AwsSyncDestinationParams> = { name: "prod", tags_to_remove: ["old"] };
 * ```
 */
export type SyncDestinationUpdate<P extends SyncDestinationOptions> =
  & { readonly name: string }
  & Partial<Omit<P, "name">>;

// ---------------------------------------------------------------------------
// Checks and the per-type declarations

const text = nonEmptyString;
const commonFields = {
  granularity: /* @__PURE__ */ oneOf(["secret-path", "secret-key"]),
  secret_name_template: text,
  allowed_ipv4_addresses: stringList,
  allowed_ipv6_addresses: stringList,
  allowed_ports: stringList,
  disable_strict_networking: isBoolean,
};
const cloudFields = {
  custom_tags: stringRecord,
  tags_to_remove: stringList,
  identity_token_audience: text,
  identity_token_key: text,
  identity_token_ttl: duration,
};

type Fields<P> = { readonly [K in Exclude<keyof P, "name">]-?: Check };

/**
 * The create (POST, `needed` fields required) or update (PATCH, every field
 * optional) of one destination type; `secrets` are sent boxed as `Secret`s.
 */
function destinationOp<P extends SyncDestinationOptions, Q = P>(
  type: SyncDestinationType,
  label: string,
  fields: Fields<P>,
  create: boolean,
  needed: readonly string[],
  secrets: readonly string[],
): Declaration<Q, SyncDestination> {
  const entries = Object.entries(fields as Readonly<Record<string, Check>>);
  const checks = entries.map((
    [k, c],
  ) => [k, create && needed.includes(k) ? required(c) : optional(c)]);
  return {
    name: `${create ? "create" : "update"}${label}SyncDestination`,
    docs: DOCS,
    enterprise: true,
    method: create ? "POST" : "PATCH",
    path: `${DESTINATIONS}/${type}/{name}`,
    params: Object.fromEntries([["name", "path"], ...entries.map(([k]) => [k, "body"])]),
    checks: Object.fromEntries(checks),
    encode: secretBody(secrets, ["name"]),
    unsent: {
      force_delete: "a parameter of the delete on the same path (deleteSyncDestination)",
      purge: "a parameter of the delete on the same path (deleteSyncDestination)",
    },
    result: data(SyncDestinationCodec),
  } as Declaration<Q, SyncDestination>;
}

type Update<P extends SyncDestinationOptions> = SyncDestinationUpdate<P>;

const awsFields: Fields<AwsSyncDestinationParams> = /* @__PURE__ */ Object.assign(
  {
    access_key_id: text,
    secret_access_key: secretText,
    region: text,
    role_arn: text,
    external_id: text,
    kms_key_id: text,
    replica_regions: stringRecord,
  },
  commonFields,
  cloudFields,
);
const awsSecrets = ["secret_access_key"];
const createAwsOp = /* @__PURE__ */ destinationOp<AwsSyncDestinationParams>(
  "aws-sm",
  "Aws",
  awsFields,
  true,
  [],
  awsSecrets,
);
const updateAwsOp = /* @__PURE__ */ destinationOp<
  AwsSyncDestinationParams,
  Update<AwsSyncDestinationParams>
>("aws-sm", "Aws", awsFields, false, [], awsSecrets);

const azureFields: Fields<AzureSyncDestinationParams> = /* @__PURE__ */ Object.assign(
  {
    key_vault_uri: text,
    client_id: text,
    tenant_id: text,
    client_secret: secretText,
    cloud: text,
  },
  commonFields,
  cloudFields,
);
const azureNeeded = ["key_vault_uri", "client_id", "tenant_id"];
const createAzureOp = /* @__PURE__ */ destinationOp<AzureSyncDestinationParams>(
  "azure-kv",
  "Azure",
  azureFields,
  true,
  azureNeeded,
  ["client_secret"],
);
const updateAzureOp = /* @__PURE__ */ destinationOp<
  AzureSyncDestinationParams,
  Update<AzureSyncDestinationParams>
>("azure-kv", "Azure", azureFields, false, azureNeeded, ["client_secret"]);

const gcpFields: Fields<GcpSyncDestinationParams> = /* @__PURE__ */ Object.assign(
  {
    credentials: secretText,
    project_id: text,
    service_account_email: text,
    kms_key_id: text,
    replica_regions: stringRecord,
    global_kms_key: text,
    locational_kms_keys: stringRecord,
    replication_locations: stringList,
  },
  commonFields,
  cloudFields,
);
const createGcpOp = /* @__PURE__ */ destinationOp<GcpSyncDestinationParams>(
  "gcp-sm",
  "Gcp",
  gcpFields,
  true,
  [],
  ["credentials"],
);
const updateGcpOp = /* @__PURE__ */ destinationOp<
  GcpSyncDestinationParams,
  Update<GcpSyncDestinationParams>
>("gcp-sm", "Gcp", gcpFields, false, [], ["credentials"]);

const githubFields: Fields<GithubSyncDestinationParams> = /* @__PURE__ */ Object.assign({
  access_token: secretText,
  app_name: text,
  installation_id: /* @__PURE__ */ wholeNumber(1),
  enterprise_url: text,
  secrets_location: /* @__PURE__ */ oneOf(["repository", "organization"]),
  repository_owner: text,
  repository_name: text,
  environment_name: text,
  organization_name: text,
  organization_visibility: /* @__PURE__ */ oneOf(["all", "private", "selected"]),
  selected_repository_names: stringList,
}, commonFields);
const createGithubOp = /* @__PURE__ */ destinationOp<GithubSyncDestinationParams>(
  "gh",
  "Github",
  githubFields,
  true,
  [],
  ["access_token"],
);
const updateGithubOp = /* @__PURE__ */ destinationOp<
  GithubSyncDestinationParams,
  Update<GithubSyncDestinationParams>
>("gh", "Github", githubFields, false, [], ["access_token"]);

const ENVIRONMENTS = ["development", "preview", "production"];
const vercelFields: Fields<VercelSyncDestinationParams> = /* @__PURE__ */ Object.assign({
  access_token: secretText,
  project_id: text,
  team_id: text,
  deployment_environments: (v: unknown) =>
    nonEmptyStrings(v) ??
      ((v as string[]).every((e) => ENVIRONMENTS.includes(e))
        ? undefined
        : "must hold only development, preview or production"),
}, commonFields);
const vercelNeeded = ["access_token", "project_id", "deployment_environments"];
const createVercelOp = /* @__PURE__ */ destinationOp<VercelSyncDestinationParams>(
  "vercel-project",
  "Vercel",
  vercelFields,
  true,
  vercelNeeded,
  ["access_token"],
);
const updateVercelOp = /* @__PURE__ */ destinationOp<
  VercelSyncDestinationParams,
  Update<VercelSyncDestinationParams>
>("vercel-project", "Vercel", vercelFields, false, vercelNeeded, ["access_token"]);

const createInMemoryOp = /* @__PURE__ */ destinationOp<SyncDestinationOptions>(
  "in-mem",
  "InMemory",
  commonFields,
  true,
  [],
  [],
);
const updateInMemoryOp = /* @__PURE__ */ destinationOp<
  SyncDestinationOptions,
  Update<SyncDestinationOptions>
>("in-mem", "InMemory", commonFields, false, [], []);

// ---------------------------------------------------------------------------
// Builders: destinations

const listSyncDestinationsOp: Declaration<Record<never, never>, SyncDestinationList> = {
  name: "listSyncDestinations",
  docs: DOCS,
  enterprise: true,
  method: "LIST",
  path: "/sys/sync/destinations/",
  params: {},
  result: /* @__PURE__ */ data(SyncDestinationListCodec),
};

/**
 * Lists destinations by type (`LIST /sys/sync/destinations`). Vault Enterprise.
 *
 * @category system/secrets-sync
 * @example
 * ```ts
 * import { listSyncDestinations } from "@vaultkit/sys";
 *
 * listSyncDestinations().query; // { list: "true" }
 * ```
 */
export function listSyncDestinations(): Description<SyncDestinationList> {
  return callFixed(listSyncDestinationsOp, {});
}

const listSyncDestinationsOfTypeOp: Declaration<
  { readonly type: string },
  { readonly keys: readonly string[]; readonly total_destinations?: number }
> = {
  name: "listSyncDestinationsOfType",
  docs: DOCS,
  enterprise: true,
  method: "LIST",
  path: "/sys/sync/destinations/{type}/",
  params: { type: "path" },
  result: /* @__PURE__ */ data(
    /* @__PURE__ */ t.intersection([
      /* @__PURE__ */ t.type({ keys: names }),
      /* @__PURE__ */ t.partial({ total_destinations: t.number }),
    ]),
  ),
};

/**
 * Lists the destinations of one type (`LIST /sys/sync/destinations/{type}`). Vault Enterprise.
 *
 * @category system/secrets-sync
 * @example
 * ```ts
 * import { listSyncDestinationsOfType } from "@vaultkit/sys";
 *
 * listSyncDestinationsOfType({ type: "gh" }).path; // "/sys/sync/destinations/gh/"
 * ```
 */
export function listSyncDestinationsOfType(
  params: Pick<SyncDestinationRef, "type">,
): Description<{ readonly keys: readonly string[]; readonly total_destinations?: number }> {
  return call(listSyncDestinationsOfTypeOp, params);
}

const readSyncDestinationOp: Declaration<SyncDestinationRef, SyncDestination> = {
  name: "readSyncDestination",
  docs: DOCS,
  enterprise: true,
  method: "GET",
  path: "/sys/sync/destinations/{type}/{name}",
  params: { type: "path", name: "path" },
  result: /* @__PURE__ */ data(SyncDestinationCodec),
  variants: /* @__PURE__ */ perType("GET"),
};

/**
 * Reads a destination (`GET /sys/sync/destinations/{type}/{name}`). Vault Enterprise.
 *
 * @category system/secrets-sync
 * @example
 * ```ts
 * import { readSyncDestination } from "@vaultkit/sys";
 *
 * readSyncDestination({ type: "aws-sm", name: "prod" }).path; // "/sys/sync/destinations/aws-sm/prod"
 * ```
 */
export function readSyncDestination(params: SyncDestinationRef): Description<SyncDestination> {
  return call(readSyncDestinationOp, params);
}

const deleteSyncDestinationOp: Declaration<DeleteSyncDestinationParams, void> = {
  name: "deleteSyncDestination",
  docs: DOCS,
  enterprise: true,
  method: "DELETE",
  path: "/sys/sync/destinations/{type}/{name}",
  params: { type: "path", name: "path", purge: "query", force_delete: "query" },
  checks: {
    purge: /* @__PURE__ */ optional(isBoolean),
    force_delete: /* @__PURE__ */ optional(isBoolean),
  },
  result: none,
  variants: /* @__PURE__ */ perType("DELETE"),
};

/**
 * Deletes a destination (`DELETE /sys/sync/destinations/{type}/{name}`); one
 * still holding associations needs `purge`. Vault Enterprise.
 *
 * @category system/secrets-sync
 * @example
 * ```ts
 * import { deleteSyncDestination } from "@vaultkit/sys";
 *
 * deleteSyncDestination({ type: "gh", name: "ci", purge: true }).query; // { purge: true }
 * ```
 */
export function deleteSyncDestination(params: DeleteSyncDestinationParams): Description<void> {
  return call(deleteSyncDestinationOp, params);
}

/**
 * Creates or replaces an AWS Secrets Manager destination
 * (`POST /sys/sync/destinations/aws-sm/{name}`). Vault Enterprise.
 *
 * @category system/secrets-sync
 * @example
 * ```ts
 * import { createAwsSyncDestination } from "@vaultkit/sys";
 *
 * JSON.stringify(createAwsSyncDestination({ name: "prod", secret_access_key: "k" }).body); // '{"secret_access_key":"[redacted]"}'
 * ```
 */
export function createAwsSyncDestination(
  params: AwsSyncDestinationParams,
): Description<SyncDestination> {
  return call(createAwsOp, params);
}

/**
 * Changes some settings of an AWS destination (`PATCH /sys/sync/destinations/aws-sm/{name}`). Vault Enterprise.
 *
 * @category system/secrets-sync
 * @example
 * ```ts
 * import { updateAwsSyncDestination } from "@vaultkit/sys";
 *
 * updateAwsSyncDestination({ name: "prod", region: "eu-west-1" }).method; // "PATCH"
 * ```
 */
export function updateAwsSyncDestination(
  params: SyncDestinationUpdate<AwsSyncDestinationParams>,
): Description<SyncDestination> {
  return call(updateAwsOp, params);
}

/**
 * Creates or replaces an Azure Key Vault destination
 * (`POST /sys/sync/destinations/azure-kv/{name}`). Vault Enterprise.
 *
 * @category system/secrets-sync
 * @example
 * ```ts
 * import { createAzureSyncDestination } from "@vaultkit/sys";
 *
 * createAzureSyncDestination({ name: "kv", key_vault_uri: "https://kv1.vault.azure.net", client_id: "c", tenant_id: "t" }).path; // "/sys/sync/destinations/azure-kv/kv"
 * ```
 */
export function createAzureSyncDestination(
  params: AzureSyncDestinationParams,
): Description<SyncDestination> {
  return call(createAzureOp, params);
}

/**
 * Changes some settings of an Azure destination (`PATCH /sys/sync/destinations/azure-kv/{name}`). Vault Enterprise.
 *
 * @category system/secrets-sync
 * @example
 * ```ts
 * import { updateAzureSyncDestination } from "@vaultkit/sys";
 *
 * updateAzureSyncDestination({ name: "kv", cloud: "AzureChinaCloud" }).method; // "PATCH"
 * ```
 */
export function updateAzureSyncDestination(
  params: SyncDestinationUpdate<AzureSyncDestinationParams>,
): Description<SyncDestination> {
  return call(updateAzureOp, params);
}

/**
 * Creates or replaces a GCP Secret Manager destination
 * (`POST /sys/sync/destinations/gcp-sm/{name}`). Vault Enterprise.
 *
 * @category system/secrets-sync
 * @example
 * ```ts
 * import { createGcpSyncDestination } from "@vaultkit/sys";
 *
 * createGcpSyncDestination({ name: "gcp", project_id: "p1" }).path; // "/sys/sync/destinations/gcp-sm/gcp"
 * ```
 */
export function createGcpSyncDestination(
  params: GcpSyncDestinationParams,
): Description<SyncDestination> {
  return call(createGcpOp, params);
}

/**
 * Changes some settings of a GCP destination (`PATCH /sys/sync/destinations/gcp-sm/{name}`). Vault Enterprise.
 *
 * @category system/secrets-sync
 * @example
 * ```ts
 * import { updateGcpSyncDestination } from "@vaultkit/sys";
 *
 * updateGcpSyncDestination({ name: "gcp", kms_key_id: "k" }).method; // "PATCH"
 * ```
 */
export function updateGcpSyncDestination(
  params: SyncDestinationUpdate<GcpSyncDestinationParams>,
): Description<SyncDestination> {
  return call(updateGcpOp, params);
}

/**
 * Creates or replaces a GitHub destination (`POST /sys/sync/destinations/gh/{name}`). Vault Enterprise.
 *
 * @category system/secrets-sync
 * @example
 * ```ts
 * import { createGithubSyncDestination } from "@vaultkit/sys";
 *
 * createGithubSyncDestination({ name: "ci", app_name: "vault-sync", installation_id: 42 }).path; // "/sys/sync/destinations/gh/ci"
 * ```
 */
export function createGithubSyncDestination(
  params: GithubSyncDestinationParams,
): Description<SyncDestination> {
  return call(createGithubOp, params);
}

/**
 * Changes some settings of a GitHub destination (`PATCH /sys/sync/destinations/gh/{name}`). Vault Enterprise.
 *
 * @category system/secrets-sync
 * @example
 * ```ts
 * import { updateGithubSyncDestination } from "@vaultkit/sys";
 *
 * updateGithubSyncDestination({ name: "ci", environment_name: "prod" }).method; // "PATCH"
 * ```
 */
export function updateGithubSyncDestination(
  params: SyncDestinationUpdate<GithubSyncDestinationParams>,
): Description<SyncDestination> {
  return call(updateGithubOp, params);
}

/**
 * Creates or replaces a Vercel project destination
 * (`POST /sys/sync/destinations/vercel-project/{name}`). Vault Enterprise.
 *
 * @category system/secrets-sync
 * @example
 * ```ts
 * import { createVercelSyncDestination } from "@vaultkit/sys";
 *
 * createVercelSyncDestination({ name: "web", access_token: "t", project_id: "prj_1", deployment_environments: ["preview"] }).path; // "/sys/sync/destinations/vercel-project/web"
 * ```
 */
export function createVercelSyncDestination(
  params: VercelSyncDestinationParams,
): Description<SyncDestination> {
  return call(createVercelOp, params);
}

/**
 * Changes some settings of a Vercel destination
 * (`PATCH /sys/sync/destinations/vercel-project/{name}`). Vault Enterprise.
 *
 * @category system/secrets-sync
 * @example
 * ```ts
 * import { updateVercelSyncDestination } from "@vaultkit/sys";
 *
 * updateVercelSyncDestination({ name: "web", team_id: "team_1" }).method; // "PATCH"
 * ```
 */
export function updateVercelSyncDestination(
  params: SyncDestinationUpdate<VercelSyncDestinationParams>,
): Description<SyncDestination> {
  return call(updateVercelOp, params);
}

/**
 * Creates or replaces an in-memory destination, Vault's test store
 * (`POST /sys/sync/destinations/in-mem/{name}`). Vault Enterprise.
 *
 * @category system/secrets-sync
 * @example
 * ```ts
 * import { createInMemorySyncDestination } from "@vaultkit/sys";
 *
 * createInMemorySyncDestination({ name: "test" }).path; // "/sys/sync/destinations/in-mem/test"
 * ```
 */
export function createInMemorySyncDestination(
  params: SyncDestinationOptions,
): Description<SyncDestination> {
  return call(createInMemoryOp, params);
}

/**
 * Changes some settings of an in-memory destination
 * (`PATCH /sys/sync/destinations/in-mem/{name}`). Vault Enterprise.
 *
 * @category system/secrets-sync
 * @example
 * ```ts
 * import { updateInMemorySyncDestination } from "@vaultkit/sys";
 *
 * updateInMemorySyncDestination({ name: "test", granularity: "secret-key" }).method; // "PATCH"
 * ```
 */
export function updateInMemorySyncDestination(
  params: SyncDestinationUpdate<SyncDestinationOptions>,
): Description<SyncDestination> {
  return call(updateInMemoryOp, params);
}

// ---------------------------------------------------------------------------
// Builders: associations

const readSyncAssociationsOp: Declaration<SyncDestinationRef, SyncAssociations> = {
  name: "readSyncAssociations",
  docs: DOCS,
  enterprise: true,
  method: "GET",
  path: "/sys/sync/destinations/{type}/{name}/associations",
  params: { type: "path", name: "path" },
  result: /* @__PURE__ */ data(SyncAssociationsCodec),
};

/**
 * Reads a destination's associations and their sync status
 * (`GET /sys/sync/destinations/{type}/{name}/associations`). Vault Enterprise.
 *
 * @category system/secrets-sync
 * @example
 * ```ts
 * import { readSyncAssociations } from "@vaultkit/sys";
 *
 * readSyncAssociations({ type: "gh", name: "ci" }).path; // "/sys/sync/destinations/gh/ci/associations"
 * ```
 */
export function readSyncAssociations(params: SyncDestinationRef): Description<SyncAssociations> {
  return call(readSyncAssociationsOp, params);
}

function associationOp(
  verb: "set" | "remove",
): Declaration<SyncAssociationParams, SyncAssociations> {
  return {
    name: `${verb}SyncAssociation`,
    docs: DOCS,
    enterprise: true,
    method: "POST",
    path: `${DESTINATIONS}/{type}/{name}/associations/${verb}`,
    params: { type: "path", name: "path", mount: "body", secret_name: "body" },
    checks: { mount: nonEmptyString, secret_name: nonEmptyString },
    result: data(SyncAssociationsCodec),
  };
}

const setSyncAssociationOp = /* @__PURE__ */ associationOp("set");

/**
 * Associates a secret with a destination and syncs it, or syncs it again
 * (`POST /sys/sync/destinations/{type}/{name}/associations/set`). Vault Enterprise.
 *
 * @category system/secrets-sync
 * @example
 * ```ts
 * import { setSyncAssociation } from "@vaultkit/sys";
 *
 * setSyncAssociation({ type: "gh", name: "ci", mount: "kv", secret_name: "app" }).body; // { mount: "kv", secret_name: "app" }
 * ```
 */
export function setSyncAssociation(params: SyncAssociationParams): Description<SyncAssociations> {
  return call(setSyncAssociationOp, params);
}

const removeSyncAssociationOp = /* @__PURE__ */ associationOp("remove");

/**
 * Dissociates a secret from a destination and unsyncs it
 * (`POST /sys/sync/destinations/{type}/{name}/associations/remove`). Vault Enterprise.
 *
 * @category system/secrets-sync
 * @example
 * ```ts
 * import { removeSyncAssociation } from "@vaultkit/sys";
 *
 * removeSyncAssociation({ type: "gh", name: "ci", mount: "kv", secret_name: "app" }).method; // "POST"
 * ```
 */
export function removeSyncAssociation(
  params: SyncAssociationParams,
): Description<SyncAssociations> {
  return call(removeSyncAssociationOp, params);
}

const listSyncAssociationsOp: Declaration<Record<never, never>, SyncAssociationList> = {
  name: "listSyncAssociations",
  docs: DOCS,
  enterprise: true,
  method: "LIST",
  path: "/sys/sync/associations/",
  params: {},
  result: /* @__PURE__ */ data(SyncAssociationListCodec),
};

/**
 * Lists the secrets associated with at least one destination
 * (`LIST /sys/sync/associations`). Vault Enterprise.
 *
 * @category system/secrets-sync
 * @example
 * ```ts
 * import { listSyncAssociations } from "@vaultkit/sys";
 *
 * listSyncAssociations().path; // "/sys/sync/associations/"
 * ```
 */
export function listSyncAssociations(): Description<SyncAssociationList> {
  return callFixed(listSyncAssociationsOp, {});
}

const readSecretSyncDestinationsOp: Declaration<SyncedSecretParams, SecretSyncDestinations> = {
  name: "readSecretSyncDestinations",
  docs: DOCS,
  enterprise: true,
  method: "GET",
  path: "/sys/sync/associations/destinations",
  params: { mount: "query", secret_name: "query" },
  checks: { mount: nonEmptyString, secret_name: nonEmptyString },
  result: /* @__PURE__ */ data(SecretSyncDestinationsCodec),
  aliases: [{ method: "GET", path: "/sys/sync/associations/{mount}/{secret_name}" }],
};

/**
 * Reads the destinations a secret is synced to
 * (`GET /sys/sync/associations/destinations?mount=…&secret_name=…`, which
 * takes names with `/`; Vault also serves `/sys/sync/associations/{mount}/{secret_name}`).
 * Vault Enterprise.
 *
 * @category system/secrets-sync
 * @example
 * ```ts
 * import { readSecretSyncDestinations } from "@vaultkit/sys";
 *
 * readSecretSyncDestinations({ mount: "kv", secret_name: "app/db" }).query; // { mount: "kv", secret_name: "app/db" }
 * ```
 */
export function readSecretSyncDestinations(
  params: SyncedSecretParams,
): Description<SecretSyncDestinations> {
  return callFixed(readSecretSyncDestinationsOp, params);
}

// ---------------------------------------------------------------------------
// Builders: config and GitHub apps

const readSyncConfigOp: Declaration<Record<never, never>, SyncConfig> = {
  name: "readSyncConfig",
  docs: DOCS,
  enterprise: true,
  method: "GET",
  path: "/sys/sync/config",
  params: {},
  result: /* @__PURE__ */ data(SyncConfigCodec),
};

/**
 * Reads the sync system's config (`GET /sys/sync/config`). Vault Enterprise.
 *
 * @category system/secrets-sync
 * @example
 * ```ts
 * import { readSyncConfig } from "@vaultkit/sys";
 *
 * readSyncConfig().path; // "/sys/sync/config"
 * ```
 */
export function readSyncConfig(): Description<SyncConfig> {
  return callFixed(readSyncConfigOp, {});
}

/**
 * Params of {@linkcode updateSyncConfig}.
 *
 * @example
 * ```ts
 * import type { UpdateSyncConfigParams } from "@vaultkit/sys";
 *
 * const p: UpdateSyncConfigParams = { disabled: true };
 * ```
 */
export interface UpdateSyncConfigParams {
  /** Pause (`true`) or resume syncing. */
  readonly disabled?: boolean;
  /** Most pending operations the queue holds. */
  readonly queue_capacity?: number;
}

const updateSyncConfigOp: Declaration<UpdateSyncConfigParams, SyncConfig> = {
  name: "updateSyncConfig",
  docs: DOCS,
  enterprise: true,
  method: "PATCH",
  path: "/sys/sync/config",
  params: { disabled: "body", queue_capacity: "body" },
  checks: {
    disabled: /* @__PURE__ */ optional(isBoolean),
    queue_capacity: /* @__PURE__ */ optional(/* @__PURE__ */ wholeNumber(1)),
  },
  problems: someSetting,
  result: /* @__PURE__ */ data(SyncConfigCodec),
};

/**
 * Changes the sync system's config (`PATCH /sys/sync/config`); root or
 * administrative namespace only. Vault Enterprise.
 *
 * @category system/secrets-sync
 * @example
 * ```ts
 * import { updateSyncConfig } from "@vaultkit/sys";
 *
 * updateSyncConfig({ disabled: true }).body; // { disabled: true }
 * ```
 */
export function updateSyncConfig(params: UpdateSyncConfigParams): Description<SyncConfig> {
  return callFixed(updateSyncConfigOp, params);
}

const resetSyncConfigOp: Declaration<Record<never, never>, SyncConfig> = {
  name: "resetSyncConfig",
  docs: DOCS,
  enterprise: true,
  method: "DELETE",
  path: "/sys/sync/config",
  params: {},
  result: /* @__PURE__ */ data(SyncConfigCodec),
};

/**
 * Puts the sync config back to Vault's defaults (`DELETE /sys/sync/config`);
 * yields it. Vault Enterprise; not on the docs page (OpenAPI document only).
 *
 * @category system/secrets-sync
 * @example
 * ```ts
 * import { resetSyncConfig } from "@vaultkit/sys";
 *
 * resetSyncConfig().method; // "DELETE"
 * ```
 */
export function resetSyncConfig(): Description<SyncConfig> {
  return callFixed(resetSyncConfigOp, {});
}

const listSyncGithubAppsOp: Declaration<Record<never, never>, readonly string[]> = {
  name: "listSyncGithubApps",
  docs: DOCS,
  enterprise: true,
  method: "LIST",
  path: "/sys/sync/github-apps/",
  params: {},
  result: keys,
};

/**
 * Lists the custom GitHub apps' names (`LIST /sys/sync/github-apps`). Vault
 * Enterprise; not on the docs page, read as Vault's other lists.
 *
 * @category system/secrets-sync
 * @example
 * ```ts
 * import { listSyncGithubApps } from "@vaultkit/sys";
 *
 * listSyncGithubApps().path; // "/sys/sync/github-apps/"
 * ```
 */
export function listSyncGithubApps(): Description<readonly string[]> {
  return callFixed(listSyncGithubAppsOp, {});
}

/**
 * A custom GitHub app, by name.
 *
 * @example
 * ```ts
 * import type { SyncGithubAppNameParams } from "@vaultkit/sys";
 *
 * const p: SyncGithubAppNameParams = { name: "vault-sync" };
 * ```
 */
export interface SyncGithubAppNameParams {
  /** The app's name in Vault. */
  readonly name: string;
}

/**
 * Params of {@linkcode createSyncGithubApp}.
 *
 * @example
 * ```ts
 * import type { CreateSyncGithubAppParams } from "@vaultkit/sys";
 *
 * const p: CreateSyncGithubAppParams = { name: "vault-sync", app_id: 123456, private_key: "-----BEGIN RSA PRIVATE KEY-----\n…" };
 * ```
 */
export interface CreateSyncGithubAppParams extends SyncGithubAppNameParams {
  /** GitHub's id of the app. */
  readonly app_id: number;
  /** The app's PEM private key; sent, never logged. */
  readonly private_key: SecretInput;
}

const readSyncGithubAppOp: Declaration<SyncGithubAppNameParams, SyncGithubApp> = {
  name: "readSyncGithubApp",
  docs: DOCS,
  enterprise: true,
  method: "GET",
  path: "/sys/sync/github-apps/{name}",
  params: { name: "path" },
  result: /* @__PURE__ */ data(SyncGithubAppCodec),
};

/**
 * Reads a custom GitHub app (`GET /sys/sync/github-apps/{name}`). Vault Enterprise.
 *
 * @category system/secrets-sync
 * @example
 * ```ts
 * import { readSyncGithubApp } from "@vaultkit/sys";
 *
 * readSyncGithubApp({ name: "vault-sync" }).path; // "/sys/sync/github-apps/vault-sync"
 * ```
 */
export function readSyncGithubApp(params: SyncGithubAppNameParams): Description<SyncGithubApp> {
  return call(readSyncGithubAppOp, params);
}

const createSyncGithubAppOp: Declaration<CreateSyncGithubAppParams, SyncGithubApp> = {
  name: "createSyncGithubApp",
  docs: DOCS,
  enterprise: true,
  method: "POST",
  path: "/sys/sync/github-apps/{name}",
  params: { name: "path", app_id: "body", private_key: "body" },
  checks: {
    app_id: /* @__PURE__ */ wholeNumber(1),
    private_key: /* @__PURE__ */ required(secretText),
  },
  encode: /* @__PURE__ */ secretBody(["private_key"], ["name"]),
  result: /* @__PURE__ */ data(SyncGithubAppCodec),
};

/**
 * Configures a custom GitHub app for GitHub destinations
 * (`POST /sys/sync/github-apps/{name}`). Vault Enterprise.
 *
 * @category system/secrets-sync
 * @example
 * ```ts
 * import { createSyncGithubApp } from "@vaultkit/sys";
 *
 * JSON.stringify(createSyncGithubApp({ name: "a", app_id: 1, private_key: "pem" }).body); // '{"app_id":1,"private_key":"[redacted]"}'
 * ```
 */
export function createSyncGithubApp(params: CreateSyncGithubAppParams): Description<SyncGithubApp> {
  return call(createSyncGithubAppOp, params);
}

const deleteSyncGithubAppOp: Declaration<SyncGithubAppNameParams, void> = {
  name: "deleteSyncGithubApp",
  docs: DOCS,
  enterprise: true,
  method: "DELETE",
  path: "/sys/sync/github-apps/{name}",
  params: { name: "path" },
  result: none,
};

/**
 * Deletes a custom GitHub app no destination uses (`DELETE /sys/sync/github-apps/{name}`). Vault Enterprise.
 *
 * @category system/secrets-sync
 * @example
 * ```ts
 * import { deleteSyncGithubApp } from "@vaultkit/sys";
 *
 * deleteSyncGithubApp({ name: "vault-sync" }).method; // "DELETE"
 * ```
 */
export function deleteSyncGithubApp(params: SyncGithubAppNameParams): Description<void> {
  return call(deleteSyncGithubAppOp, params);
}

/**
 * Catalog entries of this file's builders.
 *
 * @example
 * ```ts
 * import { secretsSyncEndpoints } from "@vaultkit/sys";
 *
 * secretsSyncEndpoints.length; // 28
 * ```
 */
export const secretsSyncEndpoints: readonly Endpoint[] = /* @__PURE__ */ [
  listSyncDestinationsOp,
  listSyncDestinationsOfTypeOp,
  readSyncDestinationOp,
  deleteSyncDestinationOp,
  createAwsOp,
  updateAwsOp,
  createAzureOp,
  updateAzureOp,
  createGcpOp,
  updateGcpOp,
  createGithubOp,
  updateGithubOp,
  createVercelOp,
  updateVercelOp,
  createInMemoryOp,
  updateInMemoryOp,
  readSyncAssociationsOp,
  setSyncAssociationOp,
  removeSyncAssociationOp,
  listSyncAssociationsOp,
  readSecretSyncDestinationsOp,
  readSyncConfigOp,
  updateSyncConfigOp,
  resetSyncConfigOp,
  listSyncGithubAppsOp,
  readSyncGithubAppOp,
  createSyncGithubAppOp,
  deleteSyncGithubAppOp,
].map(endpointOf);
