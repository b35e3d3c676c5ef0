/**
 * Vault's builtin plugins, shared by the plugin catalog (what it lists) and
 * the mount table (which types it mounts without a registration).
 *
 * @module
 */

/**
 * A plugin type of the catalog.
 *
 * @example
 * ```ts
 * import type { PluginType } from "@vaultkit/sys/testing";
 *
 * const t: PluginType = "database";
 * ```
 */
export type PluginType = "auth" | "database" | "secret";

/**
 * Vault's builtin plugins by type (the registry of Vault 1.19, removed
 * plugins left out), each with its deprecation status when not `supported`.
 *
 * @example
 * ```ts
 * import { BUILTIN_PLUGINS } from "@vaultkit/sys/testing";
 *
 * BUILTIN_PLUGINS.secret.includes("kv"); // true
 * ```
 */
export const BUILTIN_PLUGINS: Readonly<Record<PluginType, readonly string[]>> = {
  auth: [
    "alicloud",
    "approle",
    "aws",
    "azure",
    "cert",
    "cf",
    "gcp",
    "github",
    "jwt",
    "kerberos",
    "kubernetes",
    "ldap",
    "oci",
    "oidc",
    "okta",
    "radius",
    "userpass",
  ],
  database: [
    "cassandra-database-plugin",
    "couchbase-database-plugin",
    "elasticsearch-database-plugin",
    "hana-database-plugin",
    "influxdb-database-plugin",
    "mongodb-database-plugin",
    "mongodbatlas-database-plugin",
    "mssql-database-plugin",
    "mysql-aurora-database-plugin",
    "mysql-database-plugin",
    "mysql-legacy-database-plugin",
    "mysql-rds-database-plugin",
    "postgresql-database-plugin",
    "redis-database-plugin",
    "redis-elasticache-database-plugin",
    "redshift-database-plugin",
    "snowflake-database-plugin",
  ],
  secret: [
    "ad",
    "alicloud",
    "aws",
    "azure",
    "consul",
    "database",
    "gcp",
    "gcpkms",
    "kubernetes",
    "kv",
    "ldap",
    "mongodbatlas",
    "nomad",
    "openldap",
    "pki",
    "rabbitmq",
    "ssh",
    "terraform",
    "totp",
    "transit",
  ],
};
