/**
 * The codec of a root-token generation attempt's state, shared by
 * generate-root and the DR operation token generation (the same Vault
 * handler). Internal: not re-exported by `mod.ts`.
 *
 * @module
 */
import * as t from "../t.ts";
import { type Codec, SecretString } from "../codecs.ts";
import type { GenerateRootStatus } from "./generate_root.ts";

/** Codec for {@linkcode GenerateRootStatus}. */
export const GenerateRootStatusCodec: Codec<GenerateRootStatus> = /* @__PURE__ */ t.intersection([
  /* @__PURE__ */ t.type({
    started: t.boolean,
    nonce: t.string,
    progress: t.number,
    required: t.number,
    complete: t.boolean,
  }),
  /* @__PURE__ */ t.partial({
    encoded_token: SecretString,
    encoded_root_token: SecretString,
    pgp_fingerprint: t.string,
    otp: SecretString,
    otp_length: t.number,
  }),
]);
